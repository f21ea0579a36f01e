package org.sparkdnn.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Precision;

/**
 * A block of samples, one per column: features {@code X_b} as an (n[0], m_b) column-major array, labels
 * {@code Y_b} (1, m_b) as a {@code double[]} (NaN where the input had no label) and, from a table's
 * {@code --weight-col}, each sample's weight (1, m_b), null without one. Built once per partition and
 * cached, so every iteration reads the same arrays. The features are held in the block's {@link #precision()}:
 * a {@code double[]} (float64, as read) or a {@code float[]} (float32, {@link #toFloat32()}), never both.
 */
public final class ColumnBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  private final int numColumns;
  /** The float64 features, or null in a float32 block. */
  private final double[] features;
  /** The float32 features, or null in a float64 block. */
  private final float[] floatFeatures;
  private final double[] labels;
  /** The samples' weights w_i (1, m_b), or null: every sample weighs 1 and no weight is multiplied. */
  private final double[] weights;

  /** Wraps the arrays (not copied): {@code features.length == numFeatures·labels.length}. */
  public ColumnBlock(int numFeatures, double[] features, double[] labels) {
    this(numFeatures, features, labels, null);
  }

  /**
   * Wraps the arrays (not copied): {@code features.length == numFeatures·labels.length}, {@code weights} null or
   * one per label.
   */
  public ColumnBlock(int numFeatures, double[] features, double[] labels, double[] weights) {
    this(numFeatures, features, null, features.length, labels, weights);
  }

  private ColumnBlock(int numFeatures, double[] features, float[] floatFeatures, int values, double[] labels,
      double[] weights) {
    if ((long) numFeatures * labels.length != values) {
      throw new IllegalArgumentException("a block of " + labels.length + " samples with " + numFeatures
          + " features needs " + (long) numFeatures * labels.length + " values, found " + values);
    }
    if (weights != null && weights.length != labels.length) {
      throw new IllegalArgumentException("a block of " + labels.length + " samples needs as many weights, found "
          + weights.length);
    }
    this.numFeatures = numFeatures;
    this.numColumns = labels.length;
    this.features = features;
    this.floatFeatures = floatFeatures;
    this.labels = labels;
    this.weights = weights;
  }

  /**
   * A float32 block wrapping the arrays (not copied): {@code features.length == numFeatures·labels.length},
   * {@code weights} null or one per label.
   */
  public static ColumnBlock ofFloat32(int numFeatures, float[] features, double[] labels, double[] weights) {
    return new ColumnBlock(numFeatures, null, features, features.length, labels, weights);
  }

  /** This block's samples with other float64 features of the same shape (labels and weights shared). */
  public ColumnBlock withFeatures(double[] x) {
    return new ColumnBlock(numFeatures, x, labels, weights);
  }

  /** This block with its features rounded to float (a new block); a float32 block is returned as it is. */
  public ColumnBlock toFloat32() {
    if (floatFeatures != null) {
      return this;
    }
    float[] x = new float[features.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) features[i];
    }
    return ofFloat32(numFeatures, x, labels, weights);
  }

  /** The precision the features are held in. */
  public Precision precision() {
    return floatFeatures != null ? Precision.FLOAT32 : Precision.FLOAT64;
  }

  /** n[0]. */
  public int numFeatures() {
    return numFeatures;
  }

  /** m_b, the number of samples (columns). */
  public int numColumns() {
    return numColumns;
  }

  /** X_b: (n[0], m_b), a view of the float64 feature array; fails on a float32 block. */
  public Matrix X() {
    requirePrecision(Precision.FLOAT64);
    return Matrix.wrap(numFeatures, numColumns, features, 0);
  }

  /** X_b: (n[0], m_b), a view of the features in the block's precision (a {@link Matrix} or a {@link FloatMatrix}). */
  public DenseMatrix<?> features() {
    return features != null ? X() : FloatMatrix.wrap(numFeatures, numColumns, floatFeatures, 0);
  }

  /** Feature value i of the column-major (n[0], m_b) X_b, widened to double if the block is float32. */
  public double feature(int i) {
    return features != null ? features[i] : floatFeatures[i];
  }

  private void requirePrecision(Precision expected) {
    if (precision() != expected) {
      throw new IllegalStateException("a " + expected + " view of a " + precision() + " block was asked for");
    }
  }

  /** Y_b: m_b labels (shared, not copied). */
  public double[] labels() {
    return labels;
  }

  /** The m_b samples' weights (shared, not copied), or null when the samples are not weighted. */
  public double[] weights() {
    return weights;
  }

  /**
   * The float64 blocks' columns side by side, in order, as one new block; all must have the same n[0]. Blocks are
   * cut and joined while loading, before {@link #toFloat32()}.
   */
  public static ColumnBlock concat(List<ColumnBlock> blocks) {
    if (blocks.size() == 1) {
      return blocks.get(0);
    }
    int n = blocks.get(0).numFeatures;
    boolean weighted = blocks.get(0).weights != null;
    int columns = 0;
    for (ColumnBlock block : blocks) {
      if (block.numFeatures != n || (block.weights != null) != weighted) {
        throw new IllegalArgumentException("blocks to join must all have " + n + " features and all weights or "
            + "none, found one with " + block.numFeatures);
      }
      block.requirePrecision(Precision.FLOAT64);
      columns += block.numColumns;
    }
    double[] x = new double[Math.multiplyExact(columns, n)];
    double[] y = new double[columns];
    double[] w = weighted ? new double[columns] : null;
    int at = 0;
    for (ColumnBlock block : blocks) {
      System.arraycopy(block.features, 0, x, at * n, block.features.length);
      System.arraycopy(block.labels, 0, y, at, block.numColumns);
      if (weighted) {
        System.arraycopy(block.weights, 0, w, at, block.numColumns);
      }
      at += block.numColumns;
    }
    return new ColumnBlock(n, x, y, w);
  }

  /**
   * The columns {@code columns[from .. to)} of a partition's blocks, numbered across them in order, side by side as
   * one new block in their precision (copies): a mini-batch's share of the partition.
   * Shapes: each block X (n[0], m_b); returns X (n[0], to − from).
   */
  public static ColumnBlock gather(List<ColumnBlock> blocks, int[] columns, int from, int to) {
    int n = blocks.get(0).numFeatures;
    boolean single = blocks.get(0).floatFeatures != null;
    boolean weighted = blocks.get(0).weights != null;
    int[] starts = new int[blocks.size() + 1];
    for (int b = 0; b < blocks.size(); b++) {
      ColumnBlock block = blocks.get(b);
      if (block.numFeatures != n || (block.floatFeatures != null) != single || (block.weights != null) != weighted) {
        throw new IllegalArgumentException(
            "blocks to gather from must all have " + n + " features, one precision and all weights or none");
      }
      starts[b + 1] = starts[b] + block.numColumns;
    }
    int count = to - from;
    double[] y = new double[count];
    double[] w = weighted ? new double[count] : null;
    double[] x = single ? null : new double[Math.multiplyExact(count, n)];
    float[] xf = single ? new float[Math.multiplyExact(count, n)] : null;
    for (int j = 0; j < count; j++) {
      int column = columns[from + j];
      int b = blockOf(starts, column);
      ColumnBlock block = blocks.get(b);
      int within = column - starts[b];
      if (single) {
        System.arraycopy(block.floatFeatures, within * n, xf, j * n, n);
      } else {
        System.arraycopy(block.features, within * n, x, j * n, n);
      }
      y[j] = block.labels[within];
      if (weighted) {
        w[j] = block.weights[within];
      }
    }
    return single ? ofFloat32(n, xf, y, w) : new ColumnBlock(n, x, y, w);
  }

  /** The block holding column {@code column}, given the blocks' first columns ({@code starts}, one past the last). */
  private static int blockOf(int[] starts, int column) {
    if (column < 0 || column >= starts[starts.length - 1]) {
      throw new IndexOutOfBoundsException("column " + column + " of blocks holding " + starts[starts.length - 1]);
    }
    int found = Arrays.binarySearch(starts, column);
    if (found >= 0) {
      while (found + 1 < starts.length && starts[found + 1] == column) {
        found++;
      }
      return found;
    }
    return -found - 2;
  }

  /** The columns [from, to) of a float64 block as a new block (copies). */
  public ColumnBlock slice(int from, int to) {
    requirePrecision(Precision.FLOAT64);
    if (from < 0 || to > numColumns || from > to) {
      throw new IndexOutOfBoundsException(
          "slice [" + from + ", " + to + ") outside a block of " + numColumns + " columns");
    }
    double[] x = new double[(to - from) * numFeatures];
    System.arraycopy(features, from * numFeatures, x, 0, x.length);
    double[] y = new double[to - from];
    System.arraycopy(labels, from, y, 0, y.length);
    return new ColumnBlock(numFeatures, x, y, weights == null ? null : Arrays.copyOfRange(weights, from, to));
  }
}
