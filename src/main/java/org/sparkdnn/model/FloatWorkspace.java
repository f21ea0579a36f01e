package org.sparkdnn.model;

import org.sparkdnn.linalg.FloatMatrix;

/**
 * The single-precision twin of {@link Workspace}: sample-major float buffers {@code Zᵀ[l]}, {@code Aᵀ[l]} (m_b,
 * n[l]), two alternating gradient buffers for {@code dZᵀ[l]} / {@code dAᵀ[l-1]}, and one buffer for a layer's
 * float weight-gradient product before it is added into the double sums. Allocated once, reused; one per task
 * thread ({@link #reusable}).
 */
public final class FloatWorkspace {
  private static final ThreadLocal<FloatWorkspace> PER_THREAD = new ThreadLocal<>();

  private final Architecture architecture;
  private final int capacity;
  private final float[][] z;
  private final float[][] a;
  private final float[] gradientA;
  private final float[] gradientB;
  private final FloatMatrix[] weightProducts;
  private final FloatMatrix[] zViews;
  private final FloatMatrix[] aViews;
  private final FloatMatrix[] gradientViews;
  private int viewColumns;

  /** Buffers for blocks of up to {@code capacity} samples. */
  public FloatWorkspace(Architecture architecture, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workspace capacity must be at least 1 column, found " + capacity);
    }
    this.architecture = architecture;
    this.capacity = capacity;
    int layers = architecture.numLayers();
    this.z = new float[layers + 1][];
    this.a = new float[layers + 1][];
    int widest = 1;
    int largestWeight = 1;
    for (int l = 1; l <= layers; l++) {
      int size = Math.multiplyExact(architecture.units(l), capacity);
      z[l] = new float[size];
      a[l] = new float[size];
      widest = Math.max(widest, architecture.units(l));
      largestWeight = Math.max(largestWeight, architecture.units(l) * architecture.units(l - 1));
    }
    this.gradientA = new float[Math.multiplyExact(widest, capacity)];
    this.gradientB = new float[gradientA.length];
    float[] product = new float[largestWeight];
    this.weightProducts = new FloatMatrix[layers + 1];
    // layer 1 holds dW[1]ᵀ (n[0], n[1]); the others dW[l] (n[l], n[l-1])
    weightProducts[1] = FloatMatrix.wrap(architecture.units(0), architecture.units(1), product, 0);
    for (int l = 2; l <= layers; l++) {
      weightProducts[l] = FloatMatrix.wrap(architecture.units(l), architecture.units(l - 1), product, 0);
    }
    this.zViews = new FloatMatrix[layers + 1];
    this.aViews = new FloatMatrix[layers + 1];
    this.gradientViews = new FloatMatrix[layers + 1];
    this.viewColumns = -1;
  }

  /** This thread's workspace if it fits {@code architecture} and {@code columns}, else a new one that replaces it. */
  public static FloatWorkspace reusable(Architecture architecture, int columns) {
    FloatWorkspace current = PER_THREAD.get();
    if (current == null || !current.architecture.equals(architecture) || current.capacity < columns) {
      current = new FloatWorkspace(architecture, columns);
      PER_THREAD.set(current);
    }
    return current;
  }

  /** Zᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  FloatMatrix Zt(int l, int columns) {
    viewsFor(columns);
    return zViews[l];
  }

  /** Aᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  FloatMatrix At(int l, int columns) {
    viewsFor(columns);
    return aViews[l];
  }

  /** The gradient buffer of layer l's parity, dZᵀ[l] or dAᵀ[l]: (columns, n[l]); l and l-1 never share one. */
  FloatMatrix gradientT(int l, int columns) {
    viewsFor(columns);
    return gradientViews[l];
  }

  /** Room for one block's weight-gradient product: dW[1]ᵀ (n[0], n[1]) for l = 1, else dW[l] (n[l], n[l-1]). */
  FloatMatrix weightProduct(int l) {
    return weightProducts[l];
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
      zViews[l] = FloatMatrix.wrap(columns, units, z[l], 0);
      aViews[l] = FloatMatrix.wrap(columns, units, a[l], 0);
      gradientViews[l] = FloatMatrix.wrap(columns, units, (l & 1) == 0 ? gradientA : gradientB, 0);
    }
    viewColumns = columns;
  }
}
