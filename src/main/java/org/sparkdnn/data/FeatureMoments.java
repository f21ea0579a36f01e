package org.sparkdnn.data;

import java.math.BigDecimal;
import java.math.MathContext;
import org.sparkdnn.linalg.ExactSum;

/**
 * Per-feature sample count, Σx and Σx² of float64 blocks, held exactly ({@link ExactSum}; x² as the two doubles
 * {@code x·x} and its rounding error, {@code fma(x, x, −x·x)}). Partitions' moments merge without rounding, so the
 * {@link Standardization} they give is the same bits for any partitioning and order. Mutable, for one pass.
 */
public final class FeatureMoments implements BlockSummary<FeatureMoments> {
  private static final long serialVersionUID = 1L;
  /** Digits of the exact quotients before their one rounding to double. */
  private static final MathContext DIGITS = new MathContext(40);

  private final ExactSum[] sums;
  private final ExactSum[] squares;
  private long count;

  /** No samples yet, of {@code numFeatures} features. */
  public FeatureMoments(int numFeatures) {
    sums = new ExactSum[numFeatures];
    squares = new ExactSum[numFeatures];
    for (int i = 0; i < numFeatures; i++) {
      sums[i] = new ExactSum();
      squares[i] = new ExactSum();
    }
  }

  /**
   * Adds the block's samples. Shapes: X_b (n[0], m_b), column-major.
   *
   * @throws IllegalArgumentException if the block has another n[0], is float32, or a square overflows
   *     (|x| ≥ 2^512)
   */
  @Override
  public void add(ColumnBlock block) {
    int n = sums.length;
    if (block.numFeatures() != n) {
      throw new IllegalArgumentException("expected blocks of " + n + " features, found " + block.numFeatures());
    }
    double[] x = block.X().data();
    for (int j = 0; j < block.numColumns(); j++) {
      for (int i = 0; i < n; i++) {
        double v = x[j * n + i];
        double square = v * v;
        if (Double.isInfinite(square)) {
          throw new IllegalArgumentException("feature " + i + ": expected values below 2^512 in magnitude to "
              + "standardize, found " + v);
        }
        sums[i].add(v);
        squares[i].add(square);
        squares[i].add(Math.fma(v, v, -square));
      }
    }
    count += block.numColumns();
  }

  /** Adds {@code other}'s samples (it is left unchanged). */
  @Override
  public void add(FeatureMoments other) {
    if (other.sums.length != sums.length) {
      throw new IllegalArgumentException(
          "expected moments of " + sums.length + " features, found " + other.sums.length);
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i].add(other.sums[i]);
      squares[i].add(other.squares[i]);
    }
    count += other.count;
  }

  /** m, the samples added. */
  public long count() {
    return count;
  }

  /**
   * Each feature's mean Σx/m and population standard deviation √((m·Σx² − (Σx)²)/m²), the quotients exact to
   * 40 digits before their rounding to double, the variance rounded once before its root.
   *
   * @throws IllegalStateException if no sample was added
   */
  public Standardization standardization() {
    if (count == 0) {
      throw new IllegalStateException("no samples to standardize by");
    }
    int n = sums.length;
    double[] mean = new double[n];
    double[] std = new double[n];
    BigDecimal m = BigDecimal.valueOf(count);
    BigDecimal mSquared = m.multiply(m);
    for (int i = 0; i < n; i++) {
      BigDecimal s1 = sums[i].toBigDecimal();
      BigDecimal s2 = squares[i].toBigDecimal();
      mean[i] = s1.divide(m, DIGITS).doubleValue();
      // exact, so never below 0 (Cauchy–Schwarz) and exactly 0 for a constant feature
      BigDecimal spread = m.multiply(s2).subtract(s1.multiply(s1));
      std[i] = Math.sqrt(Math.max(0.0, spread.divide(mSquared, DIGITS).doubleValue()));
    }
    return new Standardization(mean, std);
  }
}
