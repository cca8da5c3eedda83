package dev.judgefleet.model;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a worker accepts from producers: the bounds a submission is validated against. The worker
 * builds it from its configuration; {@link #withDefaults} gives the documented defaults.
 *
 * @param knownLanguages the language ids the worker can judge, sorted (messages list them)
 * @param maxDocumentBytes the largest submission message read at all; bigger ones are refused
 *     before parsing
 * @param maxSourceBytes the largest program: the source text's UTF-8 bytes, or the decoded files'
 *     bytes together
 * @param maxSourceFiles the most files a program may have
 * @param maxTimeMs the largest CPU time per test a submission may ask for
 * @param maxMemoryBytes the largest memory per test a submission may ask for
 * @param maxOutputBytes the largest output per test a submission may ask for
 * @param maxInlineTests the most inline tests
 * @param maxInlineTestBytes the largest inline test, input and answer together (UTF-8 bytes)
 */
public record SubmissionPolicy(
    SortedSet<String> knownLanguages,
    long maxDocumentBytes,
    long maxSourceBytes,
    int maxSourceFiles,
    long maxTimeMs,
    long maxMemoryBytes,
    long maxOutputBytes,
    int maxInlineTests,
    long maxInlineTestBytes) {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 8 * MIB;
  public static final long DEFAULT_MAX_SOURCE_BYTES = MIB;
  public static final int DEFAULT_MAX_SOURCE_FILES = 64;
  public static final long DEFAULT_MAX_TIME_MS = 60_000;
  public static final long DEFAULT_MAX_MEMORY_BYTES = 4 * GIB;
  public static final long DEFAULT_MAX_OUTPUT_BYTES = GIB;
  public static final int DEFAULT_MAX_INLINE_TESTS = 32;
  public static final long DEFAULT_MAX_INLINE_TEST_BYTES = MIB;

  public SubmissionPolicy {
    Objects.requireNonNull(knownLanguages, "knownLanguages");
    if (knownLanguages.isEmpty()) {
      // Every submission would be rejected: a worker configured like this is broken, say so early.
      throw new IllegalArgumentException("knownLanguages is empty");
    }
    knownLanguages = Collections.unmodifiableSortedSet(new TreeSet<>(knownLanguages));
    requirePositive("maxDocumentBytes", maxDocumentBytes);
    requirePositive("maxSourceBytes", maxSourceBytes);
    requirePositive("maxSourceFiles", maxSourceFiles);
    requirePositive("maxTimeMs", maxTimeMs);
    requirePositive("maxMemoryBytes", maxMemoryBytes);
    requirePositive("maxOutputBytes", maxOutputBytes);
    requirePositive("maxInlineTests", maxInlineTests);
    requirePositive("maxInlineTestBytes", maxInlineTestBytes);
  }

  /** The defaults: 8 MiB documents, 1 MiB of source in 64 files, 60 s, 4 GiB, 1 GiB, 32 × 1 MiB. */
  public static SubmissionPolicy withDefaults(Set<String> knownLanguages) {
    return new SubmissionPolicy(
        new TreeSet<>(knownLanguages),
        DEFAULT_MAX_DOCUMENT_BYTES,
        DEFAULT_MAX_SOURCE_BYTES,
        DEFAULT_MAX_SOURCE_FILES,
        DEFAULT_MAX_TIME_MS,
        DEFAULT_MAX_MEMORY_BYTES,
        DEFAULT_MAX_OUTPUT_BYTES,
        DEFAULT_MAX_INLINE_TESTS,
        DEFAULT_MAX_INLINE_TEST_BYTES);
  }

  public SubmissionPolicy withMaxDocumentBytes(long bytes) {
    return new SubmissionPolicy(
        knownLanguages,
        bytes,
        maxSourceBytes,
        maxSourceFiles,
        maxTimeMs,
        maxMemoryBytes,
        maxOutputBytes,
        maxInlineTests,
        maxInlineTestBytes);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " " + value + " is not positive");
    }
  }
}
