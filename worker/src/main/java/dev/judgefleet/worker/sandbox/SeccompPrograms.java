package dev.judgefleet.worker.sandbox;

import dev.judgefleet.worker.sandbox.linux.SeccompCompiler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The BPF program of each seccomp profile, compiled once by libseccomp and then shared. */
public final class SeccompPrograms {
  private final Map<String, byte[]> programs = new ConcurrentHashMap<>();

  /** The profile's program (a {@code struct sock_filter} array). */
  public byte[] of(String profile) {
    return programs.computeIfAbsent(
        profile, name -> SeccompCompiler.compile(SeccompProfiles.byName(name)));
  }
}
