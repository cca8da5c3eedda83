package dev.judgefleet.worker.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob of {@code submissions.yaml} (2025-09 "Glob patterns"), for submissions and for test cases
 * and groups: {@code *} matches within one path segment (never {@code /}), braces expand ({@code
 * {simple,complex}.py}, nested too, spaces around an alternative trimmed as BAPCtools trims them);
 * {@code **} and {@code [xyz]} are not supported, so they match literally (a {@code **} behaves
 * like {@code *}). A path is matched if it or one of its parent directories matches; a trailing
 * {@code /} changes nothing ({@code accepted/} is {@code accepted}).
 */
public final class Glob {
  /** More alternatives than any real package needs; stops {@code {a,b}{a,b}...} blow-ups. */
  static final int MAX_ALTERNATIVES = 1024;

  private final String pattern;
  private final List<Pattern> alternatives;

  private Glob(String pattern, List<Pattern> alternatives) {
    this.pattern = pattern;
    this.alternatives = alternatives;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException if its braces expand to more than {@value #MAX_ALTERNATIVES}
   *     alternatives
   */
  public static Glob of(String pattern) {
    List<Pattern> compiled = new ArrayList<>();
    String trimmed =
        pattern.length() > 1 && pattern.endsWith("/")
            ? pattern.substring(0, pattern.length() - 1)
            : pattern;
    for (String alternative : expandBraces(trimmed)) {
      compiled.add(toRegex(alternative));
    }
    return new Glob(pattern, List.copyOf(compiled));
  }

  public String pattern() {
    return pattern;
  }

  /** Whether {@code path} itself matches. */
  public boolean matchesExactly(String path) {
    for (Pattern alternative : alternatives) {
      if (alternative.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} or one of its parents ({@code a/b} for {@code a/b/c}) matches. */
  public boolean matches(String path) {
    String current = path;
    while (true) {
      if (matchesExactly(current)) {
        return true;
      }
      int slash = current.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      current = current.substring(0, slash);
    }
  }

  /** The brace expansions of {@code pattern}, in order; unbalanced braces stay literal. */
  static List<String> expandBraces(String pattern) {
    List<String> out = new ArrayList<>();
    expand(pattern, out);
    return out;
  }

  private static void expand(String pattern, List<String> out) {
    int open = -1;
    int close = -1;
    List<Integer> commas = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < pattern.length() && close < 0; i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        if (depth == 0) {
          open = i;
          commas.clear();
        }
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
        if (depth == 0) {
          close = i;
        }
      } else if (c == ',' && depth == 1) {
        commas.add(i);
      }
    }
    if (close < 0) {
      add(out, pattern);
      return;
    }
    String prefix = pattern.substring(0, open);
    String suffix = pattern.substring(close + 1);
    int start = open + 1;
    commas.add(close);
    for (int comma : commas) {
      // Spaces around an alternative are trimmed, as BAPCtools does: "{ 4 }" is "4".
      expand(prefix + pattern.substring(start, comma).strip() + suffix, out);
      start = comma + 1;
    }
  }

  private static void add(List<String> out, String alternative) {
    if (out.size() >= MAX_ALTERNATIVES) {
      throw new IllegalArgumentException(
          "expands to more than " + MAX_ALTERNATIVES + " alternatives");
    }
    out.add(alternative);
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append("[^/]*");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return pattern;
  }
}
