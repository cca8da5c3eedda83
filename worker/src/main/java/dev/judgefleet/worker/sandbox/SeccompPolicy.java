package dev.judgefleet.worker.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A seccomp policy as data: a default action and rules. {@code SeccompCompiler} turns it into BPF
 * with libseccomp; {@link SeccompLayer} loads it as the last step before exec.
 *
 * <p>Three kinds of outcome, as DESIGN §5 asks. Calls honest programs make are allowed. Calls a
 * runtime may merely probe fail with an errno, so a newer libc falls back. Calls no honest program
 * makes are {@link Action.Violation}: the call never runs, PID 1 learns which it was through the
 * seccomp notification fd, and the run ends as {@code SV}.
 */
public record SeccompPolicy(String name, Action defaultAction, List<Rule> rules) {

  public SeccompPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultAction, "defaultAction");
    rules = List.copyOf(rules);
  }

  /** What happens to a matching call. */
  public sealed interface Action {
    record Allow() implements Action {}

    /** The call fails with this errno without running. */
    record Errno(int errno) implements Action {}

    /** The call is stopped, reported to PID 1 and the run killed: {@code SV}. */
    record Violation() implements Action {}
  }

  /** How an argument is compared ({@code enum scmp_compare}). */
  public enum Op {
    NE(1),
    EQ(4),
    MASKED_EQ(7);

    private final int libseccompCode;

    Op(int code) {
      this.libseccompCode = code;
    }

    public int libseccompCode() {
      return libseccompCode;
    }
  }

  /**
   * A {@code struct scmp_arg_cmp}: {@code arg OP datumA}, or for MASKED_EQ {@code (arg & datumA) ==
   * datumB}.
   */
  public record ArgCondition(int arg, Op op, long datumA, long datumB) {
    public static ArgCondition eq(int arg, long value) {
      return new ArgCondition(arg, Op.EQ, value, 0);
    }

    public static ArgCondition ne(int arg, long value) {
      return new ArgCondition(arg, Op.NE, value, 0);
    }

    public static ArgCondition maskedEq(int arg, long mask, long value) {
      return new ArgCondition(arg, Op.MASKED_EQ, mask, value);
    }
  }

  /** A rule for one system call, by name; conditions are ANDed. */
  public record Rule(String syscall, Action action, List<ArgCondition> conditions) {
    public Rule {
      conditions = List.copyOf(conditions);
    }
  }

  /** Builds a policy rule by rule. */
  public static final class Builder {
    private final String name;
    private final Action defaultAction;
    private final List<Rule> rules = new ArrayList<>();

    public Builder(String name, Action defaultAction) {
      this.name = name;
      this.defaultAction = defaultAction;
    }

    public Builder allow(String... syscalls) {
      return each(new Action.Allow(), syscalls);
    }

    public Builder errno(int errno, String... syscalls) {
      return each(new Action.Errno(errno), syscalls);
    }

    public Builder violation(String... syscalls) {
      return each(new Action.Violation(), syscalls);
    }

    public Builder rule(String syscall, Action action, ArgCondition... conditions) {
      rules.add(new Rule(syscall, action, List.of(conditions)));
      return this;
    }

    private Builder each(Action action, String... syscalls) {
      for (String syscall : syscalls) {
        rules.add(new Rule(syscall, action, List.of()));
      }
      return this;
    }

    public SeccompPolicy build() {
      return new SeccompPolicy(name, defaultAction, rules);
    }
  }
}
