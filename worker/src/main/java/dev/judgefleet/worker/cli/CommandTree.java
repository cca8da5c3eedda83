package dev.judgefleet.worker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code judge} command tree as picocli sees it, set up the same way before Quarkus starts
 * (help, version, usage errors) and inside it (the commands themselves).
 */
final class CommandTree {
  private CommandTree() {}

  /** The whole tree without Quarkus: for help and parsing, never for a command that needs it. */
  static CommandLine offline() {
    return configure(tree(List.of(commands())));
  }

  /**
   * The tree {@code args} need without Quarkus: when the first names a command, {@code judge} with
   * that command alone below it. picocli reads every command's class when it builds a tree, a third
   * of the start of {@code judge languages}; one command's is enough to parse its line.
   */
  static CommandLine offline(String... args) {
    if (args.length > 0) {
      for (Class<?> command : commands()) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation.name().equals(args[0]) && command != HelpCommand.class) {
          return configure(tree(List.of(command)));
        }
      }
    }
    return offline();
  }

  /** The commands {@link JudgeCommand} lists, in its order. */
  private static Class<?>[] commands() {
    return JudgeCommand.class.getAnnotation(Command.class).subcommands();
  }

  /**
   * {@code judge} as its annotation describes it, with {@code commands} below it: picocli builds a
   * spec from an annotation with every subcommand it lists, so the top is put together here.
   */
  private static CommandLine tree(List<Class<?>> commands) {
    Command top = JudgeCommand.class.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(new JudgeCommand());
    spec.name(top.name());
    spec.usageMessage().description(top.description());
    IVersionProvider version;
    try {
      version = CommandLine.defaultFactory().create(top.versionProvider());
    } catch (Exception e) {
      throw new IllegalStateException("cannot make " + top.versionProvider(), e);
    }
    spec.versionProvider(version);
    spec.mixinStandardHelpOptions(top.mixinStandardHelpOptions());
    CommandLine root = new CommandLine(spec);
    for (Class<?> command : commands) {
      root.addSubcommand(command);
    }
    // `judge run -V` prints what `judge -V` does (the version is answered before Quarkus starts).
    for (CommandLine sub : all(root)) {
      sub.getCommandSpec().versionProvider(version);
    }
    return root;
  }

  /** {@code root} and every command below it. */
  static List<CommandLine> all(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    for (CommandLine sub : root.getSubcommands().values()) {
      all.addAll(all(sub));
    }
    return all;
  }

  static CommandLine configure(CommandLine commandLine) {
    return commandLine.setParameterExceptionHandler((e, args) -> usageError(e));
  }

  /**
   * Reports a usage error as command-line tools do: the message, the command's synopsis and where
   * to read more, on stderr; returns the exit status for it (2).
   */
  static int usageError(ParameterException e) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    Help help = command.getHelp();
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
