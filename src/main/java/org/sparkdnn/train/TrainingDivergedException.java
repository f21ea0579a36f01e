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
    this("training diverged at iteration " + iteration + ": expected a finite cost and gradient, found " + found
        + "; try a smaller learning rate than " + learningRate, iteration, learningRate);
  }

  private TrainingDivergedException(String message, int iteration, double learningRate) {
    super(message);
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

  /**
   * The update of {@code iteration} (finite cost and gradient) took a parameter to {@code value}, NaN or
   * infinite: found when that state was due to be saved as a checkpoint, which it is not.
   */
  static TrainingDivergedException ofParameter(int iteration, double value, double cost, double learningRate) {
    return new TrainingDivergedException(iteration, "a parameter of " + value + " after its update (the cost is "
        + cost + ")", learningRate);
  }

  /** This exception with {@code note} (e.g. where the last good checkpoint is) appended to its message. */
  public TrainingDivergedException withNote(String note) {
    TrainingDivergedException noted = new TrainingDivergedException(getMessage() + "; " + note, iteration,
        learningRate);
    noted.setStackTrace(getStackTrace());
    return noted;
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
