package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/** {@link TimedGradientSource}: the source's sums unchanged, one wall time per call, in call order. */
class TimedGradientSourceTest {
  private static final Parameters PARAMETERS =
      new Parameters(Architecture.withHidden(new int[] {2, 1}, Activation.RELU), new double[] {0.1, 0.2, 0.3});

  @Test
  void recordsTheWallTimeOfEveryCallAndPassesTheSumsOn() {
    List<GradientSums> returned = new ArrayList<>();
    long[] pauses = {30, 0, 60};
    int[] call = {0};
    TimedGradientSource timed = new TimedGradientSource((parameters, batch) -> {
      sleep(pauses[call[0]++]);
      GradientSums sums = GradientSums.empty(PARAMETERS.architecture());
      returned.add(sums);
      return sums;
    });
    assertEquals(List.of(), timed.seconds());

    for (int i = 0; i < 3; i++) {
      GradientSums sums = timed.gradientSums(PARAMETERS);
      assertSame(returned.get(i), sums);
    }
    List<Double> seconds = timed.seconds();
    assertEquals(3, seconds.size());
    assertTrue(seconds.get(0) >= 0.030 && seconds.get(2) >= 0.060, seconds.toString());
    assertTrue(seconds.get(1) >= 0.0 && seconds.get(1) < seconds.get(2), seconds.toString());
  }

  @Test
  void aFailingCallIsTimedToo() {
    TimedGradientSource timed = new TimedGradientSource((parameters, batch) -> {
      throw new IllegalStateException("executor lost");
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> timed.gradientSums(PARAMETERS));
    assertEquals("executor lost", e.getMessage());
    assertEquals(1, timed.seconds().size());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
