package dev.judgefleet.worker.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.judgefleet.model.Verdict;
import dev.judgefleet.worker.sandbox.RunStatus;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of a test's verdict, as tables. */
class TestVerdictTest {

  @ParameterizedTest(name = "run {0} → {1}")
  @CsvSource({"OK, AC", "TLE, TLE", "MLE, MLE", "OLE, OLE", "RE, RE", "SV, SV", "IE, IE"})
  void aRunsStatusIsItsVerdict(RunStatus run, Verdict expected) {
    assertEquals(expected, TestVerdict.ofRun(run));
  }

  @ParameterizedTest(name = "batch: run {0}, check {1} → {2}")
  @CsvSource({
    // A clean run gets its check's verdict.
    "OK,  AC, AC",
    "OK,  WA, WA",
    "OK,  PE, PE",
    "OK,  IE, IE",
    // A failed run is not checked: its own failure is the verdict.
    "TLE, , TLE",
    "MLE, , MLE",
    "OLE, , OLE",
    "RE,  , RE",
    "SV,  , SV",
    "IE,  , IE",
  })
  void batch(RunStatus run, Verdict check, Verdict expected) {
    assertEquals(expected, TestVerdict.batch(run, check));
  }

  @ParameterizedTest(name = "interactive: validator {0}, first {1}, submission {2} → {3}")
  @CsvSource({
    // The validator failing is the judge's (the problem's) error, whatever the submission did.
    "IE, true,  RE,  IE",
    "IE, false, TLE, IE",
    "IE, false, OK,  IE",
    // A validator that rejected before the submission ended outranks what the submission did next
    // (it crashed on the closed pipe, or waited for input that never came).
    "WA, true,  RE,  WA",
    "WA, true,  TLE, WA",
    "WA, true,  MLE, WA",
    "WA, true,  OK,  WA",
    // Otherwise the submission's own failure counts, time first.
    "WA, false, TLE, TLE",
    "WA, false, RE,  RE",
    "WA, false, MLE, MLE",
    "WA, false, OLE, OLE",
    "AC, true,  TLE, TLE",
    "AC, false, SV,  SV",
    "AC, false, IE,  IE",
    // A clean submission gets the validator's verdict.
    "AC, false, OK,  AC",
    "AC, true,  OK,  AC",
    "WA, false, OK,  WA",
  })
  void interactive(Verdict validator, boolean first, RunStatus submission, Verdict expected) {
    assertEquals(expected, TestVerdict.interactive(validator, first, submission));
  }

  @ParameterizedTest(name = "output validator exit {0} → {1}")
  @CsvSource({"42, AC", "43, WA", "0, ", "1, ", "41, ", "44, ", "-1, ", "255, "})
  void kattisExitCodes(int code, Verdict expected) {
    assertEquals(Optional.ofNullable(expected), TestVerdict.kattis(code));
  }

  @ParameterizedTest(name = "testlib exit {0} → {1}")
  @CsvSource({
    "0, AC", "1, WA", "2, PE", "3, ", "4, WA", "5, ", "7, AC", "8, WA", "16, ", "42, ", "43, "
  })
  void testlibExitCodes(int code, Verdict expected) {
    assertEquals(Optional.ofNullable(expected), TestVerdict.testlib(code));
  }

  @ParameterizedTest(name = "every failed run outranks its output: {0}")
  @EnumSource(value = RunStatus.class, names = "OK", mode = EnumSource.Mode.EXCLUDE)
  void aFailedRunIsNeverAccepted(RunStatus run) {
    for (Verdict check : Verdict.values()) {
      assertEquals(TestVerdict.ofRun(run), TestVerdict.batch(run, check));
    }
  }
}
