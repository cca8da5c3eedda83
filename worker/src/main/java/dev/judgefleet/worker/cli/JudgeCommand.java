package dev.judgefleet.worker.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code judge}: the one entry point. */
@TopCommand
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "judgefleet: compile, run and judge programs in a Linux sandbox.",
    subcommands = {
      RunCommand.class,
      JudgeProblemCommand.class,
      VerifyCommand.class,
      GenerateCommand.class,
      LanguagesCommand.class,
      BenchCommand.class,
      UpCommand.class,
      RootfsCommand.class,
      ImageCommand.class,
      ServeCommand.class,
      SubmitCommand.class,
      LoadCommand.class,
      ChaosCommand.class,
      SoakCommand.class,
      ProblemsCommand.class,
      HelpCommand.class
    })
public final class JudgeCommand {}
