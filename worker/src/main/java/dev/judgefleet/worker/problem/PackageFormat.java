package dev.judgefleet.worker.problem;

/** The problem package format version a package declares ({@code problem_format_version}). */
public enum PackageFormat {
  /** No {@code problem_format_version}, or {@code legacy} / {@code legacy-icpc}. */
  LEGACY,
  /** {@code 2023-07-draft} (and other drafts before 2025-09). */
  V2023_07,
  /** {@code 2025-09}. */
  V2025_09
}
