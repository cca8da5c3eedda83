package dev.judgefleet.worker.sandbox.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Replies laid out as judge-init.c's structs. */
class InitReplyTest {
  @Test
  void parsesAFailureWithTheBookkeepingIndex() {
    ByteBuffer b = le(16).putInt(2).putInt(3).putInt(-1).putInt(1);
    InitReply.Failed failed = (InitReply.Failed) InitReply.parse(b.array());
    assertEquals(StepPhase.CHILD, failed.phase());
    assertEquals(-1, failed.stepIndex());
    assertEquals(1, failed.errno());
  }

  @Test
  void parsesAnExitBySignal() {
    ByteBuffer b = le(64);
    b.putInt(4).putInt(2).putInt(11).putInt(-1).putInt(0).putInt(-1).putInt(0).putInt(0);
    b.putLong(123).putLong(5).putLong(6).putLong(7);
    InitReply.Exited exited = (InitReply.Exited) InitReply.parse(b.array());
    assertNull(exited.exitCode());
    assertEquals(11, exited.signal());
    assertEquals(123, exited.exitNanos());
    assertEquals(-1, exited.cleanupFailedIndex());
  }

  @Test
  void refusesAShortReply() {
    assertThrows(IllegalArgumentException.class, () -> InitReply.parse(le(8).putInt(3).array()));
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
