package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void bracesExpandInOrderAndNest() {
    assertEquals(List.of("a.py", "a.cpp"), Glob.expandBraces("a.{py,cpp}"));
    assertEquals(
        List.of("x/a1", "x/a2", "x/b", "y/a1", "y/a2", "y/b"),
        Glob.expandBraces("{x,y}/{a{1,2},b}"));
    assertEquals(List.of("{unclosed"), Glob.expandBraces("{unclosed"));
  }

  @Test
  void spacesAroundAlternativesAreTrimmedAsBapctoolsDoes() {
    assertEquals(List.of("secret/*42"), Glob.expandBraces("secret/*{ 4 }{ 2 }"));
    assertEquals(List.of("a.py", "a.cpp"), Glob.expandBraces("a.{ py , cpp }"));
    assertTrue(Glob.of("secret/*{ 4 }{ 2 }").matchesExactly("secret/142"));
  }

  @Test
  void aTrailingSlashChangesNothing() {
    assertTrue(Glob.of("accepted/").matches("accepted/sol.py"));
    assertTrue(Glob.of("accepted/").matchesExactly("accepted"));
  }

  @Test
  void starStaysWithinOneSegment() {
    Glob glob = Glob.of("secret/*-hard");
    assertTrue(glob.matchesExactly("secret/07-hard"));
    assertFalse(glob.matchesExactly("secret/g/07-hard"));
    assertFalse(glob.matchesExactly("secret/07-hard.in"));
  }

  @Test
  void aPathMatchesThroughItsParents() {
    Glob glob = Glob.of("accepted");
    assertTrue(glob.matches("accepted/sol.py"));
    assertTrue(glob.matches("accepted/dir/x.py"));
    assertFalse(glob.matches("accepted_slow/sol.py"));
    assertFalse(Glob.of("accepted/*").matches("accepted"));
  }

  @Test
  void regexCharactersAreLiteral() {
    assertTrue(Glob.of("a.c").matchesExactly("a.c"));
    assertFalse(Glob.of("a.c").matchesExactly("abc"));
    assertTrue(Glob.of("x[1]").matchesExactly("x[1]"));
  }

  @Test
  void expansionIsCapped() {
    String bomb = "{a,b}".repeat(11);
    assertThrows(IllegalArgumentException.class, () -> Glob.of(bomb));
  }
}
