package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * Where gradient descent stands after some iterations: the parameters after {@code costs.length} updates, the
 * cost of each of those iterations and the update rule's state. A run starts from one (iteration 0, or a
 * checkpoint's) and hands one to its {@link Checkpointer}.
 *
 * @param parameters the parameters after {@link #iteration()} updates
 * @param costs the cost of iteration i at index i, for i below {@link #iteration()}
 * @param optimizer the update rule's state after those updates ({@link OptimizerState#NONE} for plain gd, and
 *     for the start of any rule, which then makes its own)
 * @param stopping early stopping's state after the checks before {@link #iteration()} ({@link EarlyStoppingState#NONE}
 *     without early stopping, or before its first check)
 */
public record TrainingState(Parameters parameters, double[] costs, OptimizerState optimizer,
    EarlyStoppingState stopping) {
  /** A state of plain gradient descent, which keeps no optimizer state. */
  public TrainingState(Parameters parameters, double[] costs) {
    this(parameters, costs, OptimizerState.NONE);
  }

  /** A state without early stopping. */
  public TrainingState(Parameters parameters, double[] costs, OptimizerState optimizer) {
    this(parameters, costs, optimizer, EarlyStoppingState.NONE);
  }

  /** The state before the first iteration. */
  public static TrainingState start(Parameters initial) {
    return new TrainingState(initial, new double[0]);
  }

  /** The number of iterations done, which is the next iteration to compute. */
  public int iteration() {
    return costs.length;
  }
}
