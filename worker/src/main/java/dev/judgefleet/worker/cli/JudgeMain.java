package dev.judgefleet.worker.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point. The command line is read before Quarkus starts: help, the version and a usage
 * error are answered by picocli alone, so {@code judge serve --help} boots no worker and a typo
 * costs a JVM start, not a Quarkus start; so is a {@link StandaloneCommand}. Everything else starts
 * Quarkus and runs the command with its injected configuration.
 */
@QuarkusMain
public final class JudgeMain {
  private JudgeMain() {}

  /**
   * Set by bin/judge's AppCDS training run: load what commands load (help, configuration, Quarkus
   * and every command bean), run nothing, and exit, so the JVM archives those classes.
   */
  static final String CDS_TRAINING = "judgefleet.cds-training";

  public static void main(String... args) {
    if (Boolean.getBoolean(CDS_TRAINING)) {
      train();
      return;
    }
    CommandLine offline = CommandTree.offline(args);
    ParseResult parsed;
    try {
      parsed = offline.parseArgs(args);
    } catch (ParameterException e) {
      System.exit(CommandTree.usageError(e));
      return;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      System.exit(CommandLine.ExitCode.OK);
      return;
    }
    if (!parsed.hasSubcommand()) {
      // A bare `judge` is someone finding their way: the list of commands, as a usage error.
      offline.usage(System.err);
      System.exit(CommandLine.ExitCode.USAGE);
      return;
    }
    if (parsed.subcommand().commandSpec().userObject() instanceof StandaloneCommand) {
      System.exit(offline.execute(args));
      return;
    }
    Quarkus.run(Application.class, args);
  }

  private static void train() {
    for (CommandLine command : CommandTree.all(CommandTree.offline())) {
      command.getUsageMessage();
    }
    LanguagesCommand.catalog();
    Quarkus.run(Application.class);
  }

  /** The command, run inside Quarkus with its beans injected. */
  public static final class Application implements QuarkusApplication {
    @Inject CommandLine commandLine;

    @Override
    public int run(String... args) {
      if (Boolean.getBoolean(CDS_TRAINING)) {
        // Injecting the command line made every command's bean: that is the training.
        return CommandLine.ExitCode.OK;
      }
      return CommandTree.configure(commandLine).execute(args);
    }
  }
}
