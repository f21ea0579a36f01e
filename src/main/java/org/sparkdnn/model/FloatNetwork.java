package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.linalg.Sums;

/**
 * {@link Network}'s forward and backward passes in single precision ({@code --precision float32}): the same
 * equations on the same sample-major layout, with SGEMM, float activations and float features. What leaves a block
 * is double: the cost is summed in double from the float {@code Z[L]}, and each float gradient product (a layer's
 * {@code dZ[l]·A[l-1]ᵀ}, {@code Σ_columns dZ[l]}) is added into the double {@link GradientSums}, so blocks,
 * partitions and the driver's division by m and update stay in double.
 */
public final class FloatNetwork {
  /** Values of C per tile of {@link #addTransposed} (16 kB of doubles). */
  private static final int TRANSPOSE_TILE = 2048;

  private FloatNetwork() {}

  /**
   * Forward pass in float: {@code Zᵀ[l] = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ}, {@code A[l] = g[l](Z[l])}, {@code A[0] = X}
   * (course week 4, as {@link Network#forward}).
   * Shapes: X (n[0], m_b); fills Zᵀ[l], Aᵀ[l] (m_b, n[l]) in {@code ws}.
   */
  public static void forward(FloatParameters parameters, FloatMatrix X, FloatWorkspace ws) {
    Architecture arch = parameters.architecture();
    int m = X.cols();
    if (X.rows() != arch.inputSize()) {
      throw new IllegalArgumentException("input X must have n[0] = " + arch.inputSize()
          + " rows (features), found " + X.shape());
    }
    ws.checkFits(arch, m);
    for (int l = 1; l <= arch.numLayers(); l++) {
      FloatMatrix W = parameters.W(l);
      FloatMatrix Zt = ws.Zt(l, m);
      if (l == 1) {
        // Zᵀ[1] = Xᵀ·W[1]ᵀ: (m_b, n[0])·(n[0], n[1])
        Blas.gemm(1.0f, X, true, W, true, 0.0f, Zt);
      } else {
        // Zᵀ[l] = Aᵀ[l-1]·W[l]ᵀ: (m_b, n[l-1])·(n[l-1], n[l])
        Blas.gemm(1.0f, ws.At(l - 1, m), false, W, true, 0.0f, Zt);
      }
      addBias(parameters.b(l), Zt);
      arch.activation(l).forward(Zt.data(), ws.At(l, m).data(), 0, Zt.size());
    }
  }

  /**
   * One forward and backward pass in float; adds the block's gradient sums, cost sum and sample count into the
   * double {@code out}. For l = L..1: {@code dZ[L] = A[L] − Y}; {@code ΣdW[l] += dZ[l]·A[l-1]ᵀ};
   * {@code Σdb[l] += Σ_columns dZ[l]}; {@code dA[l-1] = W[l]ᵀ·dZ[l]}; {@code dZ[l-1] = dA[l-1] ∘ g'[l-1](Z[l-1])}
   * (course week 4, as {@link Network#accumulateGradients}).
   * Shapes: X (n[0], m_b); labels (1, m_b) from {@code labelOffset}.
   */
  public static void accumulateGradients(FloatParameters parameters, FloatMatrix X, double[] labels,
      int labelOffset, FloatWorkspace ws, GradientSums out) {
    Architecture arch = parameters.architecture();
    int L = arch.numLayers();
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    // n[L] = 1, so Zᵀ[L] and Aᵀ[L] are (m_b, 1), laid out as Z[L] and A[L]
    float[] aL = ws.At(L, m).data();
    out.addSamples(CrossEntropy.sum(ws.Zt(L, m).data(), 0, labels, labelOffset, m), m);

    // dZ[L] = A[L] − Y: (1, m_b)
    FloatMatrix dZt = ws.gradientT(L, m);
    float[] d = dZt.data();
    for (int j = 0; j < m; j++) {
      d[j] = aL[j] - (float) labels[labelOffset + j];
    }
    for (int l = L; l >= 1; l--) {
      FloatMatrix product = ws.weightProduct(l);
      if (l == 1) {
        // dW[1]ᵀ = X·dZᵀ[1]: (n[0], m_b)·(m_b, n[1]), n[0] the long dimension; added transposed
        Blas.gemm(1.0f, X, false, dZt, false, 0.0f, product);
        addTransposed(product, out.dW(arch, 1));
      } else {
        // dW[l] = (dZᵀ[l])ᵀ·Aᵀ[l-1]: (n[l], m_b)·(m_b, n[l-1])
        Blas.gemm(1.0f, dZt, true, ws.At(l - 1, m), false, 0.0f, product);
        add(product, out.dW(arch, l));
      }
      addColumnSums(dZt, out.db(arch, l));
      if (l > 1) {
        // dAᵀ[l-1] = dZᵀ[l]·W[l]: (m_b, n[l])·(n[l], n[l-1]); then dZ[l-1] = dA[l-1] ∘ g'(Z[l-1]) in place
        FloatMatrix dAPrevT = ws.gradientT(l - 1, m);
        Blas.gemm(1.0f, dZt, false, parameters.W(l), false, 0.0f, dAPrevT);
        arch.activation(l - 1).backward(ws.Zt(l - 1, m).data(), ws.At(l - 1, m).data(), dAPrevT.data(), 0,
            dAPrevT.size());
        dZt = dAPrevT;
      }
    }
  }

  /**
   * The output probabilities {@code A[L] = ŷ} of a block, widened to double.
   * Shapes: X (n[0], m_b); writes (1, m_b) into {@code out} from {@code outOffset}.
   */
  public static void predictProbabilities(FloatParameters parameters, FloatMatrix X, FloatWorkspace ws,
      double[] out, int outOffset) {
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    float[] aL = ws.At(parameters.architecture().numLayers(), m).data();
    for (int j = 0; j < m; j++) {
      out[outOffset + j] = aL[j];
    }
  }

  /** Zᵀ += bᵀ broadcast over rows. Shapes: b (n, 1), Zt (m_b, n). */
  private static void addBias(FloatMatrix b, FloatMatrix Zt) {
    float[] z = Zt.data();
    float[] bias = b.data();
    int m = Zt.rows();
    for (int i = 0, col = Zt.offset(); i < Zt.cols(); i++, col += m) {
      float bi = bias[b.offset() + i];
      for (int j = col, end = col + m; j < end; j++) {
        z[j] += bi;
      }
    }
  }

  /** db += Σ over samples of dZ, summed in double. Shapes: dZt (m_b, n), db (n, 1). */
  private static void addColumnSums(FloatMatrix dZt, Matrix db) {
    float[] d = dZt.data();
    double[] sum = db.data();
    int m = dZt.rows();
    for (int i = 0, col = dZt.offset(); i < dZt.cols(); i++, col += m) {
      sum[db.offset() + i] += Sums.sum(d, col, col + m);
    }
  }

  /** C += B. Shapes: B, C (n, k). */
  private static void add(FloatMatrix B, Matrix C) {
    float[] b = B.data();
    double[] c = C.data();
    for (int p = 0; p < B.size(); p++) {
      c[C.offset() + p] += b[B.offset() + p];
    }
  }

  /**
   * C += Bᵀ, in tiles of about {@value #TRANSPOSE_TILE} values (whole columns) of C: a tile of C stays in the
   * core's L1 cache while the n rows of B that feed it stream through, instead of one pass over all of C per row
   * of B (for the course's cat network, a 2 MB C swept 20 times per block).
   * Shapes: Bt (k, n), C (n, k).
   */
  private static void addTransposed(FloatMatrix Bt, Matrix C) {
    float[] b = Bt.data();
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
