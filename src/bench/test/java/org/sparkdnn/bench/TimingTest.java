package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, Timing.median(new double[] {9, 1, 3}));
    assertEquals(2.5, Timing.median(new double[] {4, 1, 2, 3}));
    assertThrows(IllegalArgumentException.class, () -> Timing.median(new double[0]));
  }

  @Test
  void runsTheWarmUpThenAtLeastTheLeastNumberOfTimedRuns() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Timing.median(2, 3, 0.0, runs::incrementAndGet);
    assertEquals(5, runs.get());
  }

  @Test
  void keepsRunningShortWorkUntilTheMinimumTimeHasPassed() throws Exception {
    // one run would take ~10 ms; warm-up and timed runs must add up to at least 50/3 + 50 ms
    long start = System.nanoTime();
    Timing.median(0, 1, 0.05, () -> Thread.sleep(10));
    double elapsed = (System.nanoTime() - start) / 1e9;
    assertTrue(elapsed >= 0.05 + 0.05 / 3, "elapsed " + elapsed + " s");
  }

  @Test
  void roundsRunEachWorkInTurnAndTimeEachOnItsOwn() throws Exception {
    StringBuilder order = new StringBuilder();
    double[] medians = Timing.medians(1, 3, 0.0, () -> order.append('a'), () -> {
      order.append('b');
      Thread.sleep(20);
    });
    assertEquals("abababab", order.toString());
    assertTrue(medians[0] < 0.01 && medians[1] >= 0.02, java.util.Arrays.toString(medians));
  }

  @Test
  void roundsGoOnUntilTheSlowestWorkHasHadTheMinimumTime() throws Exception {
    AtomicInteger fast = new AtomicInteger();
    AtomicInteger slow = new AtomicInteger();
    Timing.medians(0, 1, 0.05, fast::incrementAndGet, () -> {
      slow.incrementAndGet();
      Thread.sleep(10);
    });
    // 0.05/3 s of warm-up rounds and 0.05 s of timed ones, at about 10 ms each; the fast work runs as often
    assertTrue(slow.get() >= 6 && slow.get() < 50, slow.get() + " rounds");
    assertEquals(slow.get(), fast.get());
  }
}
