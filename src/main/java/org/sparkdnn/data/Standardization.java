package org.sparkdnn.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * {@code --scale standardize}: every feature centred on its training mean and divided by its training population
 * standard deviation, {@code (x − mean[i]) / std[i]} (a division, as {@link FeatureScaling}'s, so a copy of the
 * data standardized elsewhere in double gives the same bits); a constant feature (std 0) is only centred. Applied
 * to float64 blocks after loading, before any rounding to float32. Immutable.
 */
public final class Standardization implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] mean;
  private final double[] std;

  /**
   * @param mean each feature's mean (copied)
   * @param std each feature's population standard deviation, ≥ 0 (copied)
   * @throws IllegalArgumentException if the lengths differ, are 0, or a value is not finite or a std negative
   */
  public Standardization(double[] mean, double[] std) {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("expected as many means as standard deviations (at least one), found "
          + mean.length + " and " + std.length);
    }
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i]) || !(std[i] >= 0.0 && std[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("feature " + i + ": expected a finite mean and a finite standard "
            + "deviation ≥ 0, found " + mean[i] + " and " + std[i]);
      }
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** n[0]. */
  public int numFeatures() {
    return mean.length;
  }

  /** The means (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** The standard deviations (a copy). */
  public double[] std() {
    return std.clone();
  }

  /** The 0-based indexes of the constant features (std 0), which are centred only. */
  public int[] constantFeatures() {
    return IntStream.range(0, std.length).filter(i -> std[i] == 0.0).toArray();
  }

  /** Feature i's standardized value. */
  public double apply(int i, double x) {
    double centred = x - mean[i];
    return std[i] == 0.0 ? centred : centred / std[i];
  }

  /**
   * A new float64 block of the standardized features, the labels shared. Shapes: X_b (n[0], m_b) in and out.
   *
   * @throws IllegalArgumentException if the block has another n[0]
   */
  public ColumnBlock apply(ColumnBlock block) {
    int n = mean.length;
    if (block.numFeatures() != n) {
      throw new IllegalArgumentException("expected blocks of " + n + " features, found " + block.numFeatures());
    }
    double[] x = block.X().data();
    double[] z = new double[x.length];
    for (int j = 0; j < block.numColumns(); j++) {
      for (int i = 0; i < n; i++) {
        z[j * n + i] = apply(i, x[j * n + i]);
      }
    }
    return block.withFeatures(z);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardization other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Standardization(" + mean.length + " features)";
  }
}
