package org.sparkdnn.train;

import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * Where gradient descent gets its gradients: the sums over the training samples of one step at given parameters.
 */
public interface GradientSource {
  /**
   * {@code Σ_i ∂J_i/∂θ}, {@code Σ_i J_i} and the number of samples summed, over {@code batch}'s samples at
   * {@code parameters}; the caller divides by that number.
   */
  GradientSums gradientSums(Parameters parameters, Batch batch);

  /** The sums over every training sample, {@link Batch#ALL}: what batch gradient descent steps by. */
  default GradientSums gradientSums(Parameters parameters) {
    return gradientSums(parameters, Batch.ALL);
  }
}
