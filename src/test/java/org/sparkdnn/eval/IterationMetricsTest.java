package org.sparkdnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link IterationMetrics}: taken from confusion counts, written as metrics.json's points, validated. */
class IterationMetricsTest {
  @Test
  void takesTheLogLossAndAccuracyOfTheCounts() {
    ConfusionCounts counts = ConfusionCounts.EMPTY.add(0.9, 1, 0.5).add(0.2, 0, 0.5).add(0.6, 0, 0.5);
    IterationMetrics point = IterationMetrics.of(40, counts);
    assertEquals(new IterationMetrics(40, counts.logLoss(), 2.0 / 3.0), point);
    assertEquals(List.of("iteration", "log_loss", "accuracy"), List.copyOf(point.toMap().keySet()));
    assertEquals(Map.of("iteration", 40, "log_loss", counts.logLoss(), "accuracy", 2.0 / 3.0), point.toMap());
  }

  @Test
  void refusesWhatNoEvaluationGives() {
    assertEquals("iteration: expected 0 or more, found -1",
        assertThrows(IllegalArgumentException.class, () -> new IterationMetrics(-1, 0.5, 0.5)).getMessage());
    assertEquals("log-loss: expected a finite number ≥ 0, found NaN",
        assertThrows(IllegalArgumentException.class, () -> new IterationMetrics(1, Double.NaN, 0.5)).getMessage());
    assertEquals("log-loss: expected a finite number ≥ 0, found NaN", assertThrows(IllegalArgumentException.class,
        () -> IterationMetrics.of(1, ConfusionCounts.EMPTY)).getMessage(), "no samples");
    assertEquals("accuracy: expected a number in [0, 1], found 1.5",
        assertThrows(IllegalArgumentException.class, () -> new IterationMetrics(1, 0.5, 1.5)).getMessage());
  }
}
