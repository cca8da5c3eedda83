package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompileCacheKeyTest {
  private static final List<String> GCC = List.of("gcc", "-O2", "-o", "main", "./main.c");
  private static final List<String> ENV = List.of("LANG=C.UTF-8");

  private static Map<String, byte[]> files(String... nameThenText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      m.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  private static CompileCacheKey key(
      Map<String, byte[]> files,
      String lang,
      String toolchain,
      List<String> cmd,
      List<String> env) {
    return CompileCacheKey.of(files, lang, toolchain, cmd, env);
  }

  private final Map<String, byte[]> base =
      files("main.c", "int main(){}", "util.h", "#pragma once");
  private final CompileCacheKey same = key(base, "c", "image sha256:aa", GCC, ENV);

  @Test
  void theSameInputsGiveTheSameKey() {
    assertEquals(
        same,
        key(
            files("main.c", "int main(){}", "util.h", "#pragma once"),
            "c",
            "image sha256:aa",
            GCC,
            ENV));
  }

  @Test
  void everyComponentChangesTheKey() {
    assertNotEquals(
        same,
        key(
            files("main.c", "int main(){ }", "util.h", "#pragma once"),
            "c",
            "image sha256:aa",
            GCC,
            ENV),
        "source bytes");
    assertNotEquals(
        same,
        key(
            files("main.c", "int main(){}", "utils.h", "#pragma once"),
            "c",
            "image sha256:aa",
            GCC,
            ENV),
        "a file's name");
    assertNotEquals(
        same,
        key(files("main.c", "int main(){}"), "c", "image sha256:aa", GCC, ENV),
        "a file less");
    assertNotEquals(same, key(base, "cpp", "image sha256:aa", GCC, ENV), "language");
    assertNotEquals(same, key(base, "c", "image sha256:bb", GCC, ENV), "toolchain version");
    assertNotEquals(
        same,
        key(base, "c", "image sha256:aa", List.of("gcc", "-O0", "-o", "main", "./main.c"), ENV),
        "flags");
    assertNotEquals(same, key(base, "c", "image sha256:aa", GCC, List.of("LANG=C")), "environment");
  }

  @Test
  void fieldsCannotRunIntoEachOther() {
    // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
    assertNotEquals(
        key(files("ab", "c"), "c", "t", GCC, ENV), key(files("a", "bc"), "c", "t", GCC, ENV));
  }

  @Test
  void aKeyIsASha256InHex() {
    assertEquals(64, same.hex().length());
    assertThrows(IllegalArgumentException.class, () -> new CompileCacheKey("../etc"));
  }
}
