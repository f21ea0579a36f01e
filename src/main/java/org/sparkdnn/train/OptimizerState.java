package org.sparkdnn.train;

/**
 * What an update rule carries from one step to the next, as a checkpoint saves it: the number of steps taken and
 * the moving averages of the gradient ({@code v}, momentum and Adam) and of its square ({@code s}, Adam), in the
 * flat layout of the parameters; null where the rule keeps none.
 *
 * @param steps updates made so far (Adam's t)
 * @param velocity v, (P) or null
 * @param squares s, (P) or null
 */
public record OptimizerState(int steps, double[] velocity, double[] squares) {
  /** Plain gradient descent's: nothing. */
  public static final OptimizerState NONE = new OptimizerState(0, null, null);

  public OptimizerState {
    if (steps < 0) {
      throw new IllegalArgumentException("expected 0 or more optimizer steps, found " + steps);
    }
    if (velocity == null && squares != null) {
      throw new IllegalArgumentException("an optimizer state with squared gradients has a velocity too");
    }
  }

  /** A deep copy, so that a saved state does not change with the run. */
  public OptimizerState copy() {
    return new OptimizerState(steps, velocity == null ? null : velocity.clone(),
        squares == null ? null : squares.clone());
  }
}
