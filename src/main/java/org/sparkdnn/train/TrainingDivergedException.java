package org.sparkdnn.train;

/** The cost became NaN or infinite: training stops at once rather than write a broken model. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int iteration;
  private final double cost;
  private final double learningRate;

  public TrainingDivergedException(int iteration, double cost, double learningRate) {
    super("training diverged: the cost at iteration " + iteration + " is " + cost
        + " (expected a finite number); try a smaller learning rate than " + learningRate);
    this.iteration = iteration;
    this.cost = cost;
    this.learningRate = learningRate;
  }

  public int iteration() {
    return iteration;
  }

  public double cost() {
    return cost;
  }

  public double learningRate() {
    return learningRate;
  }
}
