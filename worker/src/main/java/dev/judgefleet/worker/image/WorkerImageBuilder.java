package dev.judgefleet.worker.image;

import dev.judgefleet.worker.rootfs.LayerWriter;
import dev.judgefleet.worker.rootfs.RootfsException;
import dev.judgefleet.worker.rootfs.RootfsStore;
import dev.judgefleet.worker.rootfs.TreeScan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the worker's container image with the language images' machinery: {@code
 * rootfs-images/build.sh} (mmdebstrap) makes the Debian base with the JRE, the worker is copied
 * onto it, and the two trees become two reproducible layers ({@link LayerWriter}) of an OCI layout
 * and a docker-archive. The base layer changes only with the recipe, so a new worker version ships
 * one small layer.
 */
public final class WorkerImageBuilder {
  /** Where the worker lives in the image. */
  static final String APP_DIR = "opt/judgefleet";

  /**
   * What the worker's build leaves next to the fast-jar that does not belong in the image: the
   * AppCDS archive bin/judge makes on this machine (for this machine's JDK) and its stamp.
   */
  private static final List<String> LOCAL_FILES = List.of("judge.jsa", "judge.jsa.jdk");

  private final PrintStream log;

  public WorkerImageBuilder(PrintStream log) {
    this.log = log;
  }

  /** What to build the image from, and where to write it. */
  public record Inputs(
      WorkerImageRecipe recipe,
      Path quarkusApp,
      Path languageRecipes,
      Path entryPoint,
      Path packageCache,
      String tag,
      Path out) {}

  /**
   * The built image.
   *
   * @param reference {@code repository:tag}
   * @param manifestDigest the image's digest ({@code repository@sha256:...} pulls it)
   * @param layers the base's layer and the worker's
   * @param treeBytes the unpacked image's size (regular files)
   * @param ociLayout the OCI layout directory
   * @param dockerArchive the docker-archive tar
   */
  public record Built(
      String reference,
      String manifestDigest,
      List<LayerWriter.Layer> layers,
      long treeBytes,
      Path ociLayout,
      Path dockerArchive) {
    public long compressedBytes() {
      return layers.stream().mapToLong(LayerWriter.Layer::sizeBytes).sum();
    }
  }

  public Built build(Inputs in) {
    if (!Files.isRegularFile(in.quarkusApp().resolve("quarkus-run.jar"))) {
      throw new RootfsException(
          "worker image: no fast-jar in " + in.quarkusApp() + " (build with mvn package first)");
    }
    Path work = in.out().resolve("work");
    Path layout = in.out().resolve("oci");
    try {
      RootfsStore.deleteTree(work);
      RootfsStore.deleteTree(layout);
      Files.createDirectories(work);
      Path tree = work.resolve("tree");
      runBuildScript(in, tree, work.resolve("build.log"));
      int cas = TrustStore.rewrite(tree);
      log.printf("image: %s rewritten reproducibly (%d CAs)%n", TrustStore.CACERTS, cas);
      log.printf("image: hashing the base ...%n");
      TreeScan base = TreeScan.of(tree);
      Path app = tree.resolve(APP_DIR);
      copy(in.quarkusApp(), app.resolve("quarkus-app"));
      copy(in.languageRecipes(), app.resolve("rootfs-images"));
      Path judge = tree.resolve("usr/local/bin/judge");
      Files.createDirectories(judge.getParent());
      Files.copy(in.entryPoint(), judge, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(judge, PosixFilePermissions.fromString("rwxr-xr-x"));
      log.printf("image: hashing the image ...%n");
      TreeScan whole = TreeScan.of(tree);
      long epoch = in.recipe().sourceDateEpochSeconds();
      Path blobs = OciImageWriter.blobs(layout);
      log.printf("image: writing the layers ...%n");
      List<LayerWriter.Layer> layers = new ArrayList<>();
      layers.add(LayerWriter.full(tree, base, epoch, blobs));
      layers.add(LayerWriter.diff(tree, whole, base, epoch, blobs));
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("org.opencontainers.image.title", "judgefleet worker");
      labels.put("dev.judgefleet.image.base-digest", base.digest());
      labels.put("dev.judgefleet.image.tree-digest", whole.digest());
      OciImageWriter.Written written =
          OciImageWriter.write(layout, in.tag(), layers, labels, epoch);
      String reference = in.recipe().repository() + ":" + in.tag();
      Path archive = in.out().resolve("judgefleet-worker.tar");
      DockerArchive.write(archive, blobs, reference, written, layers, epoch);
      RootfsStore.deleteTree(work);
      return new Built(reference, written.manifestDigest(), layers, whole.bytes(), layout, archive);
    } catch (IOException e) {
      throw new UncheckedIOException("building the worker image in " + in.out(), e);
    }
  }

  /**
   * Copies a directory into the image, owned by root, readable by all and writable by root only,
   * whatever the checkout's owner and umask were (they would otherwise change the digest).
   */
  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(dir).toString());
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setOwner(target, ownerRoot(target));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!attrs.isRegularFile() || LOCAL_FILES.contains(file.getFileName().toString())) {
              return FileVisitResult.CONTINUE;
            }
            Path target = to.resolve(from.relativize(file).toString());
            Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
            boolean executable = Files.isExecutable(file);
            Files.setPosixFilePermissions(
                target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            Files.setOwner(target, ownerRoot(target));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static java.nio.file.attribute.UserPrincipal ownerRoot(Path p) throws IOException {
    return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root");
  }

  private void runBuildScript(Inputs in, Path tree, Path logFile) {
    List<String> argv = new ArrayList<>();
    argv.add(in.languageRecipes().resolve("build.sh").toString());
    argv.addAll(List.of("--suite", in.recipe().suite()));
    argv.addAll(List.of("--cache", in.packageCache().toString()));
    if (!in.recipe().packages().isEmpty()) {
      argv.addAll(List.of("--packages", String.join(",", in.recipe().packages())));
    }
    String mirror = System.getenv("JUDGE_ROOTFS_MIRROR");
    if (mirror != null && !mirror.isBlank()) {
      argv.addAll(List.of("--mirror", mirror));
    }
    argv.add(tree.toString());
    log.printf(
        "image: building the base from %s (%s) ...%n",
        in.recipe().suite(), String.join(", ", in.recipe().packages()));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.redirectOutput(logFile.toFile());
    pb.environment().put("SOURCE_DATE_EPOCH", Long.toString(in.recipe().sourceDateEpochSeconds()));
    // Package scripts must not see the caller's locale or temporary directory.
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().remove("TMPDIR");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      int code = p.waitFor();
      if (code != 0) {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        String tail =
            String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        throw new RootfsException(
            "worker image: build.sh exited with " + code + " (log " + logFile + "):\n" + tail);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("starting " + argv.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RootfsException("worker image: interrupted while building the base", e);
    }
  }
}
