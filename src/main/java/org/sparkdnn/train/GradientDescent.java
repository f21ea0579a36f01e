package org.sparkdnn.train;

import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * Batch gradient descent (course week 2-4 {@code optimize} / {@code L_layer_model}): in iteration i, compute the
 * cost and gradient sums at the current parameters, record the cost as "cost after iteration i", then update
 * {@code θ := θ − α·(1/m)·Σ∇}. A NaN or infinite cost or gradient stops training at once.
 */
public final class GradientDescent {
  private final double learningRate;
  private final int iterations;

  /** Validated: {@code learningRate} finite and positive, {@code iterations ≥ 1}. */
  public GradientDescent(double learningRate, int iterations) {
    if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be a positive finite number, found " + learningRate);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, found " + iterations);
    }
    this.learningRate = learningRate;
    this.iterations = iterations;
  }

  public double learningRate() {
    return learningRate;
  }

  public int iterations() {
    return iterations;
  }

  /**
   * Runs all iterations from {@code initial} (left unchanged).
   *
   * @return the final parameters and the cost of every iteration
   * @throws TrainingDivergedException if a cost or a gradient sum is NaN or infinite; the parameters are not
   *     updated from it
   */
  public TrainingResult run(GradientSource source, Parameters initial, IterationListener listener) {
    Parameters parameters = initial.copy();
    double[] costs = new double[iterations];
    listener.onStart();
    for (int i = 0; i < iterations; i++) {
      GradientSums sums = source.gradientSums(parameters);
      double cost = sums.cost();
      if (!Double.isFinite(cost)) {
        throw TrainingDivergedException.ofCost(i, cost, learningRate);
      }
      for (double value : sums.values()) {
        if (!Double.isFinite(value)) {
          throw TrainingDivergedException.ofGradient(i, value, cost, learningRate);
        }
      }
      costs[i] = cost;
      listener.onIteration(i, cost);
      parameters.descend(learningRate, sums);
    }
    return new TrainingResult(parameters, costs);
  }
}
