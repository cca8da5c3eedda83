package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help a newcomer reads: every command listed and summed up, every option described. */
class CommandHelpTest {
  /** A description that stops here was cut mid-sentence. */
  private static final Pattern CUT =
      Pattern.compile(
          "(?i).*([,;:(\\-]|\\b(a|an|and|as|at|by|for|from|in|its|of|on|or|the|to|with))$");

  private final CommandLine tree = CommandTree.offline();

  private static List<CommandLine> commands(CommandLine root) {
    return CommandTree.all(root);
  }

  /** The line the parent's command list shows: the header, else the description's first line. */
  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String[] description = spec.usageMessage().description();
    return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
  }

  @Test
  void theTopLevelHelpListsEveryCommandUpIncludedEachWithAWholeSentence() {
    String help = tree.getUsageMessage(CommandLine.Help.Ansi.OFF);
    Set<String> names = tree.getSubcommands().keySet();
    assertTrue(names.containsAll(List.of("up", "serve", "submit", "run", "judge", "languages")));
    for (String name : names) {
      CommandSpec spec = tree.getSubcommands().get(name).getCommandSpec();
      String line = summary(spec);
      assertTrue(
          line.endsWith("."), "judge " + name + ": the listed summary is not a sentence: " + line);
      // The list indents each summary past the longest name; on an 80-column screen it must fit.
      int room = 80 - 2 - names.stream().mapToInt(String::length).max().orElse(0) - 2;
      assertTrue(
          line.length() <= room,
          "judge " + name + ": the summary wraps (" + line.length() + " > " + room + "): " + line);
      // The list shows the summary alone: it must not run on into the description's next line.
      String[] description = spec.usageMessage().description();
      if (spec.usageMessage().header().length == 0 && description.length > 1) {
        assertTrue(
            Character.isUpperCase(description[1].charAt(0)),
            "judge " + name + ": the summary continues on its next line: " + description[1]);
      }
      assertTrue(
          help.contains("  " + name + " ") && help.contains(line.substring(0, 20)),
          "judge --help does not list " + name + ":\n" + help);
    }
  }

  @Test
  void theTreePutTogetherBeforeQuarkusReadsAsTheAnnotatedOne() {
    assertEquals(
        new CommandLine(JudgeCommand.class).getUsageMessage(CommandLine.Help.Ansi.OFF),
        tree.getUsageMessage(CommandLine.Help.Ansi.OFF));
    assertEquals(
        new CommandLine(JudgeCommand.class).getCommandSpec().version()[0],
        tree.getCommandSpec().version()[0]);
    for (String name : tree.getSubcommands().keySet()) {
      CommandLine alone = CommandTree.offline(name, "--help");
      String expected = tree.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
      CommandLine sub = alone.getSubcommands().get(name);
      assertEquals(expected, sub.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
    }
    assertEquals(Set.of("languages"), CommandTree.offline("languages").getSubcommands().keySet());
    assertEquals(
        tree.getSubcommands().keySet(), CommandTree.offline("lnaguages").getSubcommands().keySet());
  }

  @Test
  void everyCommandHasAWholeDescription() {
    for (CommandLine command : commands(tree)) {
      CommandSpec spec = command.getCommandSpec();
      String[] description = spec.usageMessage().description();
      assertTrue(description.length > 0, spec.qualifiedName() + " has no description");
      // picocli renders %n as a line break.
      String last = description[description.length - 1].replace("%n", "").strip();
      assertTrue(
          last.endsWith(".") || last.endsWith(")"),
          spec.qualifiedName() + ": the description ends mid-sentence: " + last);
    }
  }

  @Test
  void everyOptionAndParameterOfEveryCommandIsDescribed() {
    List<String> missing = new ArrayList<>();
    for (CommandLine command : commands(tree)) {
      CommandSpec spec = command.getCommandSpec();
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        String text = String.join(" ", arg.description()).replace("%n", "").strip();
        String name = spec.qualifiedName() + " " + arg.paramLabel();
        if (arg.isOption()) {
          name = spec.qualifiedName() + " " + ((CommandLine.Model.OptionSpec) arg).longestName();
        }
        if (text.isEmpty()) {
          missing.add(name + ": no description");
        } else if (CUT.matcher(text).matches()) {
          missing.add(name + ": cut mid-sentence: " + text);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyCommandRendersItsHelpWithoutQuarkus() {
    for (CommandLine command : commands(tree)) {
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertTrue(
          help.startsWith("Usage: " + command.getCommandSpec().qualifiedName())
              || help.contains("\nUsage: " + command.getCommandSpec().qualifiedName()),
          help);
    }
  }

  @Test
  void aUsageErrorIsOneMessageTheSynopsisAndWhereToReadMore() {
    StringWriter err = new StringWriter();
    CommandLine offline = CommandTree.offline();
    offline.setErr(new PrintWriter(err));
    CommandLine.ParameterException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CommandLine.ParameterException.class, () -> offline.parseArgs("run"));
    assertEquals(2, CommandTree.usageError(e));
    String text = err.toString();
    assertTrue(text.startsWith("judge run: Missing required parameter: 'SOURCE'"), text);
    assertTrue(text.contains("Usage: judge run "), text);
    assertTrue(text.strip().endsWith("Try 'judge run --help' for more information."), text);
    assertFalse(text.contains("--memory-limit=<memoryLimit>\n   "), "no option table:\n" + text);
  }
}
