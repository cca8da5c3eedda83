package dev.judgefleet.worker.judge;

import dev.judgefleet.worker.language.Language;
import dev.judgefleet.worker.sandbox.Bind;
import dev.judgefleet.worker.sandbox.MountLayer;
import dev.judgefleet.worker.sandbox.RunLimits;
import dev.judgefleet.worker.sandbox.RunResult;
import dev.judgefleet.worker.sandbox.RunSpec;
import dev.judgefleet.worker.sandbox.Sandbox;
import dev.judgefleet.worker.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a source file into a sandbox and compiles it there, under the compiler's own limits. The
 * compiler is as untrusted as the program: it runs with the same layers, only with more time,
 * memory and processes, and with /box writable.
 */
public final class ProgramBuilder {
  /** How much compiler output a verdict carries. */
  public static final int COMPILER_OUTPUT_BYTES = 64 * 1024;

  /** DOMjudge-like defaults: 30 s CPU, 2 GiB, 128 tasks, 256 MiB of output files. */
  public static final RunLimits COMPILE_LIMITS =
      new RunLimits(
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          2048 * RunLimits.MIB,
          128,
          256 * RunLimits.MIB,
          256 * RunLimits.MIB,
          512);

  private ProgramBuilder() {}

  /** The sandbox a program in this language needs: the default view plus its toolchain. */
  public static SandboxSpec sandboxFor(Language language, int slot) {
    List<Bind> binds = new ArrayList<>(language.binds());
    return SandboxSpec.forSlot(slot).withBinds(binds);
  }

  /**
   * Writes the source into /box under the language's file name and compiles it.
   *
   * @return the program; {@link CompiledProgram#ok()} is false on a compile error
   */
  public static CompiledProgram build(
      Sandbox sandbox, Language language, byte[] source, RunLimits compileLimits) {
    String text = new String(source, StandardCharsets.UTF_8);
    String main = language.entryPoint().mainName(text, language.defaultMain());
    String fileName = Language.expand(language.sourceFile(), Map.of("main", main));
    sandbox.writeWorkFile(fileName, source);
    if (!language.compiled()) {
      return new CompiledProgram(language, main, fileName, null, "");
    }
    List<String> env = new ArrayList<>(RunSpec.DEFAULT_ENV);
    env.addAll(language.env());
    RunSpec compile =
        new RunSpec(
            Language.expand(language.compile(), Map.of("source", fileName, "main", main)),
            env,
            MountLayer.WORK_DIR,
            null,
            null,
            null,
            compileLimits,
            true,
            language.seccompProfile());
    RunResult result = sandbox.run(compile);
    return new CompiledProgram(language, main, fileName, result, compilerOutput(result));
  }

  private static String compilerOutput(RunResult result) {
    String out = result.stdout().headText() + result.stderr().headText();
    if (result.setupError() != null) {
      out += result.setupError().message();
    }
    if (out.length() > COMPILER_OUTPUT_BYTES) {
      out = out.substring(0, COMPILER_OUTPUT_BYTES) + "\n[compiler output truncated]";
    }
    return out;
  }
}
