package dev.judgefleet.worker.language;

import java.util.Optional;

/**
 * Finds the main class of a Java source the way javac will see it: the first top-level type
 * declared {@code public}, else the first top-level type. One pass over the text, no regular
 * expressions: comments, string and character literals and text blocks are skipped, braces are
 * counted, and only declarations at depth 0 count. The source is a contestant's, so the time is
 * linear in its length whatever it holds (a regular expression over a file of blank lines, or of
 * unclosed comments, backtracks quadratically).
 */
final class JavaTopLevelTypes {
  private final String src;
  private final int n;
  private int pos;

  private JavaTopLevelTypes(String src) {
    this.src = src;
    this.n = src.length();
  }

  /** The main class name, if the source declares any top-level type. */
  static Optional<String> mainClass(String source) {
    return new JavaTopLevelTypes(source).scan();
  }

  private Optional<String> scan() {
    int depth = 0;
    boolean isPublic = false;
    boolean expectName = false;
    boolean declarationIsPublic = false;
    String firstType = null;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '/') {
        skipLineComment();
      } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
        skipBlockComment();
      } else if (c == '"') {
        skipString();
      } else if (c == '\'') {
        skipCharLiteral();
      } else if (Character.isJavaIdentifierStart(c)) {
        String word = identifier();
        if (depth != 0) {
          continue;
        }
        if (expectName) {
          if (declarationIsPublic) {
            return Optional.of(word);
          }
          if (firstType == null) {
            firstType = word;
          }
          expectName = false;
          isPublic = false;
        } else if (word.equals("public")) {
          isPublic = true;
        } else if (isTypeKeyword(word)) {
          expectName = true;
          declarationIsPublic = isPublic;
        }
      } else {
        pos++;
        if (c == '{') {
          depth++;
          isPublic = false;
          expectName = false;
        } else if (c == '}') {
          depth = Math.max(0, depth - 1);
          isPublic = false;
        } else if (c == ';' && depth == 0) {
          isPublic = false;
          expectName = false;
        }
      }
    }
    return Optional.ofNullable(firstType);
  }

  private static boolean isTypeKeyword(String word) {
    // "record" is a contextual keyword: at depth 0 before a name it declares a type.
    return word.equals("class")
        || word.equals("interface")
        || word.equals("enum")
        || word.equals("record");
  }

  private String identifier() {
    int start = pos;
    pos++;
    while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void skipLineComment() {
    int end = src.indexOf('\n', pos);
    pos = end < 0 ? n : end + 1;
  }

  private void skipBlockComment() {
    int end = src.indexOf("*/", pos + 2);
    pos = end < 0 ? n : end + 2;
  }

  private void skipString() {
    if (src.startsWith("\"\"\"", pos)) {
      // A text block: up to the next unescaped triple quote.
      pos += 3;
      while (pos < n) {
        char c = src.charAt(pos);
        if (c == '\\') {
          pos += 2;
        } else if (src.startsWith("\"\"\"", pos)) {
          pos += 3;
          return;
        } else {
          pos++;
        }
      }
      return;
    }
    skipQuoted('"');
  }

  private void skipCharLiteral() {
    skipQuoted('\'');
  }

  /** A literal ends at its closing quote or, unterminated, at the end of the line. */
  private void skipQuoted(char quote) {
    pos++;
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == quote || c == '\n') {
        pos++;
        return;
      } else {
        pos++;
      }
    }
  }
}
