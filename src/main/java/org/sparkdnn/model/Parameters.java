package org.sparkdnn.model;

import java.util.Arrays;
import org.sparkdnn.linalg.Matrix;

/**
 * The network's parameters as one flat vector with named views {@code W(l)}, {@code b(l)}, laid out as
 * {@link Architecture} describes. One array means one broadcast and one update loop.
 */
public final class Parameters {
  private final Architecture architecture;
  private final double[] values;
  private final Matrix[] weights;
  private final Matrix[] biases;

  /** Wraps {@code values} (not copied), which must hold {@code architecture.numParameters()} numbers. */
  public Parameters(Architecture architecture, double[] values) {
    if (values.length != architecture.numParameters()) {
      throw new IllegalArgumentException(architecture + " has " + architecture.numParameters()
          + " parameters, found a vector of " + values.length);
    }
    this.architecture = architecture;
    this.values = values;
    int layers = architecture.numLayers();
    this.weights = new Matrix[layers + 1];
    this.biases = new Matrix[layers + 1];
    for (int l = 1; l <= layers; l++) {
      weights[l] = Matrix.wrap(architecture.units(l), architecture.units(l - 1), values, architecture.weightOffset(l));
      biases[l] = Matrix.wrap(architecture.units(l), 1, values, architecture.biasOffset(l));
    }
  }

  /** All parameters zero (course week 2's initialisation). */
  public static Parameters zeros(Architecture architecture) {
    return new Parameters(architecture, new double[architecture.numParameters()]);
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The flat vector (shared, not copied). */
  public double[] values() {
    return values;
  }

  /** W[l], an (n[l], n[l-1]) view, l = 1..L (made once, so the hot path allocates no views). */
  public Matrix W(int l) {
    return weights[architecture.checkLayer(l)];
  }

  /** b[l], an (n[l], 1) view, l = 1..L. */
  public Matrix b(int l) {
    return biases[architecture.checkLayer(l)];
  }

  /** A deep copy. */
  public Parameters copy() {
    return new Parameters(architecture, values.clone());
  }

  /**
   * Gradient-descent step {@code θ := θ − α·(1/m)·Σ∇} (course: {@code W = W − learning_rate·dW} with
   * {@code dW = 1./m · dZ·A_prevᵀ}), taking the summed gradients; the one place the sums are divided by m.
   * The products are rounded in the course's order: {@code (1/m)·sum}, then {@code α·dW}.
   */
  public void descend(double learningRate, GradientSums sums) {
    double[] total = sums.values();
    if (total.length != values.length) {
      throw new IllegalArgumentException(
          "gradient has " + total.length + " values, parameters have " + values.length);
    }
    double invM = 1.0 / sums.count();
    for (int i = 0; i < values.length; i++) {
      values[i] -= learningRate * (invM * total[i]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters other
        && architecture.equals(other.architecture) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * architecture.hashCode() + Arrays.hashCode(values);
  }
}
