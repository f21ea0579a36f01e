package org.sparkdnn.train;

import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/** Where gradient descent gets its gradients: the sums over every training sample at given parameters. */
public interface GradientSource {
  /** {@code Σ_i ∂J_i/∂θ}, {@code Σ_i J_i} and m, at {@code parameters}; the caller divides by m. */
  GradientSums gradientSums(Parameters parameters);
}
