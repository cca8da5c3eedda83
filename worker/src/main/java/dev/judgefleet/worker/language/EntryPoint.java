package dev.judgefleet.worker.language;

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

  /** The main class (or module) name for {@code source}; {@code fallback} if none is found. */
  public String mainName(String source, String fallback) {
    return switch (this) {
      case FIXED -> fallback;
      case KOTLIN_MAIN_KT -> "MainKt";
      case JAVA_MAIN_CLASS -> JavaTopLevelTypes.mainClass(source).orElse(fallback);
    };
  }
}
