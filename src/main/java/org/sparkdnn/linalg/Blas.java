package org.sparkdnn.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS calls spark-dnn makes, over {@link Matrix} and {@link FloatMatrix} views, with shapes checked before the
 * native call.
 *
 * <p>Backed by {@code dev.ludovic.netlib}'s {@link BLAS#getInstance()}: native BLAS (OpenBLAS, through
 * {@code libblas.so.3}) where it loads, otherwise the Java implementation (vectorised when
 * {@code jdk.incubator.vector} is available). {@link #implementationName()} tells which.
 */
public final class Blas {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  private Blas() {}

  /** The class name of the BLAS in use, e.g. {@code dev.ludovic.netlib.blas.JNIBLAS}. */
  public static String implementationName() {
    return BLAS_INSTANCE.getClass().getName();
  }

  /**
   * {@code C := alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is {@code X} or {@code Xᵀ}: DGEMM on
   * {@link Matrix} views, SGEMM on {@link FloatMatrix} views (alpha and beta rounded to float).
   *
   * <p>Shapes: {@code op(A)} is (m, k), {@code op(B)} is (k, n), {@code C} is (m, n); a mismatch, or views of two
   * precisions, throws {@link IllegalArgumentException} naming the expected and the found shapes. With
   * {@code beta = 0}, {@code C} need not be initialised. A product with k = 0 scales C by beta.
   */
  public static void gemm(double alpha, DenseMatrix<?> a, boolean transA, DenseMatrix<?> b, boolean transB,
      double beta, DenseMatrix<?> c) {
    int k = innerDimension(a, transA, b, transB, c);
    boolean single = c instanceof FloatMatrix;
    if (single != a instanceof FloatMatrix || single != b instanceof FloatMatrix) {
      throw new IllegalArgumentException("gemm: A, B and C must have one precision, found " + a + ", " + b
          + " and " + c);
    }
    if (k == 0) {
      scale(beta, c);
    } else if (k > 0 && single) {
      BLAS_INSTANCE.sgemm(op(transA), op(transB), c.rows(), c.cols(), k, (float) alpha, (float[]) a.data(),
          a.offset(), lead(a), (float[]) b.data(), b.offset(), lead(b), (float) beta, (float[]) c.data(), c.offset(),
          lead(c));
    } else if (k > 0) {
      BLAS_INSTANCE.dgemm(op(transA), op(transB), c.rows(), c.cols(), k, alpha, (double[]) a.data(), a.offset(),
          lead(a), (double[]) b.data(), b.offset(), lead(b), beta, (double[]) c.data(), c.offset(), lead(c));
    }
  }

  /** {@code C := beta·C} (0 where beta is 0, even over NaN), for k = 0, which netlib's argument checks reject. */
  private static void scale(double beta, DenseMatrix<?> c) {
    int from = c.offset();
    int to = from + c.size();
    if (c.data() instanceof float[] z) {
      float betaF = (float) beta;
      for (int p = from; p < to; p++) {
        z[p] = betaF == 0.0f ? 0.0f : betaF * z[p];
      }
    } else if (c.data() instanceof double[] z) {
      for (int p = from; p < to; p++) {
        z[p] = beta == 0.0 ? 0.0 : beta * z[p];
      }
    }
  }

  /**
   * The inner dimension k of {@code op(A)·op(B)} after checking that op(A) (m, k), op(B) (k, n) and C (m, n) fit;
   * -1 when C is empty (nothing to do).
   */
  private static int innerDimension(DenseMatrix<?> a, boolean transA, DenseMatrix<?> b, boolean transB,
      DenseMatrix<?> c) {
    int m = transA ? a.cols() : a.rows();
    int k = transA ? a.rows() : a.cols();
    int kB = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    if (k != kB) {
      throw new IllegalArgumentException("gemm: op(A) is (" + m + ", " + k + ") so op(B) must have "
          + k + " rows, found op(B) of (" + kB + ", " + n + ")");
    }
    if (c.rows() != m || c.cols() != n) {
      throw new IllegalArgumentException(
          "gemm: C must be (" + m + ", " + n + ") for op(A)·op(B), found " + c.shape());
    }
    return m == 0 || n == 0 ? -1 : k;
  }

  private static String op(boolean transposed) {
    return transposed ? "T" : "N";
  }

  /** The leading dimension of a column-major view: its rows, at least 1 as netlib requires. */
  private static int lead(DenseMatrix<?> x) {
    return Math.max(1, x.rows());
  }
}
