package org.sparkdnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link QualityGate}: each metric's direction, the tolerance's edge, NaN, and validation. */
class QualityGateTest {
  @Test
  void accuracyMayDropByTheToleranceAndNoMore() {
    QualityGate gate = new QualityGate(QualityGate.Metric.ACCURACY, 0.01);
    assertTrue(gate.accepts(0.95, 0.90));
    assertTrue(gate.accepts(0.90, 0.90));
    assertTrue(gate.accepts(0.8900000000000001, 0.90));
    assertFalse(gate.accepts(0.8899, 0.90));
  }

  @Test
  void logLossMayRiseByTheToleranceAndNoMore() {
    QualityGate gate = new QualityGate(QualityGate.Metric.LOG_LOSS, 0.05);
    assertTrue(gate.accepts(0.20, 0.30));
    assertTrue(gate.accepts(0.35, 0.30));
    assertFalse(gate.accepts(0.3501, 0.30));
  }

  @Test
  void aucWithoutToleranceRefusesAnyDrop() {
    QualityGate gate = new QualityGate(QualityGate.Metric.AUC, 0);
    assertTrue(gate.accepts(0.9, 0.9));
    assertFalse(gate.accepts(Math.nextDown(0.9), 0.9));
  }

  @Test
  void aNaNOnEitherSideRefuses() {
    QualityGate gate = new QualityGate(QualityGate.Metric.AUC, 0.1);
    assertFalse(gate.accepts(Double.NaN, 0.5));
    assertFalse(gate.accepts(0.5, Double.NaN));
  }

  @Test
  void metricsAreReadFromBinaryMetrics() {
    // 3 of 4 correct, log-loss sum 1.2
    BinaryMetrics metrics = new BinaryMetrics(ConfusionCounts.of(1, 1, 2, 0, 1.2), 0.625);
    assertEquals(0.75, QualityGate.Metric.ACCURACY.of(metrics));
    assertEquals(0.3, QualityGate.Metric.LOG_LOSS.of(metrics), 1e-15);
    assertEquals(0.625, QualityGate.Metric.AUC.of(metrics));
  }

  @Test
  void describeGivesBothValuesAndTheRule() {
    assertEquals("log-loss of the new model 0.4 vs the current 0.3 (lower is better, tolerance 0.05)",
        new QualityGate(QualityGate.Metric.LOG_LOSS, 0.05).describe(0.4, 0.3));
  }

  @Test
  void invalidOptionsNameTheOptionAndWhatWasFound() {
    IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
        () -> QualityGate.Metric.parse("f1"));
    assertEquals("--gate-metric: expected accuracy, log-loss or auc, found 'f1'", metric.getMessage());
    IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
        () -> new QualityGate(QualityGate.Metric.ACCURACY, -0.1));
    assertEquals("--gate-tolerance: expected a finite number >= 0, found -0.1", tolerance.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new QualityGate(QualityGate.Metric.ACCURACY, Double.NaN));
  }
}
