package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.judgefleet.worker.sandbox.CapturedOutput;
import dev.judgefleet.worker.sandbox.RunCause;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunStatus;
import dev.judgefleet.worker.sandbox.WorkFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCacheTest {
  @TempDir Path dir;

  private static CompileCacheKey key(String text) {
    return CompileCacheKey.of(
        Map.of("main.c", text.getBytes(StandardCharsets.UTF_8)),
        "c",
        "host /usr/bin/gcc-12 1 2",
        List.of("gcc", "./main.c"),
        List.of());
  }

  private static RunResult compile(RunStatus status) {
    return new RunResult(
        status,
        status == RunStatus.OK ? RunCause.NONE : RunCause.EXIT_CODE,
        status == RunStatus.OK ? 0 : 1,
        null,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ofMillis(300),
        Duration.ofMillis(300),
        0,
        false,
        1,
        CapturedOutput.NONE,
        CapturedOutput.NONE,
        Duration.ZERO,
        null,
        null,
        0);
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static CompileCache.Entry program(int size, long seed) {
    return new CompileCache.Entry(
        List.of(
            new WorkFile("main", bytes(size, seed), 0755),
            new WorkFile("pkg/Main.class", bytes(64, seed + 1), 0644)),
        "main.c:1: warning: unused variable");
  }

  @Test
  void aHitReturnsTheSameBytesModesAndCompilerOutput() {
    CompileCache cache = new CompileCache(dir, 1 << 20);
    CompileCache.Entry stored = program(1000, 1);
    assertTrue(cache.get(key("a")).isEmpty());
    cache.put(key("a"), compile(RunStatus.OK), stored);

    CompileCache.Entry got = cache.get(key("a")).orElseThrow();

    assertEquals(stored.files().size(), got.files().size());
    for (int i = 0; i < stored.files().size(); i++) {
      WorkFile s = stored.files().get(i);
      WorkFile g = got.files().get(i);
      assertEquals(s.path(), g.path());
      assertEquals(s.mode(), g.mode());
      assertArrayEquals(s.content(), g.content());
    }
    assertEquals(stored.compilerOutput(), got.compilerOutput());
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
    assertTrue(cache.get(key("b")).isEmpty(), "another source is another program");
  }

  @Test
  void entriesOutliveTheProcess() {
    new CompileCache(dir, 1 << 20).put(key("a"), compile(RunStatus.OK), program(1000, 1));
    CompileCache reopened = new CompileCache(dir, 1 << 20);
    assertEquals(1, reopened.entries());
    assertTrue(reopened.bytes() >= 1064);
    assertTrue(reopened.get(key("a")).isPresent());
  }

  @Test
  void aCorruptedEntryIsDroppedNotUsed() throws Exception {
    CompileCache cache = new CompileCache(dir, 1 << 20);
    cache.put(key("a"), compile(RunStatus.OK), program(1000, 1));
    Path binary = dir.resolve(key("a").hex()).resolve("files").resolve("main");
    byte[] flipped = Files.readAllBytes(binary);
    flipped[500] ^= 1;
    Files.write(binary, flipped);

    assertTrue(cache.get(key("a")).isEmpty(), "a changed byte is caught");
    assertEquals(1, cache.corrupt());
    assertEquals(0, cache.entries());
    assertFalse(Files.exists(dir.resolve(key("a").hex())));

    // Compiled again, kept again, used again.
    cache.put(key("a"), compile(RunStatus.OK), program(1000, 1));
    assertArrayEquals(
        program(1000, 1).files().get(0).content(),
        cache.get(key("a")).orElseThrow().files().get(0).content());
  }

  @Test
  void aTruncatedOrMissingFileIsCaught() throws Exception {
    CompileCache cache = new CompileCache(dir, 1 << 20);
    cache.put(key("a"), compile(RunStatus.OK), program(1000, 1));
    cache.put(key("b"), compile(RunStatus.OK), program(1000, 2));
    Files.write(dir.resolve(key("a").hex()).resolve("files").resolve("main"), new byte[10]);
    Files.delete(dir.resolve(key("b").hex()).resolve("files").resolve("pkg").resolve("Main.class"));
    assertTrue(cache.get(key("a")).isEmpty());
    assertTrue(cache.get(key("b")).isEmpty());
    assertEquals(2, cache.corrupt());
  }

  @Test
  void aCompileErrorIsNotKept() {
    CompileCache cache = new CompileCache(dir, 1 << 20);
    cache.put(key("a"), compile(RunStatus.RE), program(10, 1));
    cache.put(key("b"), compile(RunStatus.TLE), program(10, 1));
    assertEquals(0, cache.entries());
    assertTrue(cache.get(key("a")).isEmpty());
  }

  @Test
  void theLeastRecentlyUsedGoFirstAboveTheCap() {
    // Each entry is 10 000 + 64 + the output's bytes: three fit in 35 000, four do not.
    CompileCache cache = new CompileCache(dir, 35_000);
    cache.put(key("a"), compile(RunStatus.OK), program(10_000, 1));
    cache.put(key("b"), compile(RunStatus.OK), program(10_000, 2));
    cache.put(key("c"), compile(RunStatus.OK), program(10_000, 3));
    assertTrue(cache.get(key("a")).isPresent(), "a is now the most recently used");

    cache.put(key("d"), compile(RunStatus.OK), program(10_000, 4));

    assertEquals(3, cache.entries());
    assertTrue(cache.bytes() <= 35_000);
    assertTrue(cache.get(key("b")).isEmpty(), "b was the least recently used");
    assertTrue(cache.get(key("a")).isPresent());
    assertTrue(cache.get(key("d")).isPresent());
    assertFalse(Files.exists(dir.resolve(key("b").hex())));
  }

  @Test
  void aProgramBiggerThanTheCapIsNotKept() {
    CompileCache cache = new CompileCache(dir, 1000);
    cache.put(key("a"), compile(RunStatus.OK), program(5000, 1));
    assertEquals(0, cache.entries());
  }

  @Test
  void slotsKeepingTheSameProgramAtOnceLeaveOneWholeEntry() throws Exception {
    CompileCache cache = new CompileCache(dir, 1 << 24);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(
            pool.submit(() -> cache.put(key("same"), compile(RunStatus.OK), program(100_000, 9))));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, cache.entries());
    assertArrayEquals(
        program(100_000, 9).files().get(0).content(),
        cache.get(key("same")).orElseThrow().files().get(0).content());
    try (Stream<Path> staging = Files.list(dir.resolve(".staging"))) {
      assertEquals(0, staging.count(), "no staging copy is left behind");
    }
  }
}
