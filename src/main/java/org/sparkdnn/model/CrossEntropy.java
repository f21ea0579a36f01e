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
    return Math.max(x, 0.0) + log1p(Math.exp(-Math.abs(x)));
  }

  /**
   * {@code log(1 + e)} for {@code e} in [0, 1], accurate to a few ulps however small {@code e} is: with
   * {@code u = 1 + e} rounded, {@code log(u)·e/(u − 1)} cancels the rounding of u (Goldberg, "What every computer
   * scientist should know about floating-point arithmetic", theorem 4). Faster than {@code Math.log1p}, which is not
   * a compiler intrinsic on Java 17 while {@code Math.log} is.
   */
  static double log1p(double e) {
    double u = 1.0 + e;
    return u == 1.0 ? e : Math.log(u) * (e / (u - 1.0));
  }

  /**
   * One sample's loss from its output pre-activation z and label y. For a label of 0 or 1 one of the two terms
   * is zero, so only the other is evaluated: {@code softplus((1 − 2y)·z)}, the same value in half the time.
   */
  public static double loss(double z, double y) {
    if (y == 0.0 || y == 1.0) {
      return softplus((1.0 - 2.0 * y) * z);
    }
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
   * {@code Σ_i w_i·J_i} over a block, each sample's loss times its weight.
   * Shapes: zL (1, m_b) from {@code offset}; y (1, m_b) from {@code yOffset}; w (1, m_b) from {@code wOffset}.
   */
  public static double weightedSum(double[] zL, int offset, double[] y, int yOffset, double[] w, int wOffset,
      int count) {
    double total = 0.0;
    for (int i = 0; i < count; i++) {
      total += w[wOffset + i] * loss(zL[offset + i], y[yOffset + i]);
    }
    return total;
  }
}
