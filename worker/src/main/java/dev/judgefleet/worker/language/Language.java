package dev.judgefleet.worker.language;

import dev.judgefleet.worker.rootfs.StoredImage;
import dev.judgefleet.worker.sandbox.Bind;
import dev.judgefleet.worker.sandbox.RunLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A language the judge compiles and runs. Command lines are templates; {@link #expand} fills in
 * {@code {source}} (the main source file's name), {@code {main}} (the main class or program name),
 * {@code {memoryMiB}} and {@code {stackMiB}}; in a compile command, an element that is exactly
 * {@code {sources}} becomes the main file and every other file of the submission in the language.
 *
 * @param id the wire id ({@code cpp}), as submissions name it
 * @param name a human name ({@code C++ 20 (g++)})
 * @param extensions file extensions that map to it, without the dot
 * @param sourceFile the file name the source is saved under, a template ({@code {main}.java})
 * @param compile the compiler's argv, or empty when there is nothing to compile
 * @param run the argv that starts the program
 * @param timeFactor multiplies the problem's time limit
 * @param extraMemoryBytes added to the problem's memory limit for the runtime itself (the JVM)
 * @param seccompProfile the sandbox's seccomp profile
 * @param processes the most tasks (processes and threads) a run may have
 * @param stackBytes the most stack a run gets, below the problem's (which is the memory limit by
 *     default); 0 for the problem's. For runtimes that touch their whole stack limit when they
 *     start (Ruby probes its main thread's stack down to the limit, so a 256 MiB stack costs 256
 *     MiB)
 * @param binds host paths the toolchain needs besides the default view
 * @param env extra environment variables
 * @param version the argv that prints the toolchain's version, run on the host
 * @param entryPoint how the main name is found
 * @param defaultMain the main name when the entry-point rule finds none
 * @param image the root filesystem image the language lives in ({@code rootfs-images/}); several
 *     languages may share one
 * @param outOfMemory a regular expression that finds, in a failed run's output, the runtime's own
 *     report of reaching its heap limit (the JVM's {@code -Xmx}): such a run is MLE, not RE, when
 *     its peak confirms it (see {@code HeapLimit}); empty for none
 * @param byExtension whether a file's extension picks this language (false for an alternative
 *     runtime, such as PyPy for {@code .py}, which is named explicitly)
 * @param rootfs the verified image this language runs in, or empty for the host's binds
 */
public record Language(
    String id,
    String name,
    List<String> extensions,
    String sourceFile,
    List<String> compile,
    List<String> run,
    double timeFactor,
    long extraMemoryBytes,
    String seccompProfile,
    int processes,
    long stackBytes,
    List<Bind> binds,
    List<String> env,
    List<String> version,
    EntryPoint entryPoint,
    String defaultMain,
    String image,
    String outOfMemory,
    boolean byExtension,
    Optional<StoredImage> rootfs) {

  public Language {
    Objects.requireNonNull(id, "id");
    extensions = List.copyOf(extensions);
    compile = List.copyOf(compile);
    run = List.copyOf(run);
    binds = List.copyOf(binds);
    env = List.copyOf(env);
    version = List.copyOf(version);
    Objects.requireNonNull(rootfs, "rootfs");
    image = image == null || image.isEmpty() ? id : image;
    outOfMemory = outOfMemory == null ? "" : outOfMemory;
    if (!outOfMemory.isEmpty()) {
      try {
        Pattern.compile(outOfMemory);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "language " + id + ": out_of_memory is not a regular expression: " + e.getMessage());
      }
    }
    if (run.isEmpty()) {
      throw new IllegalArgumentException("language " + id + " has no run command");
    }
    if (stackBytes < 0) {
      throw new IllegalArgumentException("language " + id + " stack must not be negative");
    }
    if (timeFactor <= 0) {
      throw new IllegalArgumentException("language " + id + " time factor must be positive");
    }
  }

  /** The same language, run in {@code image} instead of the host's binds (or the reverse). */
  public Language withRootfs(Optional<StoredImage> image) {
    return new Language(
        id,
        name,
        extensions,
        sourceFile,
        compile,
        run,
        timeFactor,
        extraMemoryBytes,
        seccompProfile,
        processes,
        stackBytes,
        binds,
        env,
        version,
        entryPoint,
        defaultMain,
        this.image,
        outOfMemory,
        byExtension,
        image);
  }

  /** {@code limits} with the stack this language caps it to, if it sets one and it is smaller. */
  public RunLimits stackCapped(RunLimits limits) {
    return stackBytes == 0 || stackBytes >= limits.effectiveStackBytes()
        ? limits
        : limits.withStackBytes(stackBytes);
  }

  public boolean compiled() {
    return !compile.isEmpty();
  }

  /** Whether a file of this name is a source in this language, by its extension. */
  public boolean isSourceFile(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String extension = fileName.substring(dot + 1);
    return extensions.contains(extension)
        || extensions.contains(extension.toLowerCase(java.util.Locale.ROOT));
  }

  /** The program the host must have for this language to be available. */
  public String toolchainExecutable() {
    return compiled() ? compile.get(0) : run.get(0);
  }

  /** Expands a template list. */
  public static List<String> expand(List<String> template, Map<String, String> values) {
    List<String> out = new ArrayList<>(template.size());
    for (String part : template) {
      out.add(expand(part, values));
    }
    return out;
  }

  public static String expand(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
