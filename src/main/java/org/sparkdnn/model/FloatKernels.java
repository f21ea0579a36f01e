package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.linalg.Sums;

/**
 * {@link Kernels} in single precision (SGEMM, float activations), the float32 passes. What leaves a block is
 * double: a float result (a product, a column of dZ, Z[L]) is widened exactly into a double buffer and handed to the
 * double loops, so the sums are the same as adding the floats into doubles one by one.
 */
final class FloatKernels implements Kernels<FloatMatrix> {
  private final FloatParameters parameters;
  /** The user the parameters were last rounded for (a task's {@code BlockPasses}). */
  private Object loadedFor;
  /** Room for one float weight-gradient product, as large as the largest W[l]. */
  private final float[] product;
  /** Widened values: a product, or one column of a block. */
  private final double[] widened;

  FloatKernels(Architecture architecture, int capacity) {
    this.parameters = FloatParameters.buffer(architecture);
    int largestWeight = DoubleKernels.largestWeight(architecture);
    this.product = new float[largestWeight];
    this.widened = new double[Math.max(largestWeight, capacity)];
  }

  @Override
  public LayerParameters<FloatMatrix> parameters(Parameters p, Object user) {
    if (user != loadedFor || !parameters.loadedFrom(p)) {
      parameters.load(p);
      loadedFor = user;
    }
    return parameters;
  }

  @Override
  public void addBias(FloatMatrix b, FloatMatrix Zt) {
    float[] z = Zt.data();
    int m = Zt.rows();
    for (int i = 0; i < Zt.cols(); i++) {
      float bi = b.data()[b.offset() + i];
      int col = Zt.offset() + i * m;
      for (int j = col; j < col + m; j++) {
        z[j] += bi;
      }
    }
  }

  @Override
  public void outputGradient(FloatMatrix aL, double[] y, int yOffset, FloatMatrix dZ) {
    for (int j = 0; j < aL.size(); j++) {
      dZ.data()[dZ.offset() + j] = aL.data()[aL.offset() + j] - (float) y[yOffset + j];
    }
  }

  @Override
  public double costSum(FloatMatrix zL, double[] y, int yOffset) {
    widen(zL.data(), zL.offset(), widened, 0, zL.size());
    return CrossEntropy.sum(widened, 0, y, yOffset, zL.size());
  }

  /** The float error times the double weight, rounded to float once. */
  @Override
  public void weightedOutputGradient(FloatMatrix aL, double[] y, int yOffset, double[] w, int wOffset,
      FloatMatrix dZ) {
    for (int j = 0; j < aL.size(); j++) {
      float error = aL.data()[aL.offset() + j] - (float) y[yOffset + j];
      dZ.data()[dZ.offset() + j] = (float) (w[wOffset + j] * error);
    }
  }

  @Override
  public double weightedCostSum(FloatMatrix zL, double[] y, int yOffset, double[] w, int wOffset) {
    widen(zL.data(), zL.offset(), widened, 0, zL.size());
    return CrossEntropy.weightedSum(widened, 0, y, yOffset, w, wOffset, zL.size());
  }

  @Override
  public void addProduct(FloatMatrix a, boolean transA, FloatMatrix b, boolean transB, Matrix sums) {
    Matrix c = widenedProduct(a, transA, b, transB, sums.rows(), sums.cols());
    double[] s = sums.data();
    for (int p = 0; p < c.size(); p++) {
      s[sums.offset() + p] += widened[p];
    }
  }

  @Override
  public void addProductTransposed(FloatMatrix a, boolean transA, FloatMatrix b, boolean transB, Matrix sums) {
    DoubleKernels.addTransposed(widenedProduct(a, transA, b, transB, sums.cols(), sums.rows()), sums);
  }

  /** {@code op(A)·op(B)} in float, widened into {@link #widened}. Shapes: returns (rows, cols). */
  private Matrix widenedProduct(FloatMatrix a, boolean transA, FloatMatrix b, boolean transB, int rows, int cols) {
    FloatMatrix c = FloatMatrix.wrap(rows, cols, product, 0);
    Blas.gemm(1.0f, a, transA, b, transB, 0.0f, c);
    widen(product, 0, widened, 0, c.size());
    return Matrix.wrap(rows, cols, widened, 0);
  }

  @Override
  public void addColumnSums(FloatMatrix dZt, Matrix db) {
    int m = dZt.rows();
    for (int i = 0; i < dZt.cols(); i++) {
      widen(dZt.data(), dZt.offset() + i * m, widened, 0, m);
      db.data()[db.offset() + i] += Sums.sum(widened, 0, m);
    }
  }

  @Override
  public void copyTo(FloatMatrix aL, double[] out, int offset) {
    widen(aL.data(), aL.offset(), out, offset, aL.size());
  }

  /** {@code to[toOffset..] = from[fromOffset..]} for {@code count} values, each widened exactly to double. */
  private static void widen(float[] from, int fromOffset, double[] to, int toOffset, int count) {
    for (int i = 0; i < count; i++) {
      to[toOffset + i] = from[fromOffset + i];
    }
  }
}
