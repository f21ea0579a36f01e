package org.sparkdnn.model;

import org.sparkdnn.linalg.Matrix;

/**
 * Reusable buffers for one forward/backward pass over a block of up to {@link #capacity()} samples, stored
 * <b>sample-major</b>: {@code Zᵀ[l]} and {@code Aᵀ[l]} are (m_b, n[l]) column-major, so each unit's values over
 * the block are contiguous and BLAS sees the block's many samples as its long dimension (large M, small N), the
 * fast way round for the course's tall-skinny products. Two gradient buffers alternate between {@code dZᵀ[l]}
 * and {@code dAᵀ[l-1]}; one (n[0], n[1]) buffer holds layer 1's {@code dW[1]ᵀ}. Allocated once and reused, with
 * the matrix views of the last block size cached, so a pass over equally sized blocks allocates nothing.
 * Not thread-safe: one workspace per task thread ({@link #reusable}).
 */
public final class Workspace {
  private static final ThreadLocal<Workspace> PER_THREAD = new ThreadLocal<>();

  private final Architecture architecture;
  private final int capacity;
  private final double[][] z;
  private final double[][] a;
  private final double[] gradientA;
  private final double[] gradientB;
  private final Matrix firstWeightGradientT;
  private final Matrix[] zViews;
  private final Matrix[] aViews;
  private final Matrix[] gradientViews;
  private int viewColumns;

  /** Buffers for blocks of up to {@code capacity} samples. */
  public Workspace(Architecture architecture, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workspace capacity must be at least 1 column, found " + capacity);
    }
    this.architecture = architecture;
    this.capacity = capacity;
    int layers = architecture.numLayers();
    this.z = new double[layers + 1][];
    this.a = new double[layers + 1][];
    int widest = 1;
    for (int l = 1; l <= layers; l++) {
      int size = Math.multiplyExact(architecture.units(l), capacity);
      z[l] = new double[size];
      a[l] = new double[size];
      widest = Math.max(widest, architecture.units(l));
    }
    this.gradientA = new double[Math.multiplyExact(widest, capacity)];
    this.gradientB = new double[gradientA.length];
    this.firstWeightGradientT = Matrix.zeros(architecture.units(0), architecture.units(1));
    this.zViews = new Matrix[layers + 1];
    this.aViews = new Matrix[layers + 1];
    this.gradientViews = new Matrix[layers + 1];
    this.viewColumns = -1;
  }

  /**
   * This thread's workspace if it fits {@code architecture} and {@code columns}, else a new one that
   * replaces it. Executors keep it across iterations, so repeated passes over cached blocks reuse buffers.
   */
  public static Workspace reusable(Architecture architecture, int columns) {
    Workspace current = PER_THREAD.get();
    if (current == null || !current.architecture.equals(architecture) || current.capacity < columns) {
      current = new Workspace(architecture, columns);
      PER_THREAD.set(current);
    }
    return current;
  }

  public int capacity() {
    return capacity;
  }

  /** Zᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  Matrix Zt(int l, int columns) {
    viewsFor(columns);
    return zViews[l];
  }

  /** Aᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  Matrix At(int l, int columns) {
    viewsFor(columns);
    return aViews[l];
  }

  /** The gradient buffer of layer l's parity, dZᵀ[l] or dAᵀ[l]: (columns, n[l]); l and l-1 never share one. */
  Matrix gradientT(int l, int columns) {
    viewsFor(columns);
    return gradientViews[l];
  }

  /** Room for dW[1]ᵀ: (n[0], n[1]). */
  Matrix firstWeightGradientT() {
    return firstWeightGradientT;
  }

  void checkFits(Architecture expected, int columns) {
    if (!architecture.equals(expected)) {
      throw new IllegalArgumentException("workspace was built for " + architecture + ", found " + expected);
    }
    if (columns > capacity) {
      throw new IllegalArgumentException(
          "workspace holds blocks of up to " + capacity + " columns, found a block of " + columns);
    }
  }

  /** Rebuilds the cached views when the block size changes. */
  private void viewsFor(int columns) {
    if (columns == viewColumns) {
      return;
    }
    for (int l = 1; l <= architecture.numLayers(); l++) {
      int units = architecture.units(l);
      zViews[l] = Matrix.wrap(columns, units, z[l], 0);
      aViews[l] = Matrix.wrap(columns, units, a[l], 0);
      gradientViews[l] = Matrix.wrap(columns, units, (l & 1) == 0 ? gradientA : gradientB, 0);
    }
    viewColumns = columns;
  }
}
