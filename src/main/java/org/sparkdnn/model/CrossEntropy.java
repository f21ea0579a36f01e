package org.sparkdnn.model;

/**
 * Binary cross-entropy computed from the output pre-activation {@code Z[L]}, never from a rounded
 * probability: {@code −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z)}, since
 * {@code log σ(z) = −log(1 + e^(−z))}. A saturated sigmoid never gives {@code log 0}.
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /** {@code softplus(x) = log(1 + e^x)}, computed as {@code max(x, 0) + log1p(e^(−|x|))} so it never overflows. */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** One sample's loss from its output pre-activation z and label y. */
  public static double loss(double z, double y) {
    return y * softplus(-z) + (1.0 - y) * softplus(z);
  }

  /**
   * {@code Σ_i J_i} over a block.
   * Shapes: zL (1, m_b) from {@code offset}; y (1, m_b) from {@code yOffset}.
   */
  public static double sum(double[] zL, int offset, double[] y, int yOffset, int count) {
    double total = 0.0;
    for (int i = 0; i < count; i++) {
      total += loss(zL[offset + i], y[yOffset + i]);
    }
    return total;
  }

  /**
   * {@code Σ_i J_i} over a block whose {@code Z[L]} is in float, accumulated in double.
   * Shapes: zL (1, m_b) from {@code offset}; y (1, m_b) from {@code yOffset}.
   */
  public static double sum(float[] zL, int offset, double[] y, int yOffset, int count) {
    double total = 0.0;
    for (int i = 0; i < count; i++) {
      total += loss(zL[offset + i], y[yOffset + i]);
    }
    return total;
  }
}
