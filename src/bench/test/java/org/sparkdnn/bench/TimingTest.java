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
}
