package dev.judgefleet.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.language.LanguageCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguagesCommandTest {
  @Test
  void aJsonRowKeepsItsKeysInOrderAndANullVersionWhenNotInstalled() {
    Language c = LanguageCatalog.builtIn().find("c").orElseThrow();
    Map<String, Object> row = new LanguagesCommand.Row(c, false, null, "host").json();
    assertEquals(
        List.of("id", "name", "extensions", "available", "version", "rootfs", "compile", "run"),
        new ArrayList<>(row.keySet()));
    assertEquals("c", row.get("id"));
    assertEquals(c.extensions(), row.get("extensions"));
    assertEquals(false, row.get("available"));
    assertEquals(null, row.get("version"));
    assertEquals(c.run(), row.get("run"));
  }
}
