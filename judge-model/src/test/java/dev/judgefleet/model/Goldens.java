package dev.judgefleet.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written golden messages under {@code src/test/resources/golden/}, and the same messages
 * built in Java. A renamed record component makes the two disagree.
 */
final class Goldens {
  private Goldens() {}

  static final SubmissionPolicy POLICY =
      SubmissionPolicy.withDefaults(Set.of("c", "cpp", "java", "python3"));

  static final String MAIN_JAVA =
      """
      import java.io.BufferedReader;
      import java.io.InputStreamReader;

      public class Main {
        public static void main(String[] args) throws Exception {
          BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
          int n = Integer.parseInt(in.readLine().trim());
          System.out.println(new Solver().solve(in, n));
        }
      }
      """;

  static final String SOLVER_JAVA =
      """
      import java.io.BufferedReader;
      import java.io.IOException;

      final class Solver {
        long solve(BufferedReader in, int n) throws IOException {
          long best = Long.MIN_VALUE, run = 0;
          for (String token : in.readLine().trim().split(" ")) {
            run = Math.max(run + Long.parseLong(token), Long.parseLong(token));
            best = Math.max(best, run);
          }
          return best;
        }
      }
      """;

  static byte[] bytes(String name) {
    try (InputStream in = Goldens.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String name) {
    try {
      return new ObjectMapper().readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Submission submissionSource() {
    return new Submission(
        1,
        "nwerc2024:team017:000342",
        "bracket-balance",
        "2024-11-24.3",
        "cpp",
        """
        #include <bits/stdc++.h>
        using namespace std;

        int main() {
          string s;
          cin >> s;
          int depth = 0;
          for (char c : s) {
            depth += c == '(' ? 1 : -1;
            if (depth < 0) { cout << "NO\\n"; return 0; }
          }
          cout << (depth == 0 ? "YES" : "NO") << '\\n';
        }
        """,
        null,
        null,
        null,
        1,
        Instant.parse("2024-11-24T10:41:07.512Z"),
        ordered(
            "contest",
            "nwerc2024",
            "team",
            "team017",
            "clarificationsOpen",
            false,
            "scoreboardFrozen",
            true));
  }

  static Submission submissionFiles() {
    return new Submission(
        1,
        "nwerc2024:team042:000519",
        "max-subarray",
        null,
        "java",
        null,
        List.of(
            SourceFile.of("Main.java", MAIN_JAVA.getBytes(UTF_8)),
            SourceFile.of("Solver.java", SOLVER_JAVA.getBytes(UTF_8))),
        new LimitOverrides(3000L, 536_870_912L, null),
        null,
        2,
        Instant.parse("2024-11-24T11:02:45Z"),
        ordered(
            "contest", "nwerc2024",
            "team", "team042",
            "rejudge",
                ordered(
                    "requestedBy", "jury:alice",
                    "reason", "time limit raised from 2 s to 3 s")));
  }

  static Submission submissionInlineTests() {
    return new Submission(
        1,
        "practice:u81723:custom-0007",
        "two-sum",
        null,
        "python3",
        """
        import sys

        n, target = map(int, sys.stdin.readline().split())
        values = list(map(int, sys.stdin.readline().split()))
        seen = {}
        for i, v in enumerate(values):
            if target - v in seen:
                print(seen[target - v] + 1, i + 1)
                break
            seen[v] = i
        """,
        null,
        new LimitOverrides(2000L, null, 65_536L),
        List.of(
            new InlineTest("custom-1", "4 9\n2 7 11 15\n", "1 2\n"),
            new InlineTest("custom-2", "3 6\n3 2 4\n", null)),
        1,
        Instant.parse("2025-02-03T18:15:00Z"),
        ordered("user", "u81723", "mode", "custom-input", "tags", List.of("hash-map", "warm-up")));
  }

  static VerdictEvent verdictAccepted() {
    return new VerdictEvent(
        1,
        "nwerc2024:team017:000342",
        1,
        "3f0c9a52-8d1e-4b7a-9f64-2e5d1c07b8aa",
        "bracket-balance",
        "2024-11-24.3",
        "cpp",
        Verdict.AC,
        null,
        null,
        null,
        null,
        48,
        3_932_160,
        new CompileInfo(true, "", 1874),
        List.of(
            new TestResult("sample/1", "sample", Verdict.AC, 1, 3, 3_407_872, 0, null, null, null),
            new TestResult(
                "secret/01-small", "secret", Verdict.AC, 2, 4, 3_473_408, 0, null, null, null),
            new TestResult(
                "secret/02-max-depth",
                "secret",
                Verdict.AC,
                48,
                52,
                3_932_160,
                0,
                null,
                null,
                null)),
        null,
        null,
        new JudgedBy("judge-07.dc1", 3, "0.1.0"),
        Instant.parse("2024-11-24T10:41:10.204Z"),
        311L,
        2381,
        ordered(
            "contest",
            "nwerc2024",
            "team",
            "team017",
            "clarificationsOpen",
            false,
            "scoreboardFrozen",
            true));
  }

  static VerdictEvent verdictScoring() {
    return new VerdictEvent(
        1,
        "ioi-mock:c2:p3:000118",
        1,
        "b71e0d44-0f3c-4f25-a9d2-6c4e8a51f930",
        "fence-repair",
        "v4",
        "cpp",
        Verdict.TLE,
        "group secret/3-full: time limit exceeded on secret/3-full/02",
        null,
        47.5,
        100.0,
        1000,
        67_108_864,
        new CompileInfo(
            true,
            """
            sol.cpp: In function 'int main()':
            sol.cpp:14:9: warning: unused variable 'spare' [-Wunused-variable]
               14 |     int spare = 0;
                  |         ^~~~~
            """,
            2210),
        List.of(
            new TestResult(
                "secret/1-small/01",
                "secret/1-small",
                Verdict.AC,
                3,
                5,
                3_670_016,
                0,
                null,
                null,
                10.0),
            new TestResult(
                "secret/1-small/02",
                "secret/1-small",
                Verdict.AC,
                4,
                6,
                3_735_552,
                0,
                null,
                null,
                10.0),
            new TestResult(
                "secret/2-medium/01",
                "secret/2-medium",
                Verdict.AC,
                212,
                219,
                25_165_824,
                0,
                null,
                "cost 41823 is optimal",
                37.5),
            new TestResult(
                "secret/3-full/01",
                "secret/3-full",
                Verdict.AC,
                874,
                881,
                67_108_864,
                0,
                null,
                null,
                52.5),
            new TestResult(
                "secret/3-full/02",
                "secret/3-full",
                Verdict.TLE,
                1000,
                1006,
                66_846_720,
                null,
                "SIGKILL",
                null,
                0.0)),
        List.of(
            new GroupScore("secret/1-small", 10, 10.0),
            new GroupScore("secret/2-medium", 37.5, 37.5),
            new GroupScore("secret/3-full", 0, 52.5)),
        null,
        new JudgedBy("judge-02.dc1", 0, "0.1.0"),
        Instant.parse("2025-03-14T09:26:53.589Z"),
        1204L,
        6117,
        null);
  }

  static VerdictEvent verdictCompileError() {
    return new VerdictEvent(
        1,
        "nwerc2024:team042:000520",
        1,
        "e2a4c6f8-1b3d-4e5f-8a7b-9c0d1e2f3a4b",
        "max-subarray",
        "2024-11-20.1",
        "java",
        Verdict.CE,
        "compilation failed",
        null,
        null,
        null,
        0,
        0,
        new CompileInfo(
            false,
            """
            Main.java:7: error: cannot find symbol
                System.out.println(new Solvr().solve(in, n));
                                       ^
              symbol:   class Solvr
              location: class Main
            1 error
            """,
            1432),
        List.of(),
        null,
        null,
        new JudgedBy("judge-07.dc1", 1, "0.1.0"),
        Instant.parse("2024-11-24T11:05:02.017Z"),
        88L,
        1517,
        ordered("contest", "nwerc2024", "team", "team042"));
  }

  static VerdictEvent verdictCustomInput() {
    return new VerdictEvent(
        1,
        "practice:u981:custom:17",
        1,
        "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
        "scratch",
        null,
        "python3",
        Verdict.RE,
        null,
        null,
        null,
        null,
        31,
        9_437_184,
        new CompileInfo(true, "", 24),
        List.of(
            new TestResult(
                "inline/small",
                "inline",
                Verdict.AC,
                12,
                14,
                9_175_040,
                0,
                null,
                null,
                null,
                "3\n",
                "",
                false),
            new TestResult(
                "inline/empty",
                "inline",
                Verdict.RE,
                31,
                33,
                9_437_184,
                1,
                null,
                null,
                null,
                "",
                """
                Traceback (most recent call last):
                  File "/box/main.py", line 1, in <module>
                    a, b = map(int, input().split())
                EOFError: EOF when reading a line
                """,
                false)),
        null,
        null,
        new JudgedBy("judge-01.practice", 0, "0.1.0"),
        Instant.parse("2025-06-02T18:20:45.112Z"),
        9L,
        131,
        null);
  }

  static ProgressEvent progressRunning() {
    return new ProgressEvent(1, "ioi-mock:c2:p3:000118", 1, Phase.RUNNING, 4, 5);
  }

  /** A map in the given key order, as Jackson reads a JSON object. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static VerdictEvent verdictWrongAnswer() {
    return new VerdictEvent(
        1,
        "nwerc2024:team011:000077",
        1,
        "5d2e7a10-3c4b-4f6e-9a8d-7b6c5d4e3f21",
        "aplusb",
        "2024-11-20.1",
        "python3",
        Verdict.RE,
        null,
        null,
        null,
        null,
        21,
        9_437_184,
        null,
        List.of(
            new TestResult(
                "sample/1", "sample", Verdict.AC, 19, 22, 9_175_040, 0, null, null, null),
            new TestResult(
                "sample/2", "sample", Verdict.RE, 21, 24, 9_437_184, 1, null, null, null)),
        null,
        new Diagnostics(
            Diagnostics.JURY,
            "sample/2",
            Verdict.RE,
            1,
            null,
            "Traceback (most recent call last):\n"
                + "  File \"/box/main.py\", line 1, in <module>\n"
                + "    a, b = map(int, input().split())\n"
                + "ValueError: not enough values to unpack (expected 2, got 1)\n",
            null,
            "exit code 1"),
        new JudgedBy("judge-03.dc1", 0, "0.1.0"),
        Instant.parse("2024-11-24T10:12:44.501Z"),
        40L,
        188,
        null);
  }

  static VerdictEvent verdictInternalError() {
    return new VerdictEvent(
        1,
        "nwerc2024:team011:000078",
        1,
        "0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
        "aplsub",
        null,
        "c",
        Verdict.IE,
        "unknown problem 'aplsub' (no package of that name on node judge-03.dc1)",
        VerdictReason.UNKNOWN_PROBLEM,
        null,
        null,
        0,
        0,
        null,
        List.of(),
        null,
        null,
        new JudgedBy("judge-03.dc1", 1, "0.1.0"),
        Instant.parse("2024-11-24T10:13:02.000Z"),
        null,
        0,
        null);
  }
}
