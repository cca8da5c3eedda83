package dev.judgefleet.worker.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.judgefleet.model.InlineTest;
import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.problem.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a workload file (YAML):
 *
 * <pre>
 * items:
 *   - name: c-ac                 # unique; defaults to the source's file name
 *     problem: aplusb
 *     language: c
 *     source: ../problems/aplusb/submissions/accepted/aplusb.c   # relative to this file
 *     expect: AC
 *     weight: 10                 # default 1
 *   - name: custom-input
 *     problem: aplusb
 *     language: python3
 *     code: |                    # the program inline, instead of source
 *       print(sum(map(int, input().split())))
 *     tests:                     # inline tests ("run with custom input")
 *       - {name: t1, input: "2 3\n", answer: "5\n"}
 *     expect: AC
 * </pre>
 *
 * Every mistake is reported with the item it is in, before anything is sent.
 */
public final class WorkloadFile {
  private static final Set<String> ITEM_KEYS =
      Set.of("name", "problem", "language", "source", "code", "tests", "expect", "weight");
  private static final Set<String> TEST_KEYS = Set.of("name", "input", "answer");

  /** A workload file that cannot be used, with the place of the mistake. */
  public static final class WorkloadException extends Exception {
    private static final long serialVersionUID = 1;

    WorkloadException(String message) {
      super(message);
    }
  }

  private WorkloadFile() {}

  /** Reads the workload at {@code file}; sources are resolved against its directory. */
  public static Workload read(Path file) throws WorkloadException, IOException {
    byte[] yaml;
    try {
      yaml = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new WorkloadException(file + ": no such file");
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(file.toString(), yaml, dir);
  }

  /** Parses a workload; {@code where} names it in errors, {@code dir} resolves sources. */
  public static Workload parse(String where, byte[] yaml, Path dir)
      throws WorkloadException, IOException {
    JsonNode root;
    try {
      root = YamlTree.parse(yaml);
    } catch (YamlTree.YamlException e) {
      throw new WorkloadException(where + ": not YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("items").isArray()) {
      throw new WorkloadException(where + ": expected a mapping with a list under items");
    }
    unknownKeys(where, root, Set.of("items"));
    List<WorkloadItem> items = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("items")) {
      String at = where + ": items[" + index++ + "]";
      items.add(item(at, node, dir));
    }
    try {
      return new Workload(items);
    } catch (IllegalArgumentException e) {
      throw new WorkloadException(where + ": " + e.getMessage());
    }
  }

  private static WorkloadItem item(String at, JsonNode node, Path dir)
      throws WorkloadException, IOException {
    if (!node.isObject()) {
      throw new WorkloadException(at + ": expected a mapping");
    }
    unknownKeys(at, node, ITEM_KEYS);
    String problem = text(at, node, "problem");
    String language = text(at, node, "language");
    String expect = text(at, node, "expect");
    Verdict expected;
    try {
      expected = Verdict.valueOf(expect);
    } catch (IllegalArgumentException e) {
      throw new WorkloadException(
          at
              + ".expect: unknown verdict "
              + expect
              + " (one of "
              + Arrays.toString(Verdict.values())
              + ")");
    }
    boolean hasSource = node.has("source");
    if (hasSource == node.has("code")) {
      throw new WorkloadException(at + ": give exactly one of source (a file) and code (inline)");
    }
    String source;
    String defaultName;
    if (hasSource) {
      String relative = text(at, node, "source");
      Path path = dir.resolve(relative).normalize();
      if (!Files.isRegularFile(path)) {
        throw new WorkloadException(at + ".source: no such file " + path);
      }
      source = Files.readString(path, StandardCharsets.UTF_8);
      defaultName = path.getFileName().toString();
    } else {
      source = text(at, node, "code");
      defaultName = problem + "-" + language;
    }
    String name = node.has("name") ? text(at, node, "name") : defaultName;
    double weight = 1;
    if (node.has("weight")) {
      JsonNode w = node.get("weight");
      if (!w.isNumber() || !(w.asDouble() > 0) || Double.isInfinite(w.asDouble())) {
        throw new WorkloadException(at + ".weight: expected a positive number, not " + w.asText());
      }
      weight = w.asDouble();
    }
    return new WorkloadItem(name, problem, language, source, tests(at, node), expected, weight);
  }

  private static List<InlineTest> tests(String at, JsonNode node) throws WorkloadException {
    if (!node.has("tests")) {
      return List.of();
    }
    JsonNode list = node.get("tests");
    if (!list.isArray() || list.isEmpty()) {
      throw new WorkloadException(at + ".tests: expected a non-empty list");
    }
    List<InlineTest> tests = new ArrayList<>();
    int index = 0;
    for (JsonNode t : list) {
      String tat = at + ".tests[" + index++ + "]";
      if (!t.isObject()) {
        throw new WorkloadException(tat + ": expected a mapping");
      }
      unknownKeys(tat, t, TEST_KEYS);
      String name = t.has("name") ? text(tat, t, "name") : "t" + index;
      String answer = t.has("answer") ? text(tat, t, "answer") : null;
      tests.add(new InlineTest(name, text(tat, t, "input"), answer));
    }
    return tests;
  }

  private static String text(String at, JsonNode node, String key) throws WorkloadException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new WorkloadException(at + ": " + key + " is missing");
    }
    if (!value.isValueNode()) {
      throw new WorkloadException(at + "." + key + ": expected text");
    }
    return value.asText();
  }

  private static void unknownKeys(String at, JsonNode node, Set<String> known)
      throws WorkloadException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!known.contains(key)) {
        throw new WorkloadException(
            at + ": unknown key " + key + " (known: " + new TreeSet<>(known) + ")");
      }
    }
  }
}
