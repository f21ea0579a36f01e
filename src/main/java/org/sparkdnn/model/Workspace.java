package org.sparkdnn.model;

import org.sparkdnn.linalg.Matrix;

/**
 * Reusable buffers for one forward/backward pass over a block of up to {@link #capacity()} columns:
 * {@code Z[l]} and {@code A[l]} for l = 1..L and two gradient buffers that alternate between
 * {@code dZ[l]} and {@code dA[l-1]}. Allocated once and reused, so the hot path allocates nothing.
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

  /** Buffers for blocks of up to {@code capacity} columns. */
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

  /** Z[l] for a block of {@code columns}: (n[l], columns). */
  Matrix Z(int l, int columns) {
    return Matrix.wrap(architecture.units(l), columns, z[l], 0);
  }

  /** A[l] for a block of {@code columns}: (n[l], columns). */
  Matrix A(int l, int columns) {
    return Matrix.wrap(architecture.units(l), columns, a[l], 0);
  }

  /** The gradient buffer of layer l's parity: (n[l], columns); layers l and l-1 never share one. */
  Matrix gradient(int l, int columns) {
    return Matrix.wrap(architecture.units(l), columns, (l & 1) == 0 ? gradientA : gradientB, 0);
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
}
