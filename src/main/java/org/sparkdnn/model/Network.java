package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.linalg.Sums;

/**
 * Forward and backward propagation of a fully-connected network over a block of samples (course week 4,
 * {@code L_model_forward} / {@code L_model_backward}). Backward mirrors forward in reverse. Gradients are returned
 * as <b>sums</b> over the block's samples (the course's {@code dW} times m), so blocks and partitions add up and
 * the driver divides by the global m once.
 *
 * <p>Layout: the input {@code X} is (n[0], m_b), one sample per column, as the course and {@code ColumnBlock}
 * store it; the per-layer values live in the {@link Workspace} sample-major, as the transposes {@code Zᵀ[l]},
 * {@code Aᵀ[l]}, {@code dZᵀ[l]} of (m_b, n[l]). Every equation is the course's, transposed: {@code Zᵀ = Aᵀ·Wᵀ + bᵀ},
 * {@code dW = (dZᵀ)ᵀ·Aᵀ}, {@code dAᵀ = dZᵀ·W}, so BLAS runs the tall-skinny products with the block's m_b samples
 * as the long dimension (benchmarked by {@code LayoutBench}). Parameters and gradient sums keep the course's
 * layout, {@code W[l]} (n[l], n[l-1]) column-major.
 */
public final class Network {
  /** Values of C per tile of {@link #addTransposed} (16 kB of doubles). */
  private static final int TRANSPOSE_TILE = 2048;

  private Network() {}

  /**
   * Forward pass: for l = 1..L, {@code Z[l] = W[l]·A[l-1] + b[l]} and {@code A[l] = g[l](Z[l])}, with
   * {@code A[0] = X}, computed as {@code Zᵀ[l] = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ}. The product is rounded before the bias is
   * added, as numpy's {@code np.dot(W, A) + b}.
   * Shapes: X (n[0], m_b); fills Zᵀ[l], Aᵀ[l] (m_b, n[l]) in {@code ws}.
   */
  public static void forward(Parameters parameters, Matrix X, Workspace ws) {
    Architecture arch = parameters.architecture();
    int m = X.cols();
    checkInput(arch, X);
    ws.checkFits(arch, m);
    for (int l = 1; l <= arch.numLayers(); l++) {
      Matrix W = parameters.W(l);
      Matrix Zt = ws.Zt(l, m);
      Matrix At = ws.At(l, m);
      if (l == 1) {
        // Zᵀ[1] = Xᵀ·W[1]ᵀ: (m_b, n[0])·(n[0], n[1])
        Blas.gemm(1.0, X, true, W, true, 0.0, Zt);
      } else {
        // Zᵀ[l] = Aᵀ[l-1]·W[l]ᵀ: (m_b, n[l-1])·(n[l-1], n[l])
        Blas.gemm(1.0, ws.At(l - 1, m), false, W, true, 0.0, Zt);
      }
      addBias(parameters.b(l), Zt);
      arch.activation(l).forward(Zt.data(), At.data(), 0, Zt.size());
    }
  }

