package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.linalg.Sums;

/** {@link Kernels} in double precision (DGEMM), the float64 passes; the double sums loops the float32 ones reuse. */
final class DoubleKernels implements Kernels<Matrix> {
  /** Values of C per tile of {@link #addTransposed} (16 kB of doubles). */
  private static final int TRANSPOSE_TILE = 2048;

  /** Room for one product before it is added transposed, as large as the largest W[l]. */
  private final double[] product;

  DoubleKernels(Architecture architecture) {
    this.product = new double[largestWeight(architecture)];
  }

  /** max over l of n[l]·n[l-1]. */
  static int largestWeight(Architecture architecture) {
    int largest = 1;
    for (int l = 1; l <= architecture.numLayers(); l++) {
      largest = Math.max(largest, Math.multiplyExact(architecture.units(l), architecture.units(l - 1)));
    }
    return largest;
  }

  @Override
  public LayerParameters<Matrix> parameters(Parameters p, Object user) {
    return p;
  }

  @Override
  public void addBias(Matrix b, Matrix Zt) {
    double[] z = Zt.data();
    int m = Zt.rows();
    for (int i = 0, col = Zt.offset(); i < Zt.cols(); i++, col += m) {
      double bi = b.data()[b.offset() + i];
      for (int j = col, end = col + m; j < end; j++) {
        z[j] += bi;
      }
    }
  }

  @Override
  public void outputGradient(Matrix aL, double[] y, int yOffset, Matrix dZ) {
    double[] a = aL.data();
    double[] d = dZ.data();
    for (int j = 0; j < aL.size(); j++) {
      d[dZ.offset() + j] = a[aL.offset() + j] - y[yOffset + j];
    }
  }

  @Override
  public double costSum(Matrix zL, double[] y, int yOffset) {
    return CrossEntropy.sum(zL.data(), zL.offset(), y, yOffset, zL.size());
  }

  @Override
  public void weightedOutputGradient(Matrix aL, double[] y, int yOffset, double[] w, int wOffset, Matrix dZ) {
    double[] a = aL.data();
    double[] d = dZ.data();
    for (int j = 0; j < aL.size(); j++) {
      d[dZ.offset() + j] = w[wOffset + j] * (a[aL.offset() + j] - y[yOffset + j]);
    }
  }

  @Override
  public double weightedCostSum(Matrix zL, double[] y, int yOffset, double[] w, int wOffset) {
    return CrossEntropy.weightedSum(zL.data(), zL.offset(), y, yOffset, w, wOffset, zL.size());
  }

  @Override
  public void addProduct(Matrix a, boolean transA, Matrix b, boolean transB, Matrix sums) {
    Blas.gemm(1.0, a, transA, b, transB, 1.0, sums);
  }

  @Override
  public void addProductTransposed(Matrix a, boolean transA, Matrix b, boolean transB, Matrix sums) {
    Matrix c = Matrix.wrap(sums.cols(), sums.rows(), product, 0);
    Blas.gemm(1.0, a, transA, b, transB, 0.0, c);
    addTransposed(c, sums);
  }

  @Override
  public void addColumnSums(Matrix dZt, Matrix db) {
    int m = dZt.rows();
    for (int i = 0, col = dZt.offset(); i < dZt.cols(); i++, col += m) {
      db.data()[db.offset() + i] += Sums.sum(dZt.data(), col, col + m);
    }
  }

  @Override
  public void copyTo(Matrix aL, double[] out, int offset) {
    System.arraycopy(aL.data(), aL.offset(), out, offset, aL.size());
  }

  /**
   * C += Bᵀ, in tiles of about {@value #TRANSPOSE_TILE} values (whole columns) of C, so a tile of C stays in the
   * core's L1 cache while the rows of B that feed it stream through.
   * Shapes: Bt (k, n), C (n, k).
   */
  static void addTransposed(Matrix Bt, Matrix C) {
    double[] b = Bt.data();
    double[] c = C.data();
    int k = Bt.rows();
    int n = Bt.cols();
    int tile = Math.max(1, TRANSPOSE_TILE / Math.max(1, n));
    for (int j0 = 0; j0 < k; j0 += tile) {
      int j1 = Math.min(k, j0 + tile);
      for (int i = 0; i < n; i++) {
        for (int j = j0, from = Bt.offset() + i * k, to = C.offset() + i + j0 * n; j < j1; j++, to += n) {
          c[to] += b[from + j];
        }
      }
    }
  }
}
