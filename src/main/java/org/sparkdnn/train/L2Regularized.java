package org.sparkdnn.train;

import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * A gradient source with L2 regularization (course 2, week 1): the cost
 * {@code J + (λ/2m)·Σ_l ‖W[l]‖²_F} and the gradients {@code dW[l] + (λ/m)·W[l]}, biases not regularized. The terms
 * are added once, on the driver, to the sums the partitions returned ({@link GradientSums#addL2}), so the engines
 * and the partitioning are untouched and the printed cost includes the penalty, as the course's
 * {@code compute_cost_with_regularization}. With mini-batches m is the batch's size, as the course's functions applied
 * to a batch give.
 */
public final class L2Regularized implements GradientSource {
  private final GradientSource source;
  private final double lambda;

  public L2Regularized(GradientSource source, double lambda) {
    if (!(lambda >= 0.0 && lambda < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("L2 lambda must be a finite number >= 0, found " + lambda);
    }
    this.source = source;
    this.lambda = lambda;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    return source.gradientSums(parameters, batch).addL2(lambda, parameters);
  }
}
