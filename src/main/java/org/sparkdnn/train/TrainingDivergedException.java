package org.sparkdnn.train;

/**
 * The cost or the gradient became NaN or infinite: training stops at once rather than write a broken model. The
 * message suggests a smaller learning rate, the usual cause.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int iteration;
  private final double learningRate;

  private TrainingDivergedException(int iteration, String found, double learningRate) {
    super("training diverged at iteration " + iteration + ": expected a finite cost and gradient, found " + found
        + "; try a smaller learning rate than " + learningRate);
    this.iteration = iteration;
    this.learningRate = learningRate;
  }

  /** The cost of {@code iteration} is NaN or infinite. */
  static TrainingDivergedException ofCost(int iteration, double cost, double learningRate) {
    return new TrainingDivergedException(iteration, "a cost of " + cost, learningRate);
  }

  /** The cost of {@code iteration} is finite but a gradient sum, {@code value}, is not. */
  static TrainingDivergedException ofGradient(int iteration, double value, double cost, double learningRate) {
    return new TrainingDivergedException(iteration, "a gradient holding " + value + " (the cost is " + cost + ")",
        learningRate);
  }

  /** The iteration (0-based) whose cost or gradient is not finite. */
  public int iteration() {
    return iteration;
  }

  /** The learning rate that led there. */
  public double learningRate() {
    return learningRate;
  }
}
