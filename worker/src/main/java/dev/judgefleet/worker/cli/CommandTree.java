package dev.judgefleet.worker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code judge} command tree as picocli sees it, set up the same way before Quarkus starts
 * (help, version, usage errors) and inside it (the commands themselves).
 */
final class CommandTree {
  private CommandTree() {}

  /** The tree without Quarkus: for help and parsing only, never for running a command. */
  static CommandLine offline() {
    return configure(new CommandLine(JudgeCommand.class));
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
