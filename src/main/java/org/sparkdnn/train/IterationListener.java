package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * Told when gradient descent starts, then of every iteration's cost and of the parameters it reaches, in order.
 * Listeners are composed with {@link #andThen}.
 */
@FunctionalInterface
public interface IterationListener {
  /** Gradient descent is about to compute iteration {@code firstIteration}: 0, or where a resumed run continues. */
  default void onStart(int firstIteration) {}

  /** Iteration {@code iteration} (0-based) computed {@code cost} from the parameters before its update. */
  void onIteration(int iteration, double cost);

  /**
   * The parameters after {@code updates} updates: those iteration {@code updates} computed its cost from (called
   * after {@link #onIteration} and before the update), and, once the loop is done, the final parameters with
   * {@code updates} equal to the number of iterations (or to those done when early stopping ended the run). With
   * mini-batches an iteration is an epoch: the parameters it starts from, told before its updates and so before its
   * {@link #onIteration}. Valid during the call only: neither keep nor change them.
   */
  default void onParameters(int updates, Parameters parameters) {}

  /** This listener, then {@code next}, for every event. */
  default IterationListener andThen(IterationListener next) {
    IterationListener first = this;
    return new IterationListener() {
      @Override
      public void onStart(int firstIteration) {
        first.onStart(firstIteration);
        next.onStart(firstIteration);
      }

      @Override
      public void onIteration(int iteration, double cost) {
        first.onIteration(iteration, cost);
        next.onIteration(iteration, cost);
      }

      @Override
      public void onParameters(int updates, Parameters parameters) {
        first.onParameters(updates, parameters);
        next.onParameters(updates, parameters);
      }
    };
  }
}
