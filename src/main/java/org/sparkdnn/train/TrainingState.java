package org.sparkdnn.train;

import org.sparkdnn.model.Parameters;

/**
 * Where gradient descent stands after some iterations: the parameters after {@code costs.length} updates and
 * the cost of each of those iterations. A run starts from one (iteration 0, or a checkpoint's) and hands one to
 * its {@link Checkpointer}.
 *
 * @param parameters the parameters after {@link #iteration()} updates
 * @param costs the cost of iteration i at index i, for i below {@link #iteration()}
 */
public record TrainingState(Parameters parameters, double[] costs) {
  /** The state before the first iteration. */
  public static TrainingState start(Parameters initial) {
    return new TrainingState(initial, new double[0]);
  }

  /** The number of iterations done, which is the next iteration to compute. */
  public int iteration() {
    return costs.length;
  }
}
