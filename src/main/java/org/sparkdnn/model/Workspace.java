package org.sparkdnn.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;

/**
 * Reusable buffers for one forward/backward pass over a block of up to {@link #capacity()} samples in one precision,
 * with that precision's {@link Kernels}. Stored <b>sample-major</b>: {@code Zᵀ[l]} and {@code Aᵀ[l]} are (m_b, n[l])
 * column-major, so each unit's values over the block are contiguous and BLAS sees the block's many samples as its
 * long dimension (large M, small N), the fast way round for the course's tall-skinny products. Two gradient buffers
 * alternate between {@code dZᵀ[l]} and {@code dAᵀ[l-1]}. Allocated once and reused, with the views of the last block
 * size cached, so a pass over equally sized blocks allocates nothing. Not thread-safe: one workspace per task thread
 * and precision ({@link #reusable}).
 */
public final class Workspace<M extends DenseMatrix<?>> {
  private static final Map<Precision, ThreadLocal<Workspace<?>>> PER_THREAD = new EnumMap<>(Precision.class);

  static {
    for (Precision precision : Precision.values()) {
      PER_THREAD.put(precision, new ThreadLocal<>());
    }
  }

  private final Precision precision;
  private final Architecture architecture;
  private final int capacity;
  private final Kernels<M> kernels;
  private final Class<M> type;
  private final Storage<M> storage;
  private final List<M> z = new ArrayList<>();
  private final List<M> a = new ArrayList<>();
  private final List<M> gradients = new ArrayList<>();
  private final List<M> zViews = new ArrayList<>();
  private final List<M> aViews = new ArrayList<>();
  private final List<M> gradientViews = new ArrayList<>();
  /** Each sample's weight w_{y_i}, or w_i·w_{y_i}, when class weights are applied: (1, capacity). */
  private final double[] sampleWeights;
  private int viewColumns = -1;

  /** How one precision's matrices are made. */
  private interface Storage<M> {
    /** A (rows, cols) view of the start of {@code of}'s array, or a new zero matrix if {@code of} is null. */
    M make(M of, int rows, int cols);
  }

  private Workspace(Precision precision, Architecture architecture, int capacity, Kernels<M> kernels,
      Class<M> type, Storage<M> storage) {
    if (capacity < 1) {
      throw new IllegalArgumentException("workspace capacity must be at least 1 column, found " + capacity);
    }
    this.precision = precision;
    this.architecture = architecture;
    this.capacity = capacity;
    this.kernels = kernels;
    this.type = type;
    this.storage = storage;
    int widest = 1;
    for (int l = 0; l <= architecture.numLayers(); l++) {
      int units = l == 0 ? 0 : architecture.units(l);
      z.add(storage.make(null, capacity, units));
      a.add(storage.make(null, capacity, units));
      widest = Math.max(widest, units);
    }
    gradients.add(storage.make(null, capacity, widest));
    gradients.add(storage.make(null, capacity, widest));
    sampleWeights = new double[capacity];
  }

  /** Float64 buffers for blocks of up to {@code capacity} samples. */
  public static Workspace<Matrix> float64(Architecture architecture, int capacity) {
    return new Workspace<>(Precision.FLOAT64, architecture, capacity, new DoubleKernels(architecture), Matrix.class,
        (of, rows, cols) -> of == null ? Matrix.zeros(rows, cols) : Matrix.wrap(rows, cols, of.data(), 0));
  }

  /** Float32 buffers for blocks of up to {@code capacity} samples. */
  public static Workspace<FloatMatrix> float32(Architecture architecture, int capacity) {
    return new Workspace<>(Precision.FLOAT32, architecture, capacity, new FloatKernels(architecture, capacity),
        FloatMatrix.class,
        (of, rows, cols) -> of == null ? FloatMatrix.zeros(rows, cols) : FloatMatrix.wrap(rows, cols, of.data(), 0));
  }

  private static Workspace<?> of(Precision precision, Architecture architecture, int capacity) {
    return switch (precision) {
      case FLOAT64 -> float64(architecture, capacity);
      case FLOAT32 -> float32(architecture, capacity);
    };
  }

  /**
   * This thread's workspace in {@code precision} if it fits {@code architecture} and {@code columns}, else a new one
   * that replaces it. Executors keep it across iterations, so repeated passes over cached blocks reuse buffers.
   */
  public static Workspace<?> reusable(Precision precision, Architecture architecture, int columns) {
    ThreadLocal<Workspace<?>> perThread = PER_THREAD.get(precision);
    Workspace<?> current = perThread.get();
    if (current == null || !current.architecture.equals(architecture) || current.capacity < columns) {
      current = of(precision, architecture, columns);
      perThread.set(current);
    }
    return current;
  }

  public int capacity() {
    return capacity;
  }

  public Precision precision() {
    return precision;
  }

  /** {@code x} (features of this workspace's precision) in its matrix type. */
  public M input(DenseMatrix<?> x) {
    if (!type.isInstance(x)) {
      throw new IllegalArgumentException("a " + precision + " workspace was given a " + x);
    }
    return type.cast(x);
  }

  /** The double parameters in this precision: themselves, or rounded to float once per {@code user}. */
  public LayerParameters<M> parameters(Parameters p, Object user) {
    return kernels.parameters(p, user);
  }

  Kernels<M> kernels() {
    return kernels;
  }

  /** Room for the weights of a block's samples: (1, capacity). */
  double[] sampleWeights() {
    return sampleWeights;
  }

  /** Zᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  M Zt(int l, int columns) {
    viewsFor(columns);
    return zViews.get(l);
  }

  /** Aᵀ[l] for a block of {@code columns} samples: (columns, n[l]). */
  M At(int l, int columns) {
    viewsFor(columns);
    return aViews.get(l);
  }

  /** The gradient buffer of layer l's parity, dZᵀ[l] or dAᵀ[l]: (columns, n[l]); l and l-1 never share one. */
  M gradientT(int l, int columns) {
    viewsFor(columns);
    return gradientViews.get(l);
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
    zViews.clear();
    aViews.clear();
    gradientViews.clear();
    for (int l = 0; l <= architecture.numLayers(); l++) {
      int units = l == 0 ? 0 : architecture.units(l);
      zViews.add(storage.make(z.get(l), columns, units));
      aViews.add(storage.make(a.get(l), columns, units));
      gradientViews.add(storage.make(gradients.get(l & 1), columns, units));
    }
    viewColumns = columns;
  }
}
