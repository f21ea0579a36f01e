package org.sparkdnn.model;

import java.util.Arrays;
import org.sparkdnn.linalg.Matrix;

/**
 * The network's parameters as one flat double vector with named views {@code W(l)}, {@code b(l)}, laid out as
 * {@link Architecture} describes: the master copy the driver updates. One array means one broadcast and one update
 * loop.
 */
public final class Parameters extends LayerParameters<Matrix> {
  private final double[] values;

  /** Wraps {@code values} (not copied), which must hold {@code architecture.numParameters()} numbers. */
  public Parameters(Architecture architecture, double[] values) {
    super(checkedLength(architecture, values), (rows, cols, offset) -> Matrix.wrap(rows, cols, values, offset));
    this.values = values;
  }

  private static Architecture checkedLength(Architecture architecture, double[] values) {
    if (values.length != architecture.numParameters()) {
      throw new IllegalArgumentException(architecture + " has " + architecture.numParameters()
          + " parameters, found a vector of " + values.length);
    }
    return architecture;
  }

  /** All parameters zero (course week 2's initialisation). */
  public static Parameters zeros(Architecture architecture) {
    return new Parameters(architecture, new double[architecture.numParameters()]);
  }

  /** The flat vector (shared, not copied). */
  public double[] values() {
    return values;
  }

  /** A deep copy. */
  public Parameters copy() {
    return new Parameters(architecture(), values.clone());
  }

  /**
   * Gradient-descent step {@code θ := θ − α·(1/m)·Σ∇} (course: {@code W = W − learning_rate·dW} with
   * {@code dW = 1./m · dZ·A_prevᵀ}), taking the summed gradients; the one place the sums are divided by m.
   * The products are rounded in the course's order: {@code (1/m)·sum}, then {@code α·dW}. With class weights m is
   * the sums' {@code Σw} ({@link GradientSums#divisor}).
   */
  public void descend(double learningRate, GradientSums sums) {
    double[] total = sums.values();
    if (total.length != values.length) {
      throw new IllegalArgumentException(
          "gradient has " + total.length + " values, parameters have " + values.length);
    }
    double invM = 1.0 / sums.divisor();
    for (int i = 0; i < values.length; i++) {
      values[i] -= learningRate * (invM * total[i]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters other
        && architecture().equals(other.architecture()) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * architecture().hashCode() + Arrays.hashCode(values);
  }
}
