package org.sparkdnn.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS calls spark-dnn makes, over {@link Matrix} views, with shapes checked before the native call.
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
   * {@code C := alpha · op(A) · op(B) + beta · C} (DGEMM), where {@code op(X)} is {@code X} or {@code Xᵀ}.
   *
   * <p>Shapes: {@code op(A)} is (m, k), {@code op(B)} is (k, n), {@code C} is (m, n); a mismatch throws
   * {@link IllegalArgumentException} naming the expected and the found shapes. With {@code beta = 0},
   * {@code C} need not be initialised. A product with k = 0 scales C by beta.
   */
  public static void gemm(double alpha, Matrix a, boolean transA, Matrix b, boolean transB,
      double beta, Matrix c) {
    int m = transA ? a.cols() : a.rows();
    int k = transA ? a.rows() : a.cols();
    int n = transB ? b.rows() : b.cols();
    checkShapes(m, k, transB ? b.cols() : b.rows(), n, c.rows(), c.cols(), c.shape());
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      // netlib's argument checks reject k = 0 (they index element -1 of A), so scale C here: C := beta·C.
      double[] data = c.data();
      for (int p = c.offset(), end = c.offset() + c.size(); p < end; p++) {
        data[p] = beta == 0.0 ? 0.0 : beta * data[p];
      }
      return;
    }
    BLAS_INSTANCE.dgemm(transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha,
        a.data(), a.offset(), Math.max(1, a.rows()), b.data(), b.offset(), Math.max(1, b.rows()),
        beta, c.data(), c.offset(), Math.max(1, c.rows()));
  }

  /**
   * {@code C := alpha · op(A) · op(B) + beta · C} in single precision (SGEMM), with the same shape contract as
   * the double {@link #gemm(double, Matrix, boolean, Matrix, boolean, double, Matrix)}.
   */
  public static void gemm(float alpha, FloatMatrix a, boolean transA, FloatMatrix b, boolean transB,
      float beta, FloatMatrix c) {
    int m = transA ? a.cols() : a.rows();
    int k = transA ? a.rows() : a.cols();
    int n = transB ? b.rows() : b.cols();
    checkShapes(m, k, transB ? b.cols() : b.rows(), n, c.rows(), c.cols(), c.shape());
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      float[] data = c.data();
      for (int p = c.offset(), end = c.offset() + c.size(); p < end; p++) {
        data[p] = beta == 0.0f ? 0.0f : beta * data[p];
      }
      return;
    }
    BLAS_INSTANCE.sgemm(transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha,
        a.data(), a.offset(), Math.max(1, a.rows()), b.data(), b.offset(), Math.max(1, b.rows()),
        beta, c.data(), c.offset(), Math.max(1, c.rows()));
  }

  /** Fails unless op(A) (m, k), op(B) (kB, n) and C (cRows, cCols) fit {@code C = op(A)·op(B)}. */
  private static void checkShapes(int m, int k, int kB, int n, int cRows, int cCols, String cShape) {
    if (k != kB) {
      throw new IllegalArgumentException("gemm: op(A) is (" + m + ", " + k + ") so op(B) must have "
          + k + " rows, found op(B) of (" + kB + ", " + n + ")");
    }
    if (cRows != m || cCols != n) {
      throw new IllegalArgumentException(
          "gemm: C must be (" + m + ", " + n + ") for op(A)·op(B), found " + cShape);
    }
  }
}
