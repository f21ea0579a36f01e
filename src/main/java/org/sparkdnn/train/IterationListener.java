package org.sparkdnn.train;

/** Told when gradient descent starts, then of every iteration's cost, in order. */
@FunctionalInterface
public interface IterationListener {
  /** Gradient descent is about to compute iteration {@code firstIteration}: 0, or where a resumed run continues. */
  default void onStart(int firstIteration) {}

  /** Iteration {@code iteration} (0-based) computed {@code cost} from the parameters before its update. */
  void onIteration(int iteration, double cost);
}
