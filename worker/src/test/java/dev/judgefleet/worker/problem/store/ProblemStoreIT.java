package dev.judgefleet.worker.problem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.judgefleet.worker.problem.ProblemException;
import dev.judgefleet.worker.problem.ProblemHandle;
import dev.judgefleet.worker.problem.ProblemsUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The problem store against a real S3 server (s3proxy, a process of its own): push and pull, what
 * the node cache does with damaged, hostile and concurrent downloads, eviction, and the store going
 * away and coming back. Each test works under a key prefix of its own.
 */
class ProblemStoreIT {
  private static final Path APLUSB = Path.of("..", "examples", "problems", "aplusb");
  private static final FetchPolicy QUICK =
      new FetchPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200), 3);

  private static Path serverDir;
  private static S3ProxyProcess server;

  @TempDir Path temp;
  private String prefix;

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(S3ProxyProcess.available(), "s3proxy is copied by `mvn verify`");
    serverDir = Files.createTempDirectory("s3proxy-it");
    server = new S3ProxyProcess(serverDir).start();
    try (ObjectStore store = ObjectStore.connect(server.settings())) {
      store.createBucketIfMissing();
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (serverDir != null) {
      PackageCache.deleteTree(serverDir);
    }
  }

  @BeforeEach
  void prefix() {
    prefix = "it-" + UUID.randomUUID() + "/";
  }

  private ObjectStore store() {
    return ObjectStore.connect(server.settings(server.endpoint(), prefix));
  }

  private ObjectStore store(FaultProxy proxy) {
    return ObjectStore.connect(server.settings(proxy.endpoint(), prefix));
  }

  private static ProblemPublisher publisher(ObjectStore store) {
    return new ProblemPublisher(store, UnpackLimits.DEFAULTS, Clock.systemUTC());
  }

  private PackageCache cache(ObjectStore store, long maxBytes) {
    return new PackageCache(temp.resolve("cache"), maxBytes, UnpackLimits.DEFAULTS, store, QUICK);
  }

  /** A copy of aplusb under {@code temp/<dir>/aplusb}, with {@code extra} as one more test. */
  private Path variant(String dir, String extra) throws IOException {
    Path copy = temp.resolve(dir).resolve("aplusb");
    copyTree(APLUSB, copy);
    if (extra != null) {
      Files.writeString(copy.resolve("data/secret/zz-extra.in"), extra + " 1\n");
      Files.writeString(
          copy.resolve("data/secret/zz-extra.ans"), (Long.parseLong(extra) + 1) + "\n");
    }
    return copy;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private VersionRef pushed(ObjectStore store, Path dir) throws Exception {
    ProblemPublisher.Pushed p = publisher(store).push(dir, "it@test");
    return VersionRef.of(p.problemId(), p.version());
  }

  @Test
  void pushPullRoundTripAndAnUnchangedPushIsANoOp() throws Exception {
    try (ObjectStore store = store()) {
      ProblemPublisher publisher = publisher(store);
      ProblemPublisher.Pushed first = publisher.push(APLUSB, "setter@test");
      assertTrue(first.changed());
      assertTrue(first.uploaded());
      assertEquals("aplusb", first.problemId());

      ProblemPublisher.Pushed again = publisher.push(APLUSB, "setter@test");
      assertFalse(again.changed(), "the same package again is a no-op");
      assertEquals(first.version(), again.version());
      assertEquals(1, publisher.index("aplusb").orElseThrow().versions().size());

      // The same files somewhere else: the same digest, and the store had the archive already.
      Path copy = variant("copy", null);
      assertEquals(first.version().digest(), publisher.push(copy, "x@y").version().digest());

      Path changed = variant("changed", "41");
      ProblemPublisher.Pushed second = publisher.push(changed, "setter@test");
      assertTrue(second.changed());
      assertNotEquals(first.version().digest(), second.version().digest());
      assertNotEquals(first.version().contentVersion(), second.version().contentVersion());
      ProblemIndex index = publisher.index("aplusb").orElseThrow();
      assertEquals(second.version().digest(), index.current());
      assertEquals(2, index.versions().size());
      assertEquals(
          first.version(), index.withContentVersion(first.version().contentVersion()).get());
      assertEquals(List.of("aplusb"), publisher.problems());

      Path pulled = temp.resolve("pulled").resolve("aplusb");
      Files.createDirectories(pulled.getParent());
      PackageManifest manifest = publisher.pull("aplusb", first.version(), pulled);
      assertEquals(first.version().packageDigest(), manifest.digest());
      PackageArchive.Packed repacked =
          PackageArchive.write(pulled, temp.resolve("re.tar.gz"), UnpackLimits.DEFAULTS);
      assertEquals(first.version().packageDigest(), repacked.digest());
      assertEquals(
          Files.readString(APLUSB.resolve("problem.yaml")),
          Files.readString(pulled.resolve("problem.yaml")));
    }
  }

  @Test
  void aBrokenPackageIsRefusedWithTheLoadersMessageAndNothingIsStored() throws Exception {
    Path broken = temp.resolve("broken").resolve("brokenp");
    Files.createDirectories(broken.resolve("data/secret"));
    Files.writeString(broken.resolve("problem.yaml"), "name: [unclosed\n");
    try (ObjectStore store = store()) {
      ProblemException e =
          assertThrows(ProblemException.class, () -> publisher(store).push(broken, "x@y"));
      assertTrue(e.getMessage().startsWith("problem brokenp: "), e.getMessage());
      assertTrue(e.getMessage().contains("problem.yaml"), e.getMessage());
      assertEquals(Optional.empty(), publisher(store).index("brokenp"));
      assertEquals(List.of(), publisher(store).problems());
    }
  }

  @Test
  void aTruncatedDownloadIsFetchedAgainAndOnlyTheWholeVersionEntersTheCache() throws Exception {
    try (FaultProxy proxy = new FaultProxy(server.port());
        ObjectStore direct = store();
        ObjectStore viaProxy = store(proxy)) {
      VersionRef ref = pushed(direct, APLUSB);
      proxy.arm(FaultProxy.Fault.TRUNCATE, 1);
      PackageCache cache = cache(viaProxy, Long.MAX_VALUE);
      try (PackageCache.Lease lease = cache.acquire(ref)) {
        assertEquals("aplusb", lease.entry().load().id());
        assertEquals(ref.contentVersion(), lease.entry().load().contentVersion());
      }
      assertEquals(2, proxy.packageGets());
      assertStagingEmpty();
    }
  }

  @Test
  void aCorruptedDownloadIsFetchedAgain() throws Exception {
    try (FaultProxy proxy = new FaultProxy(server.port());
        ObjectStore direct = store();
        ObjectStore viaProxy = store(proxy)) {
      VersionRef ref = pushed(direct, APLUSB);
      proxy.arm(FaultProxy.Fault.FLIP_BYTE, 1);
      try (PackageCache.Lease lease = cache(viaProxy, Long.MAX_VALUE).acquire(ref)) {
        assertEquals(ref.contentVersion(), lease.entry().load().contentVersion());
      }
      assertEquals(2, proxy.packageGets());
    }
  }

  @Test
  void aVersionThatStaysCorruptIsAProblemErrorNamingItsDigest() throws Exception {
    try (FaultProxy proxy = new FaultProxy(server.port());
        ObjectStore direct = store();
        ObjectStore viaProxy = store(proxy)) {
      VersionRef ref = pushed(direct, APLUSB);
      proxy.arm(FaultProxy.Fault.FLIP_BYTE, 1000);
      PackageCache cache = cache(viaProxy, Long.MAX_VALUE);
      ProblemException e = assertThrows(ProblemException.class, () -> cache.acquire(ref));
      assertTrue(e.getMessage().contains(ref.digest().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("3 downloads failed verification"), e.getMessage());
      assertEquals(3, proxy.packageGets());
      assertFalse(cache.contains(ref));
      assertStagingEmpty();
    }
  }

  @Test
  void anObjectThatIsNotItsDigestIsRefused() throws Exception {
    try (ObjectStore store = store()) {
      VersionRef ref = pushed(store, APLUSB);
      // Another package's archive under aplusb's name (a wrong copy, a tampered bucket).
      Path other = Files.createTempFile(temp, "other", ".tar.gz");
      PackageArchive.write(variant("other", "7"), other, UnpackLimits.DEFAULTS);
      store.write(StoreLayout.archive(ref.digest()), other, StoreLayout.ARCHIVE_TYPE);
      PackageCache cache = cache(store, Long.MAX_VALUE);
      ProblemException e = assertThrows(ProblemException.class, () -> cache.acquire(ref));
      assertTrue(e.getMessage().contains("not the digest it is named by"), e.getMessage());
      assertTrue(e.getMessage().contains(ref.digest().toString()), e.getMessage());
      assertFalse(cache.contains(ref));
    }
  }

  @Test
  void aTruncatedObjectInTheStoreIsRefused() throws Exception {
    try (ObjectStore store = store()) {
      VersionRef ref = pushed(store, APLUSB);
      String key = StoreLayout.archive(ref.digest());
      byte[] whole = store.read(key, 1 << 20).orElseThrow();
      store.write(key, java.util.Arrays.copyOf(whole, whole.length - 100), "application/gzip");
      ProblemException e =
          assertThrows(ProblemException.class, () -> cache(store, Long.MAX_VALUE).acquire(ref));
      assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
    }
  }

  @Test
  void hostileArchivesInTheStoreNeverReachTheDisk() throws Exception {
    byte[][] hostile = {
      new HostileArchive().file("problem.yaml", "name: P\n").file("../../escaped", "x").bytes(),
      new HostileArchive().symlink("data", "/etc").bytes(),
      new HostileArchive().file("/tmp/escaped-abs", "x").bytes(),
      new HostileArchive().zeros("data/bomb.in", 64L << 20).bytes()
    };
    String[] reasons = {"'..'", "symbolic link", "absolute", "decompression bomb"};
    try (ObjectStore store = store()) {
      for (int i = 0; i < hostile.length; i++) {
        PackageDigest digest = new PackageDigest(String.format("%064x", i + 1).replace(' ', '0'));
        store.write(StoreLayout.archive(digest), hostile[i], StoreLayout.ARCHIVE_TYPE);
        PackageCache cache =
            new PackageCache(
                temp.resolve("cache"),
                Long.MAX_VALUE,
                new UnpackLimits(16L << 20, 1000, 256),
                store,
                QUICK);
        VersionRef ref = new VersionRef("evil", digest, "0000");
        ProblemException e = assertThrows(ProblemException.class, () -> cache.acquire(ref));
        assertTrue(e.getMessage().contains(reasons[i]), e.getMessage());
        assertTrue(e.getMessage().contains(digest.toString()), e.getMessage());
      }
    }
    try (Stream<Path> all = Files.walk(temp)) {
      List<Path> found = all.filter(p -> p.getFileName().toString().contains("escaped")).toList();
      assertEquals(List.of(), found);
    }
    assertFalse(Files.exists(Path.of("/tmp/escaped-abs")));
    assertStagingEmpty();
  }

  @Test
  void fourSlotsAskingAtOnceShareOneDownload() throws Exception {
    try (FaultProxy proxy = new FaultProxy(server.port());
        ObjectStore direct = store();
        ObjectStore viaProxy = store(proxy)) {
      VersionRef ref = pushed(direct, APLUSB);
      PackageCache cache = cache(viaProxy, Long.MAX_VALUE);
      CyclicBarrier start = new CyclicBarrier(4);
      ExecutorService slots = Executors.newFixedThreadPool(4);
      List<Future<PackageCache.Lease>> leases = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        leases.add(
            slots.submit(
                () -> {
                  start.await();
                  return cache.acquire(ref);
                }));
      }
      List<PackageCache.Lease> got = new ArrayList<>();
      for (Future<PackageCache.Lease> f : leases) {
        got.add(f.get());
      }
      slots.shutdown();
      assertEquals(1, proxy.packageGets(), "one download for four slots");
      for (PackageCache.Lease lease : got) {
        assertSame(got.get(0).entry(), lease.entry());
        lease.close();
      }
    }
  }

  @Test
  void evictsTheLeastRecentlyUsedVersionsButNeverOneInUse() throws Exception {
    try (ObjectStore store = store()) {
      VersionRef a = pushed(store, variant("a", "1"));
      VersionRef b = pushed(store, variant("b", "2"));
      VersionRef c = pushed(store, variant("c", "3"));
      PackageCache probe =
          new PackageCache(
              temp.resolve("probe"), Long.MAX_VALUE, UnpackLimits.DEFAULTS, store, QUICK);
      long one;
      try (PackageCache.Lease lease = probe.acquire(a)) {
        one = lease.entry().bytes();
      }
      // Room for two versions, not three.
      PackageCache cache = cache(store, 2 * one + one / 2);
      PackageCache.Lease inUse = cache.acquire(a);
      cache.acquire(b).close();
      cache.acquire(c).close();
      assertTrue(cache.contains(a), "a is leased: never evicted, though least recently used");
      assertFalse(cache.contains(b), "b was the least recently used one not in use");
      assertTrue(cache.contains(c));
      assertFalse(Files.exists(temp.resolve("cache/aplusb").resolve(b.digest().hex())));
      // Released, a counts as used until then: c is now the least recently used.
      inUse.close();
      cache.acquire(b).close();
      assertTrue(cache.contains(a));
      assertFalse(cache.contains(c));
      // A restart finds what is on disk.
      PackageCache reopened = cache(store, 2 * one + one / 2);
      assertEquals(
          java.util.Set.copyOf(cache.versions()), java.util.Set.copyOf(reopened.versions()));
    }
  }

  @Test
  void storedProblemsPinVersionsAndPrefetchAnnouncedOnes() throws Exception {
    try (ObjectStore store = store()) {
      VersionRef old = pushed(store, APLUSB);
      VersionRef current = pushed(store, variant("new", "5"));
      StoredProblems problems =
          new StoredProblems(store, cache(store, Long.MAX_VALUE), QUICK, Duration.ofMinutes(1));
      try (ProblemHandle h = problems.open("aplusb", Optional.empty()).orElseThrow()) {
        assertEquals(current.contentVersion(), h.problem().contentVersion());
      }
      try (ProblemHandle h =
          problems.open("aplusb", Optional.of(old.contentVersion())).orElseThrow()) {
        assertEquals(old.contentVersion(), h.problem().contentVersion());
      }
      try (ProblemHandle h = problems.open("aplusb", Optional.of("0123456789abcdef")).get()) {
        // No such version: the current one, and the caller reports the mismatch.
        assertEquals(current.contentVersion(), h.problem().contentVersion());
      }
      assertEquals(Optional.empty(), problems.open("no-such-problem", Optional.empty()));
      assertEquals(Optional.empty(), problems.open("../etc", Optional.empty()));

      VersionRef third = pushed(store, variant("third", "9"));
      ProblemIndex.Version v = publisher(store).index("aplusb").orElseThrow().currentVersion();
      problems.announced(ProblemAnnouncement.of("aplusb", v));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!problems.cache().contains(third) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(problems.cache().contains(third), "the announced version was prefetched");
    }
  }

  @Test
  void whileTheStoreIsDownCachedVersionsServeAndOthersWaitThenWorkWhenItIsBack() throws Exception {
    Path dir = Files.createTempDirectory("s3proxy-restart");
    try (S3ProxyProcess own = new S3ProxyProcess(dir).start();
        ObjectStore store = ObjectStore.connect(own.settings())) {
      store.createBucketIfMissing();
      VersionRef cached = pushed(store, APLUSB);
      VersionRef uncached = pushed(store, variant("later", "8"));
      StoredProblems problems =
          new StoredProblems(store, cache(store, Long.MAX_VALUE), QUICK, Duration.ofMillis(1));
      problems.open("aplusb", Optional.of(cached.contentVersion())).orElseThrow().close();

      own.stop();
      assertFalse(problems.reachable());
      try (ProblemHandle h =
          problems.open("aplusb", Optional.of(cached.contentVersion())).orElseThrow()) {
        assertEquals(cached.contentVersion(), h.problem().contentVersion());
      }
      ProblemsUnavailableException e =
          assertThrows(
              ProblemsUnavailableException.class, () -> problems.cache().acquire(uncached));
      assertTrue(e.getMessage().contains("3 tries"), e.getMessage());
      assertThrows(
          ProblemsUnavailableException.class,
          () -> problems.open("aplusb", Optional.of(uncached.contentVersion())));
      assertFalse(problems.cache().contains(uncached));

      own.start();
      assertTrue(problems.reachable());
      try (ProblemHandle h =
          problems.open("aplusb", Optional.of(uncached.contentVersion())).orElseThrow()) {
        assertEquals(uncached.contentVersion(), h.problem().contentVersion());
      }
    } finally {
      PackageCache.deleteTree(dir);
    }
  }

  private void assertStagingEmpty() throws IOException {
    Path staging = temp.resolve("cache/.staging");
    if (Files.exists(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertEquals(List.of(), left.toList());
      }
    }
  }
}
