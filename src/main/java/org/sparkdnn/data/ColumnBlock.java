package org.sparkdnn.data;

import java.io.Serializable;
import java.util.List;
import org.sparkdnn.linalg.Matrix;

/**
 * A block of samples, one per column: features {@code X_b} as an (n[0], m_b) column-major {@code double[]}
 * and labels {@code Y_b} (1, m_b) (NaN where the input had no label). Built once per partition and cached,
 * so every iteration reads the same arrays.
 */
public final class ColumnBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  private final int numColumns;
  private final double[] features;
  private final double[] labels;

  /** Wraps the arrays (not copied): {@code features.length == numFeatures·labels.length}. */
  public ColumnBlock(int numFeatures, double[] features, double[] labels) {
    if ((long) numFeatures * labels.length != features.length) {
      throw new IllegalArgumentException("a block of " + labels.length + " samples with " + numFeatures
          + " features needs " + (long) numFeatures * labels.length + " values, found " + features.length);
    }
    this.numFeatures = numFeatures;
    this.numColumns = labels.length;
    this.features = features;
    this.labels = labels;
  }

  /** n[0]. */
  public int numFeatures() {
    return numFeatures;
  }

  /** m_b, the number of samples (columns). */
  public int numColumns() {
    return numColumns;
  }

  /** X_b: (n[0], m_b), a view of the feature array. */
  public Matrix X() {
    return Matrix.wrap(numFeatures, numColumns, features, 0);
  }

  /** Y_b: m_b labels (shared, not copied). */
  public double[] labels() {
    return labels;
  }

  /** The blocks' columns side by side, in order, as one new block; all must have the same n[0]. */
  public static ColumnBlock concat(List<ColumnBlock> blocks) {
    if (blocks.size() == 1) {
      return blocks.get(0);
    }
    int n = blocks.get(0).numFeatures;
    int columns = 0;
    for (ColumnBlock block : blocks) {
      if (block.numFeatures != n) {
        throw new IllegalArgumentException(
            "blocks to join must all have " + n + " features, found one with " + block.numFeatures);
      }
      columns += block.numColumns;
    }
    double[] x = new double[Math.multiplyExact(columns, n)];
    double[] y = new double[columns];
    int at = 0;
    for (ColumnBlock block : blocks) {
      System.arraycopy(block.features, 0, x, at * n, block.features.length);
      System.arraycopy(block.labels, 0, y, at, block.numColumns);
      at += block.numColumns;
    }
    return new ColumnBlock(n, x, y);
  }

  /** The columns [from, to) as a new block (copies). */
  public ColumnBlock slice(int from, int to) {
    if (from < 0 || to > numColumns || from > to) {
      throw new IndexOutOfBoundsException(
          "slice [" + from + ", " + to + ") outside a block of " + numColumns + " columns");
    }
    double[] x = new double[(to - from) * numFeatures];
    System.arraycopy(features, from * numFeatures, x, 0, x.length);
    double[] y = new double[to - from];
    System.arraycopy(labels, from, y, 0, y.length);
    return new ColumnBlock(numFeatures, x, y);
  }
}
