package dev.judgefleet.worker.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a language finds the name a program is compiled and started under. */
public enum EntryPoint {
  /** The source gets the language's fixed file name. */
  FIXED,
  /**
   * Java: the class declared {@code public} (else the first top-level class) names the file and is
   * the main class, as javac requires.
   */
  JAVA_MAIN_CLASS,
  /** Kotlin: {@code main.kt} compiles to {@code MainKt}. */
  KOTLIN_MAIN_KT;

  private static final Pattern PUBLIC_CLASS =
      Pattern.compile(
          "(?m)^\\s*public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|enum|interface)\\s+([A-Za-z_$][\\w$]*)");
  private static final Pattern ANY_CLASS =
      Pattern.compile(
          "(?m)^\\s*(?:final\\s+)?(?:class|record|enum|interface)\\s+([A-Za-z_$][\\w$]*)");

  /** The main class (or module) name for {@code source}; {@code fallback} if none is found. */
  public String mainName(String source, String fallback) {
    return switch (this) {
      case FIXED -> fallback;
      case KOTLIN_MAIN_KT -> "MainKt";
      case JAVA_MAIN_CLASS -> {
        String stripped = stripComments(source);
        Matcher m = PUBLIC_CLASS.matcher(stripped);
        if (m.find()) {
          yield m.group(1);
        }
        m = ANY_CLASS.matcher(stripped);
        yield m.find() ? m.group(1) : fallback;
      }
    };
  }

  private static String stripComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
  }
}
