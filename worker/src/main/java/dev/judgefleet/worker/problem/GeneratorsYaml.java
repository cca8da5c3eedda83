package dev.judgefleet.worker.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BAPCtools' {@code generators/generators.yaml} into a {@link GenerationPlan}. What is read:
 * the top-level {@code solution}, {@code generators} and {@code random_salt}; directories with
 * {@code data} (a map, or a list whose entries are numbered {@code 01-name} per directory), {@code
 * test_group.yaml} / {@code testdata.yaml}, {@code include}, {@code solution} and {@code
 * random_salt}; test cases as a command string, or a map with {@code generate}, {@code count}
 * ({@code 3}, {@code [1, 5]} or {@code 1..=3}), {@code copy}, {@code solution}, {@code yaml} and
 * literal contents per extension. In commands, problem.yaml's constants are replaced first (as
 * BAPCtools does), then {@code {count}}, {@code {name}} (always {@code testcase}, the name
 * BAPCtools gives the case while it runs) and {@code {seed}} / {@code {seed:N}}; the seed is
 * BAPCtools': SHA-512 of the salt, the count and the command, modulo 2^31. Cases of a {@code count}
 * are named {@code name-1}, ..., zero-padded to one width when the counts are consecutive, as
 * BAPCtools names them. Other keys are tools' own (BAPCtools allows them) and are ignored with a
 * warning.
 */