  /**
   * One forward and backward pass; adds the block's gradient sums, cost sum and sample count into {@code out}.
   * For l = L..1: {@code dZ[L] = A[L] − Y}; {@code ΣdW[l] += dZ[l]·A[l-1]ᵀ}; {@code Σdb[l] += Σ_columns dZ[l]};
   * {@code dA[l-1] = W[l]ᵀ·dZ[l]}; {@code dZ[l-1] = dA[l-1] ∘ g'[l-1](Z[l-1])}; computed on the transposes
   * (see the class comment).
   * Shapes: X (n[0], m_b); labels (1, m_b) from {@code labelOffset}.
   */
  public static void accumulateGradients(Parameters parameters, Matrix X, double[] labels, int labelOffset,
      Workspace ws, GradientSums out) {
    Architecture arch = parameters.architecture();
    int L = arch.numLayers();
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    // n[L] = 1, so Zᵀ[L] and Aᵀ[L] are (m_b, 1), laid out as Z[L] and A[L]
    double[] zL = ws.Zt(L, m).data();
    double[] aL = ws.At(L, m).data();
    out.addSamples(CrossEntropy.sum(zL, 0, labels, labelOffset, m), m);

    // dZ[L] = A[L] − Y: (1, m_b)
    Matrix dZt = ws.gradientT(L, m);
    double[] d = dZt.data();
    for (int j = 0; j < m; j++) {
      d[j] = aL[j] - labels[labelOffset + j];
    }
    for (int l = L; l >= 1; l--) {
      if (l == 1) {
        // ΣdW[1] += (X·dZᵀ[1])ᵀ: (n[0], m_b)·(m_b, n[1]), n[0] the long dimension, then transposed
        Matrix dW1t = ws.firstWeightGradientT();
        Blas.gemm(1.0, X, false, dZt, false, 0.0, dW1t);
        addTransposed(dW1t, out.dW(arch, 1));
      } else {
        // ΣdW[l] += (dZᵀ[l])ᵀ·Aᵀ[l-1]: (n[l], m_b)·(m_b, n[l-1])
        Blas.gemm(1.0, dZt, true, ws.At(l - 1, m), false, 1.0, out.dW(arch, l));
      }
      addColumnSums(dZt, out.db(arch, l));
      if (l > 1) {
        // dAᵀ[l-1] = dZᵀ[l]·W[l]: (m_b, n[l])·(n[l], n[l-1]); then dZ[l-1] = dA[l-1] ∘ g'(Z[l-1]) in place
        Matrix dAPrevT = ws.gradientT(l - 1, m);
        Blas.gemm(1.0, dZt, false, parameters.W(l), false, 0.0, dAPrevT);
        arch.activation(l - 1).backward(ws.Zt(l - 1, m).data(), ws.At(l - 1, m).data(), dAPrevT.data(), 0,
            dAPrevT.size());
        dZt = dAPrevT;
      }
    }
  }

  /**
   * The output probabilities {@code A[L] = ŷ} of a block.
   * Shapes: X (n[0], m_b); writes (1, m_b) into {@code out} from {@code outOffset}.
   */
  public static void predictProbabilities(Parameters parameters, Matrix X, Workspace ws, double[] out,
      int outOffset) {
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    System.arraycopy(ws.At(parameters.architecture().numLayers(), m).data(), 0, out, outOffset, m);
  }

  /** Zᵀ += bᵀ broadcast over rows: unit i's contiguous column gets b_i. Shapes: b (n, 1), Zt (m_b, n). */
  private static void addBias(Matrix b, Matrix Zt) {
    double[] z = Zt.data();
    double[] bias = b.data();
    int m = Zt.rows();
    int bOffset = b.offset();
    for (int i = 0, col = Zt.offset(); i < Zt.cols(); i++, col += m) {
      double bi = bias[bOffset + i];
      for (int j = col, end = col + m; j < end; j++) {
        z[j] += bi;
      }
    }
  }

  /** db += Σ over samples of dZ: unit i's sum over its contiguous column of dZᵀ. Shapes: dZt (m_b, n), db (n, 1). */
  private static void addColumnSums(Matrix dZt, Matrix db) {
    double[] d = dZt.data();
    double[] sum = db.data();
    int m = dZt.rows();
    int dbOffset = db.offset();
    for (int i = 0, col = dZt.offset(); i < dZt.cols(); i++, col += m) {
      sum[dbOffset + i] += Sums.sum(d, col, col + m);
    }
  }

  /**
   * C += Bᵀ, in tiles of about {@value #TRANSPOSE_TILE} values (whole columns) of C: a tile of C stays in the
   * core's L1 cache while the n rows of B that feed it stream through, instead of one pass over all of C per row
   * of B (for the course's cat network, a 2 MB C swept 20 times per block).
   * Shapes: Bt (k, n), C (n, k).
   */
  private static void addTransposed(Matrix Bt, Matrix C) {
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

  private static void checkInput(Architecture arch, Matrix X) {
    if (X.rows() != arch.inputSize()) {
      throw new IllegalArgumentException("input X must have n[0] = " + arch.inputSize()
          + " rows (features), found " + X.shape());
    }
  }
}
