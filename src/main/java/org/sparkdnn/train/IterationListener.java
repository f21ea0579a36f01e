package org.sparkdnn.train;

/** Told of every iteration's cost, in order. */
@FunctionalInterface
public interface IterationListener {
  /** Iteration {@code iteration} (0-based) computed {@code cost} from the parameters before its update. */
  void onIteration(int iteration, double cost);
}