final class GeneratorsYaml {
  private static final Pattern SEED = Pattern.compile("\\{seed(:[0-9]+)?\\}");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_.-]*");
  private static final Pattern RANGE = Pattern.compile("(-?[0-9]+)\\.\\.=(-?[0-9]+)");

  private static final Set<String> CASE_KEYS =
      Set.of("generate", "copy", "count", "solution", "random_salt", "retries", "match", "yaml");

  private static final Set<String> DIRECTORY_KEYS =
      Set.of(
          "data",
          "include",
          "solution",
          "random_salt",
          "retries",
          TestGroupYaml.FILE,
          TestdataYaml.FILE);

  private static final Set<String> ROOT_KEYS = Set.of("generators", "version");

  private final PackageFiles files;
  private final Path shown;
  private final Constants constants;
  private final List<GenerationPlan.Case> cases = new ArrayList<>();
  private final Map<String, String> otherFiles = new LinkedHashMap<>();
  private final List<GenerationPlan.Include> includes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private GeneratorsYaml(PackageFiles files, Path shown, Constants constants) {
    this.files = files;
    this.shown = shown;
    this.constants = constants;
  }

  static GenerationPlan read(Path dir) {
    PackageFiles files = PackageFiles.open(dir, LoadLimits.DEFAULTS);
    ProblemYaml problem = ProblemYaml.read(files);
    PackageEntry entry =
        files
            .find(ProblemLoader.GENERATORS_YAML)
            .filter(e -> !e.directory())
            .orElseThrow(
                () ->
                    files
                        .report()
                        .error(
                            files.pathOf(ProblemLoader.GENERATORS_YAML),
                            "missing: the package has no generators to run"));
    Path shown = files.pathOf(entry);
    JsonNode root;
    try {
      root = YamlTree.parse(files.readCapped(entry, files.limits().yamlBytes()));
    } catch (YamlTree.YamlException e) {
      throw files.report().error(shown, "is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw files.report().error(shown, "must be a map with data: and its test cases");
    }
    GeneratorsYaml reader = new GeneratorsYaml(files, shown, problem.constants());
    Optional<String> solution = reader.solution(root.get("solution"), Optional.empty());
    Map<String, List<String>> generators = reader.generators(root.get("generators"));
    reader.directory("", root, text(root.get("random_salt")).orElse(""), solution, true);
    return new GenerationPlan(
        files.root(),
        problem.type(),
        problem.constants(),
        solution,
        generators,
        reader.cases,
        reader.otherFiles,
        reader.includes,
        reader.warnings);
  }

  private Map<String, List<String>> generators(JsonNode node) {
    Map<String, List<String>> generators = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return generators;
    }
    if (!node.isObject()) {
      throw error("generators: must map names to lists of files");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> deps = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(d -> deps.add(d.asText()));
      } else if (e.getValue().isTextual()) {
        deps.add(e.getValue().asText());
      }
      if (deps.isEmpty()) {
        throw error("generators: " + e.getKey() + " must list its files");
      }
      generators.put(e.getKey(), deps);
    }
    return generators;
  }

  /**
   * A {@code solution:} value: a path from the package root ({@code /submissions/accepted/a.py});
   * an empty value means none. Absent: {@code inherited}.
   */
  private Optional<String> solution(JsonNode node, Optional<String> inherited) {
    if (node == null) {
      return inherited;
    }
    if (node.isNull() || node.asText().isBlank()) {
      return Optional.empty();
    }
    String path = node.asText().strip();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (files.find(relative).isEmpty()) {
      throw error("solution: " + path + " does not exist in the package");
    }
    return Optional.of(relative);
  }

  private void directory(
      String path, JsonNode node, String salt, Optional<String> solution, boolean root) {
    String here = text(node.get("random_salt")).orElse(salt);
    Optional<String> sol = root ? solution : solution(node.get("solution"), solution);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!DIRECTORY_KEYS.contains(key) && !(root && ROOT_KEYS.contains(key))) {
        warnings.add(where(path) + ": key " + key + " ignored");
      }
    }
    for (String file : List.of(TestGroupYaml.FILE, TestdataYaml.FILE)) {
      JsonNode config = node.get(file);
      if (config != null && !config.isNull()) {
        otherFiles.put(join(path, file), YamlTree.write(config));
      }
    }
    JsonNode include = node.get("include");
    if (include != null && include.isArray()) {
      include.forEach(name -> includes.add(new GenerationPlan.Include(path, name.asText())));
    }
    JsonNode data = node.get("data");
    if (data == null || data.isNull()) {
      return;
    }
    if (data.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        child(path, e.getKey(), e.getKey(), e.getValue(), here, sol);
      }
    } else if (data.isArray()) {
      int width = Integer.toString(data.size()).length();
      int number = 0;
      for (JsonNode element : data) {
        number++;
        if (!element.isObject()) {
          throw error(where(path) + ": data: list entries must be maps of name to test case");
        }
        String prefix = String.format("%0" + width + "d", number);
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          // A YAML null key (~) is an empty name, as BAPCtools reads it.
          String key = e.getKey().equals("~") ? "" : e.getKey();
          String name = key.isEmpty() ? prefix : prefix + "-" + key;
          child(path, name, key, e.getValue(), here, sol);
        }
      }
    } else {
      throw error(where(path) + ": data: must be a map or a list");
    }
  }

  private void child(
      String parent,
      String name,
      String key,
      JsonNode node,
      String salt,
      Optional<String> solution) {
    if (!NAME.matcher(name).matches()) {
      throw error(where(parent) + ": \"" + name + "\" is not a valid test case or group name");
    }
    String path = join(parent, name);
    boolean directory =
        node != null
            && node.isObject()
            && (node.has("data") || node.has("include") || node.has(TestGroupYaml.FILE));
    if (directory) {
      directory(path, node, salt, solution, false);
    } else {
      testCase(path, key, node, salt, solution);
    }
  }

  private void testCase(
      String path, String key, JsonNode node, String salt, Optional<String> solution) {
    if (node == null || node.isNull()) {
      throw error(where(path) + ": a test case needs a command, in: or copy:");
    }
    if (node.isTextual()) {
      cases.add(
          call(
              path,
              key,
              constants.apply(node.asText()),
              1,
              Optional.empty(),
              salt,
              solution,
              Map.of()));
      return;
    }
    if (!node.isObject()) {
      throw error(where(path) + ": must be a command or a map");
    }
    String here = text(node.get("random_salt")).orElse(salt);
    Optional<String> sol = solution(node.get("solution"), solution);
    Map<String, String> literals = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (GenerationPlan.CASE_FILES.contains(k)) {
        if (v.isObject() && v.has("link")) {
          literals.put(k, "@link:" + v.get("link").asText());
        } else if (v.isValueNode() && !v.isNull()) {
          literals.put(k, v.asText());
        }
      } else if (k.equals("yaml") && v.isObject()) {
        literals.put("yaml", YamlTree.write(v));
      } else if (!CASE_KEYS.contains(k)) {
        warnings.add(where(path) + ": key " + k + " ignored");
      }
    }
    Optional<String> copy = text(node.get("copy"));
    Optional<String> generate = text(node.get("generate")).map(constants::apply);
    if (generate.isEmpty() && copy.isEmpty() && !literals.containsKey("in")) {
      // Written anyway, so that judge generate reports this case and writes the others.
      warnings.add(where(path) + ": a test case needs generate:, copy: or in:");
    }
    List<Long> counts = counts(path, node.get("count"));
    if (counts.isEmpty()) {
      cases.add(
          generate.isPresent()
              ? call(path, key, generate.get(), 1, copy, here, sol, literals)
              : new GenerationPlan.Case(path, key, literals, copy, Optional.empty(), sol));
      return;
    }
    long min = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
    int width =
        max - min == counts.size() - 1
            ? counts.stream().mapToInt(c -> Long.toString(c).length()).max().orElseThrow()
            : 0;
    for (long count : counts) {
      String name = path + "-" + (width == 0 ? count : String.format("%0" + width + "d", count));
      cases.add(
          generate.isPresent()
              ? call(
                  name,
                  key,
                  generate.get().replace("{count}", Long.toString(count)),
                  count,
                  copy,
                  here,
                  sol,
                  literals)
              : new GenerationPlan.Case(name, key, literals, copy, Optional.empty(), sol));
    }
  }

  /** {@code count:} as the values of {@code {count}}: none when absent. */
  private List<Long> counts(String path, JsonNode node) {
    List<Long> counts = new ArrayList<>();
    if (node == null || node.isNull()) {
      return counts;
    }
    if (node.isIntegralNumber() || (node.isTextual() && node.asText().matches("[0-9]+"))) {
      if (node.asLong() > 10_000) {
        throw error(where(path) + ": count too large");
      }
      for (long i = 1; i <= node.asLong(); i++) {
        counts.add(i);
      }
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        if (!v.asText().matches("-?[0-9]{1,18}")) {
          throw error(where(path) + ": count lists integers, got " + v.asText());
        }
        if (counts.contains(Long.parseLong(v.asText()))) {
          throw error(where(path) + ": count lists " + v.asText() + " twice");
        }
        counts.add(Long.parseLong(v.asText()));
      }
    } else {
      Matcher range = RANGE.matcher(node.asText().strip());
      if (!range.matches()) {
        throw error(where(path) + ": count must be a number, a list or a range a..=b");
      }
      long from = Long.parseLong(range.group(1));
      long to = Long.parseLong(range.group(2));
      if (to - from > 10_000) {
        throw error(where(path) + ": count range too large");
      }
      for (long i = from; i <= to; i++) {
        counts.add(i);
      }
    }
    if (counts.isEmpty()) {
      throw error(where(path) + ": count gives no test case");
    }
    return counts;
  }

  /**
   * A generator's case; {@code command} has its constants and {@code {count}} replaced, and {@code
   * count} is its count (1 without {@code count:}).
   */
  private GenerationPlan.Case call(
      String path,
      String key,
      String command,
      long count,
      Optional<String> copy,
      String salt,
      Optional<String> solution,
      Map<String, String> literals) {
    // BAPCtools runs every generator in a directory of its own where the case is "testcase":
    // {name} is that name, and a generator that writes files writes testcase.in, testcase.ans.
    String named = command.replace("{name}", "testcase");
    Matcher seeds = SEED.matcher(named);
    List<String> words = new ArrayList<>();
    for (String word : named.strip().split("\\s+")) {
      Matcher seed = SEED.matcher(word);
      words.add(seed.find() ? seed.replaceAll(Long.toString(seed(salt, count, command))) : word);
    }
    if (seeds.results().count() > 1) {
      throw error(where(path) + ": {seed} may appear once in a command");
    }
    if (words.isEmpty() || words.get(0).isEmpty()) {
      throw error(where(path) + ": empty command");
    }
    return new GenerationPlan.Case(
        path,
        key,
        literals,
        copy,
        Optional.of(
            new GenerationPlan.Call(words.get(0), words.subList(1, words.size()), command.strip())),
        solution);
  }

  /**
   * BAPCtools' seed: SHA-512 of the salt, {@code :count-1} when the count is not 1 (BAPCtools keeps
   * that offset for compatibility), and the stripped command ({@code {name}} and {@code {seed}} as
   * written), as a number, modulo 2^31.
   */
  static long seed(String salt, long count, String command) {
    String hashed = salt + (count == 1 ? "" : ":" + (count - 1)) + command.strip();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-512").digest(hashed.getBytes(StandardCharsets.UTF_8));
      return new java.math.BigInteger(1, digest)
          .mod(java.math.BigInteger.valueOf(1L << 31))
          .longValue();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-512", e);
    }
  }

  private ProblemException error(String message) {
    return files.report().error(shown, message);
  }

  private static String where(String path) {
    return path.isEmpty() ? "data" : "data/" + path;
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode()
        ? Optional.empty()
        : Optional.of(node.asText());
  }
}
