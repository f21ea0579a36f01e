package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * Where early stopping stands after some validation checks: the best validation log-loss so far, the parameters it
 * was measured at, and the checks since the last one that improved on the best by more than the minimum delta.
 * Part of {@link TrainingState}, so that a resumed run stops where the uninterrupted run would.
 *
 * @param bestIteration the updates done when the best loss was measured; −1 before the first check
 * @param bestLoss the lowest validation log-loss checked; +∞ before the first check
 * @param withoutImprovement the checks in a row that did not improve on the best by more than the minimum delta
 * @param best the parameters after {@code bestIteration} updates (never changed once here); null before the first
 *     check
 */
public record EarlyStoppingState(int bestIteration, double bestLoss, int withoutImprovement, Parameters best) {
  /** Before the first check. */
  public static final EarlyStoppingState NONE = new EarlyStoppingState(-1, Double.POSITIVE_INFINITY, 0, null);

  /** Validated: either {@link #NONE}, or a check's state with a finite loss ≥ 0 and its parameters. */
  public EarlyStoppingState {
    if (bestIteration < -1 || withoutImprovement < 0) {
      throw new IllegalArgumentException("early stopping: expected a best iteration of -1 or more and 0 or more "
          + "checks without improvement, found " + bestIteration + " and " + withoutImprovement);
    }
    if (bestIteration >= 0 && (best == null || !(bestLoss >= 0.0 && bestLoss < Double.POSITIVE_INFINITY))) {
      throw new IllegalArgumentException("early stopping: expected the best parameters and a finite log-loss >= 0 "
          + "after a check, found " + (best == null ? "no parameters" : "the log-loss " + bestLoss));
    }
  }

  /** Whether a check has been made. */
  public boolean checked() {
    return bestIteration >= 0;
  }
}
