package org.sparkdnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfusionCountsTest {

  /** Eight samples: tp=3 (0.9, 0.8, 0.7), fn=1 (0.3), fp=1 (0.6), tn=3 (0.2, 0.1, 0.4) at threshold 0.5. */
  static final double[] PROBABILITIES = {0.9, 0.8, 0.3, 0.6, 0.2, 0.1, 0.7, 0.4};
  static final double[] LABELS = {1, 1, 1, 0, 0, 0, 1, 0};

  static ConfusionCounts example() {
    ConfusionCounts c = ConfusionCounts.EMPTY;
    for (int i = 0; i < PROBABILITIES.length; i++) {
      c = c.add(PROBABILITIES[i], LABELS[i], 0.5);
    }
    return c;
  }

  @Test
  void handComputedExample() {
    ConfusionCounts c = example();
    assertEquals(3, c.tp());
    assertEquals(1, c.fp());
    assertEquals(3, c.tn());
    assertEquals(1, c.fn());
    assertEquals(8, c.count());
    assertEquals(0.75, c.accuracy());
    assertEquals(0.75, c.precision());
    assertEquals(0.75, c.recall());
    assertEquals(0.75, c.f1());
    // -(ln .9 + ln .8 + ln .3 + ln .4 + ln .8 + ln .9 + ln .7 + ln .6) / 8
    double expected = -(Math.log(0.9) * 2 + Math.log(0.8) * 2 + Math.log(0.3) + Math.log(0.4) + Math.log(0.7)
        + Math.log(0.6)) / 8;
    assertEquals(expected, c.logLoss(), 1e-15);
    assertEquals(0.45559652973111, c.logLoss(), 1e-12);
  }

  @Test
  void unbalancedExample() {
    // tp=2, fp=3, tn=4, fn=1: precision 2/5, recall 2/3, f1 = 2*2 / (4 + 3 + 1) = 0.5
    ConfusionCounts c = ConfusionCounts.of(2, 3, 4, 1, 5.0);
    assertEquals(0.6, c.accuracy());
    assertEquals(0.4, c.precision());
    assertEquals(2.0 / 3.0, c.recall());
    // the recall of class 0: tn / (tn + fp) = 4/7
    assertEquals(4.0 / 7.0, c.recallOfZero());
    assertEquals(0.5, c.f1(), 1e-15);
    assertEquals(2 * c.precision() * c.recall() / (c.precision() + c.recall()), c.f1(), 1e-15);
    assertEquals(0.5, c.logLoss());
  }

  @Test
  void predictsPositiveOnlyAboveThreshold() {
    ConfusionCounts c = ConfusionCounts.EMPTY.add(0.5, 1, 0.5).add(0.5, 0, 0.5);
    assertEquals(ConfusionCounts.of(0, 0, 1, 1, c.logLossSum()), c);
    c = ConfusionCounts.EMPTY.add(0.31, 1, 0.3).add(0.29, 0, 0.3);
    assertEquals(1, c.tp());
    assertEquals(1, c.tn());
  }

  @Test
  void zeroDenominators() {
    ConfusionCounts empty = ConfusionCounts.EMPTY;
    assertEquals(0, empty.count());
    assertTrue(Double.isNaN(empty.accuracy()));
    assertTrue(Double.isNaN(empty.logLoss()));
    assertEquals(0.0, empty.precision());
    assertEquals(0.0, empty.recall());
    assertEquals(0.0, empty.recallOfZero());
    assertEquals(0.0, empty.f1());
    // nothing predicted positive and no positives: all three are 0/0
    ConfusionCounts negatives = ConfusionCounts.of(0, 0, 5, 0, 1.0);
    assertEquals(1.0, negatives.accuracy());
    assertEquals(0.0, negatives.precision());
    assertEquals(0.0, negatives.recall());
    assertEquals(0.0, negatives.f1());
    // positives exist but none predicted: precision 0/0, recall 0/3
    ConfusionCounts missed = ConfusionCounts.of(0, 0, 2, 3, 1.0);
    assertEquals(0.0, missed.precision());
    assertEquals(0.0, missed.recall());
    assertEquals(1.0, missed.recallOfZero());
    assertEquals(0.0, missed.f1());
  }

  @Test
  void clampsProbabilitiesForLogLoss() {
    double worst = -Math.log(ConfusionCounts.PROBABILITY_CLAMP);
    assertEquals(34.538776394910684, worst, 1e-12);
    assertEquals(worst, ConfusionCounts.EMPTY.add(0.0, 1, 0.5).logLoss(), 1e-12);
    assertEquals(worst, ConfusionCounts.EMPTY.add(1.0, 0, 0.5).logLoss(), 1e-3);
    assertEquals(ConfusionCounts.PROBABILITY_CLAMP, ConfusionCounts.EMPTY.add(1.0, 1, 0.5).logLoss(), 1e-17);
    assertEquals(ConfusionCounts.PROBABILITY_CLAMP, ConfusionCounts.EMPTY.add(0.0, 0, 0.5).logLoss(), 1e-17);
  }

  @Test
  void logitMatchesProbabilityWithinTheClamp() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      // beyond |z| = 15, 1 - sigmoid(z) loses too many digits for the probability path to compare
      double z = Math.max(-15, Math.min(15, random.nextGaussian() * 6));
      double label = random.nextBoolean() ? 1 : 0;
      double p = 1 / (1 + Math.exp(-z));
      ConfusionCounts fromLogit = ConfusionCounts.EMPTY.addLogit(z, label, 0.5);
      ConfusionCounts fromProbability = ConfusionCounts.EMPTY.add(p, label, 0.5);
      assertEquals(ConfusionCounts.of(fromProbability.tp(), fromProbability.fp(), fromProbability.tn(),
          fromProbability.fn(), fromLogit.logLossSum()), fromLogit, "z=" + z);
      assertEquals(fromProbability.logLossSum(), fromLogit.logLossSum(), 1e-9, "z=" + z);
    }
  }

  @Test
  void logitLossIsUnclampedAndStable() {
    assertEquals(800.0, ConfusionCounts.EMPTY.addLogit(-800, 1, 0.5).logLoss());
    assertEquals(50.0, ConfusionCounts.EMPTY.addLogit(50, 0, 0.5).logLoss(), 1e-12);
    assertEquals(Math.exp(-50), ConfusionCounts.EMPTY.addLogit(50, 1, 0.5).logLoss(), 1e-30);
    assertEquals(Math.log(2), ConfusionCounts.EMPTY.addLogit(0, 1, 0.5).logLoss(), 1e-15);
    // sigmoid(0) = 0.5 is not above the 0.5 threshold
    assertEquals(1, ConfusionCounts.EMPTY.addLogit(0, 1, 0.5).fn());
    assertEquals(1, ConfusionCounts.EMPTY.addLogit(1e-9, 1, 0.5).tp());
    assertEquals(1, ConfusionCounts.EMPTY.addLogit(-1e-9, 0, 0.5).tn());
  }

  @Test
  void mergingPartsEqualsWhole() {
    Random random = new Random(5);
    int n = 10_000;
    ConfusionCounts whole = ConfusionCounts.EMPTY;
    ConfusionCounts[] parts = new ConfusionCounts[7];
    Arrays.fill(parts, ConfusionCounts.EMPTY);
    for (int i = 0; i < n; i++) {
      double p = random.nextDouble();
      double label = random.nextDouble() < p ? 1 : 0;
      whole = whole.add(p, label, 0.4);
      int k = random.nextInt(parts.length);
      parts[k] = parts[k].add(p, label, 0.4);
    }
    ConfusionCounts merged = ConfusionCounts.EMPTY;
    for (ConfusionCounts part : parts) {
      merged = merged.merge(part);
    }
    assertEquals(whole.tp(), merged.tp());
    assertEquals(whole.fp(), merged.fp());
    assertEquals(whole.tn(), merged.tn());
    assertEquals(whole.fn(), merged.fn());
    assertEquals(n, merged.count());
    assertEquals(whole.logLossSum(), merged.logLossSum(), 1e-9 * whole.logLossSum());
    assertEquals(whole.f1(), merged.f1());
    assertEquals(parts[0], parts[0].merge(ConfusionCounts.EMPTY));
    assertEquals(parts[0].merge(parts[1]), parts[1].merge(parts[0]));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 2, -1, -0.0001, Double.NaN})
  void rejectsLabelsOtherThanZeroOrOne(double label) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionCounts.EMPTY.add(0.5, label, 0.5));
    assertEquals("expected label 0 or 1, found " + label, e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.EMPTY.addLogit(0, label, 0.5));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY})
  void rejectsProbabilitiesAndThresholdsOutsideUnitInterval(double value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionCounts.EMPTY.add(value, 1, 0.5));
    assertEquals("expected a probability in [0, 1], found " + value, e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.EMPTY.add(0.5, 1, value));
    assertEquals("expected a threshold in [0, 1], found " + value, e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.EMPTY.addLogit(0, 1, value));
    assertEquals("expected a threshold in [0, 1], found " + value, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsNonFiniteLogits(double z) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionCounts.EMPTY.addLogit(z, 1, 0.5));
    assertEquals("expected a finite logit, found " + z, e.getMessage());
  }

  @Test
  void ofValidates() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionCounts.of(1, -2, 3, 4, 0));
    assertEquals("expected non-negative counts, found tp=1, fp=-2, tn=3, fn=4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.of(1, 2, 3, 4, -1));
    assertEquals("log loss sum: expected a finite value >= 0, found -1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.of(1, 2, 3, 4, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ConfusionCounts.of(1, 2, 3, 4, Double.POSITIVE_INFINITY));
  }
}
