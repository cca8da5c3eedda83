package dev.judgefleet.worker.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemStoreTest {
  @TempDir Path root;

  /** A clock the test moves by hand, so the refresh interval is deterministic. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();

  private ProblemStore store() {
    return new ProblemStore(root, Duration.ofSeconds(10), clock);
  }

  private PackageDir pkg(String id) {
    return new PackageDir(root, id).file("problem.yaml", "name: P\n").test("data/secret/1");
  }

  @Test
  void findsPackagesByDirectoryNameAndCachesThem() {
    pkg("aplusb");
    ProblemStore store = store();

    ProblemPackage first = store.find("aplusb").orElseThrow();
    assertSame(first, store.find("aplusb").orElseThrow());
    assertEquals(List.of("aplusb"), store.ids());
  }

  @Test
  void unknownAndMalformedIdsAreEmptyNotErrors() {
    pkg("aplusb");
    ProblemStore store = store();

    assertTrue(store.find("nosuch").isEmpty());
    assertTrue(store.find("../aplusb").isEmpty());
    assertTrue(store.find("aplusb/data").isEmpty());
    assertTrue(store.find(".hidden").isEmpty());
    assertTrue(store.find("").isEmpty());
  }

  @Test
  void aSymlinkedPackageDirectoryIsNotFollowed() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    new PackageDir(outside, "real").file("problem.yaml", "name: R\n").test("data/secret/1");
    Files.createSymbolicLink(root.resolve("linked"), outside.resolve("real"));
    ProblemStore store = store();

    assertTrue(store.find("linked").isEmpty());
    assertEquals(List.of(), store.ids(), "ids() lists what find() answers, and only that");
  }

  @Test
  void aChangedPackageIsReloadedAfterTheRefreshInterval() throws Exception {
    PackageDir dir = pkg("p");
    ProblemStore store = store();
    String before = store.find("p").orElseThrow().contentVersion();

    dir.file("data/secret/1.ans", "4\n");
    // Same second on coarse file systems: make the change visible to the stamp regardless.
    Files.setLastModifiedTime(
        dir.root.resolve("data/secret/1.ans"),
        FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

    assertEquals(before, store.find("p").orElseThrow().contentVersion(), "within the interval");
    clock.advance(Duration.ofSeconds(11));
    assertNotEquals(before, store.find("p").orElseThrow().contentVersion(), "after it");
  }

  @Test
  void anUnchangedPackageIsNotReloaded() {
    pkg("p");
    ProblemStore store = store();
    ProblemPackage first = store.find("p").orElseThrow();

    clock.advance(Duration.ofMinutes(5));
    assertSame(first, store.find("p").orElseThrow());
  }

  @Test
  void aBrokenPackageNamesTheProblemAndARemovedOneIsForgotten() throws Exception {
    PackageDir dir = pkg("p").file("problem.yaml", "name: [unclosed\n");
    ProblemStore store = store();

    ProblemException e = assertThrows(ProblemException.class, () -> store.find("p"));
    assertTrue(e.getMessage().contains("p"), e.getMessage());
    assertTrue(e.getMessage().contains("problem.yaml"), e.getMessage());

    try (var files = Files.walk(dir.root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    assertTrue(store.find("p").isEmpty());
  }
}
