package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.Matrix;

/**
 * Forward and backward propagation of a fully-connected network over a block of samples, one per column
 * (course week 4, {@code L_model_forward} / {@code L_model_backward}). Backward mirrors forward in reverse.
 * Gradients are returned as <b>sums</b> over the block's columns (the course's {@code dW} times m), so blocks
 * and partitions add up and the driver divides by the global m once.
 */
public final class Network {
  private Network() {}

  /**
   * Forward pass: for l = 1..L, {@code Z[l] = W[l]·A[l-1] + b[l]} and {@code A[l] = g[l](Z[l])}, with
   * {@code A[0] = X}. The product is rounded before the bias is added, as numpy's {@code np.dot(W, A) + b}.
   * Shapes: X (n[0], m_b); fills Z[l], A[l] (n[l], m_b) in {@code ws}.
   */
  public static void forward(Parameters parameters, Matrix X, Workspace ws) {
    Architecture arch = parameters.architecture();
    int m = X.cols();
    checkInput(arch, X);
    ws.checkFits(arch, m);
    Matrix aPrev = X;
    for (int l = 1; l <= arch.numLayers(); l++) {
      Matrix W = parameters.W(l);
      Matrix Z = ws.Z(l, m);
      Matrix A = ws.A(l, m);
      Blas.gemm(1.0, W, false, aPrev, false, 0.0, Z);
      addBias(parameters.b(l), Z);
      arch.activation(l).forward(Z.data(), A.data(), 0, Z.size());
      aPrev = A;
    }
  }

  /**
   * One forward and backward pass; adds the block's gradient sums, cost sum and sample count into {@code out}.
   * For l = L..1: {@code dZ[L] = A[L] − Y}; {@code ΣdW[l] += dZ[l]·A[l-1]ᵀ}; {@code Σdb[l] += Σ_columns dZ[l]};
   * {@code dA[l-1] = W[l]ᵀ·dZ[l]}; {@code dZ[l-1] = dA[l-1] ∘ g'[l-1](Z[l-1])}.
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
    double[] zL = ws.Z(L, m).data();
    double[] aL = ws.A(L, m).data();
    out.addSamples(CrossEntropy.sum(zL, 0, labels, labelOffset, m), m);

    // dZ[L] = A[L] − Y: (1, m_b)
    Matrix dZ = ws.gradient(L, m);
    double[] d = dZ.data();
    for (int j = 0; j < m; j++) {
      d[j] = aL[j] - labels[labelOffset + j];
    }
    for (int l = L; l >= 1; l--) {
      Matrix aPrev = l == 1 ? X : ws.A(l - 1, m);
      // ΣdW[l] += dZ[l]·A[l-1]ᵀ: (n[l], m_b)·(m_b, n[l-1])
      Blas.gemm(1.0, dZ, false, aPrev, true, 1.0, out.dW(arch, l));
      addColumnSums(dZ, out.db(arch, l));
      if (l > 1) {
        // dA[l-1] = W[l]ᵀ·dZ[l]: (n[l-1], n[l])·(n[l], m_b); then dZ[l-1] = dA[l-1] ∘ g'(Z[l-1]) in place
        Matrix dAPrev = ws.gradient(l - 1, m);
        Blas.gemm(1.0, parameters.W(l), true, dZ, false, 0.0, dAPrev);
        arch.activation(l - 1).backward(ws.Z(l - 1, m).data(), aPrev.data(), dAPrev.data(), 0, dAPrev.size());
        dZ = dAPrev;
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
    System.arraycopy(ws.A(parameters.architecture().numLayers(), m).data(), 0, out, outOffset, m);
  }

  /** Z += b broadcast over columns. Shapes: b (n, 1), Z (n, m_b). */
  private static void addBias(Matrix b, Matrix Z) {
    double[] z = Z.data();
    double[] bias = b.data();
    int n = Z.rows();
    int bOffset = b.offset();
    for (int j = 0, col = Z.offset(); j < Z.cols(); j++, col += n) {
      for (int i = 0; i < n; i++) {
        z[col + i] += bias[bOffset + i];
      }
    }
  }

  /** db += Σ_columns dZ. Shapes: dZ (n, m_b), db (n, 1). */
  private static void addColumnSums(Matrix dZ, Matrix db) {
    double[] d = dZ.data();
    double[] sum = db.data();
    int n = dZ.rows();
    int dbOffset = db.offset();
    for (int j = 0, col = dZ.offset(); j < dZ.cols(); j++, col += n) {
      for (int i = 0; i < n; i++) {
        sum[dbOffset + i] += d[col + i];
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
