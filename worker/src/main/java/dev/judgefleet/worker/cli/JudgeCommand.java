package dev.judgefleet.worker.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

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
      ServeCommand.class,
      SubmitCommand.class,
      LoadCommand.class,
      ProblemsCommand.class
    })
public final class JudgeCommand {}
