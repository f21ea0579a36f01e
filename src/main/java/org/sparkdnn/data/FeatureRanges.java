package org.sparkdnn.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-feature minimum and maximum of blocks, to tell a user of unscaled data whose features' ranges
 * (max − min) differ by orders of magnitude that they should standardize them. Mutable, for one pass.
 */
public final class FeatureRanges implements BlockSummary<FeatureRanges> {
  private static final long serialVersionUID = 1L;

  private final double[] min;
  private final double[] max;

  /** No samples yet, of {@code numFeatures} features. */
  public FeatureRanges(int numFeatures) {
    min = new double[numFeatures];
    max = new double[numFeatures];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  /** Adds the block's samples. Shapes: X_b (n[0], m_b), column-major, either precision. */
  @Override
  public void add(ColumnBlock block) {
    int n = min.length;
    if (block.numFeatures() != n) {
      throw new IllegalArgumentException("expected blocks of " + n + " features, found " + block.numFeatures());
    }
    for (int j = 0; j < block.numColumns(); j++) {
      for (int i = 0; i < n; i++) {
        double v = block.feature(j * n + i);
        min[i] = Math.min(min[i], v);
        max[i] = Math.max(max[i], v);
      }
    }
  }

  /** Adds {@code other}'s samples. */
  @Override
  public void add(FeatureRanges other) {
    for (int i = 0; i < min.length; i++) {
      min[i] = Math.min(min[i], other.min[i]);
      max[i] = Math.max(max[i], other.max[i]);
    }
  }

  /**
   * The line suggesting {@code --scale standardize} when the widest range of the features that vary is more than
   * {@code ratio} times the narrowest, naming both features (0-based, the label not counted); empty otherwise.
   */
  public Optional<String> standardizeHint(double ratio) {
    int narrowest = -1;
    int widest = -1;
    for (int i = 0; i < min.length; i++) {
      double range = max[i] - min[i];
      if (range > 0.0) {
        if (narrowest < 0 || range < range(narrowest)) {
          narrowest = i;
        }
        if (widest < 0 || range > range(widest)) {
          widest = i;
        }
      }
    }
    if (narrowest < 0 || !(range(widest) > ratio * range(narrowest))) {
      return Optional.empty();
    }
    return Optional.of("Hint: the features' ranges (max - min) differ by more than " + (long) ratio + "x (feature "
        + narrowest + ": " + String.format(Locale.ROOT, "%.4g", range(narrowest)) + ", feature " + widest + ": "
        + String.format(Locale.ROOT, "%.4g", range(widest))
        + "; 0-based, the label not counted): consider --scale standardize");
  }

  private double range(int i) {
    return max[i] - min[i];
  }
}
