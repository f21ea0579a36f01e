package org.sparkdnn.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log-loss and accuracy of a data set at the parameters after {@code iteration} updates: one point of a
 * learning curve's test series.
 *
 * @param iteration the number of updates done, 0 to the number of iterations
 * @param logLoss the mean cross-entropy {@code −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)]}, in the cost's units
 * @param accuracy the share of samples with {@code (ŷ > 0.5) = y}
 */
public record IterationMetrics(int iteration, double logLoss, double accuracy) {
  /** Validated: {@code iteration ≥ 0}, a finite log-loss ≥ 0, an accuracy in [0, 1]. */
  public IterationMetrics {
    if (iteration < 0) {
      throw new IllegalArgumentException("iteration: expected 0 or more, found " + iteration);
    }
    if (!(logLoss >= 0.0 && logLoss < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("log-loss: expected a finite number ≥ 0, found " + logLoss);
    }
    if (!(accuracy >= 0.0 && accuracy <= 1.0)) {
      throw new IllegalArgumentException("accuracy: expected a number in [0, 1], found " + accuracy);
    }
  }

  /** The point at {@code iteration} of a data set's confusion counts (its log-loss and accuracy). */
  public static IterationMetrics of(int iteration, ConfusionCounts counts) {
    return new IterationMetrics(iteration, counts.logLoss(), counts.accuracy());
  }

  /** {@code iteration}, {@code log_loss}, {@code accuracy}, for metrics.json. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("iteration", iteration);
    map.put("log_loss", logLoss);
    map.put("accuracy", accuracy);
    return map;
  }
}
