package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * Early stopping on a validation log-loss (scikit-learn's {@code early_stopping} with {@code n_iter_no_change} and
 * {@code tol}): checked on the parameters after every {@code every}-th update count (iterations, or epochs with
 * mini-batches) and once more at the end. A check improves when its loss is below the best so far minus
 * {@code minDelta}, which resets the count of checks without improvement; any loss below the best becomes the best,
 * with its parameters. Training stops once {@code patience} checks in a row did not improve, and the model kept is
 * the best one. One instance per run: it holds the run's state.
 */
public final class EarlyStopping {
  /** The validation log-loss at some parameters: one pass over the validation data. */
  @FunctionalInterface
  public interface ValidationLoss {
    /** The mean log-loss of the validation data at {@code parameters}, those after {@code updates} updates. */
    double at(int updates, Parameters parameters);
  }

  private final int every;
  private final int patience;
  private final double minDelta;
  private final ValidationLoss loss;
  private EarlyStoppingState state = EarlyStoppingState.NONE;
  private int stoppedAt = -1;

  /**
   * @param every K ≥ 1: a check when the updates done are a multiple of K
   * @param patience checks in a row without improvement that stop training, ≥ 1
   * @param minDelta by how much a loss must fall below the best to count as an improvement, finite ≥ 0
   */
  public EarlyStopping(int every, int patience, double minDelta, ValidationLoss loss) {
    if (every < 1 || patience < 1 || !(minDelta >= 0.0 && minDelta < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("early stopping: expected every >= 1, patience >= 1 and a finite "
          + "min delta >= 0, found " + every + ", " + patience + " and " + minDelta);
    }
    this.every = every;
    this.patience = patience;
    this.minDelta = minDelta;
    this.loss = loss;
  }

  public int every() {
    return every;
  }

  public int patience() {
    return patience;
  }

  public double minDelta() {
    return minDelta;
  }

  /** Continues from {@code resumed}, a checkpoint's state (or {@link EarlyStoppingState#NONE} at the start). */
  void resume(EarlyStoppingState resumed) {
    state = resumed;
  }

  /** Whether a check is due on the parameters after {@code updates} updates. */
  boolean due(int updates) {
    return updates % every == 0;
  }

  /**
   * Checks the parameters after {@code updates} updates (copied if they become the best).
   *
   * @return whether training stops here
   */
  boolean check(int updates, Parameters parameters) {
    if (measure(updates, parameters) >= patience) {
      stoppedAt = updates;
      return true;
    }
    return false;
  }

  /** Checks the final parameters, after all {@code updates}: they may be the best, but nothing is left to stop. */
  void checkLast(int updates, Parameters parameters) {
    measure(updates, parameters);
  }

  /** Updates the state with the loss at {@code parameters}; returns the checks in a row without improvement. */
  private int measure(int updates, Parameters parameters) {
    double checked = loss.at(updates, parameters);
    int without = checked < state.bestLoss() - minDelta ? 0 : state.withoutImprovement() + 1;
    state = checked < state.bestLoss()
        ? new EarlyStoppingState(updates, checked, without, parameters.copy())
        : new EarlyStoppingState(state.bestIteration(), state.bestLoss(), without, state.best());
    return without;
  }

  /** The state after the checks so far. */
  public EarlyStoppingState state() {
    return state;
  }

  /** Whether training stopped before its last iteration. */
  public boolean stopped() {
    return stoppedAt >= 0;
  }

  /** The updates done when training stopped; −1 if it ran to the end. */
  public int stoppedAt() {
    return stoppedAt;
  }
}
