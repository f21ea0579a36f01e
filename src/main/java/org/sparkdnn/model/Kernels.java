package org.sparkdnn.model;

import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.linalg.Matrix;

/**
 * The primitive loops of one precision that {@link Network}'s forward and backward passes are written in:
 * {@link DoubleKernels} (float64) and {@link FloatKernels} (float32). One instance per {@link Workspace}, whose
 * scratch buffers it may hold. Every call works on a whole matrix, so the interface call is made per layer and
 * never per element. Whatever leaves a block (cost, gradient sums, probabilities) is double.
 */
interface Kernels<M extends DenseMatrix<?>> {
  /** The parameters in this precision: {@code p} itself, or its float copy rounded once per {@code user}. */
  LayerParameters<M> parameters(Parameters p, Object user);

  /** {@code C := op(A)·op(B)}. Shapes: op(A) (m, k), op(B) (k, n), C (m, n). */
  default void product(M a, boolean transA, M b, boolean transB, M c) {
    Blas.gemm(1.0, a, transA, b, transB, 0.0, c);
  }

  /** {@code Zᵀ += bᵀ}, unit i's column getting b_i. Shapes: b (n, 1), Zt (m_b, n). */
  void addBias(M b, M Zt);

  /** {@code dZ[L] = A[L] − Y}. Shapes: aL, dZ (m_b, 1); y (1, m_b) from {@code yOffset}. */
  void outputGradient(M aL, double[] y, int yOffset, M dZ);

  /** {@code Σ_i J_i}, the cross-entropy from {@code Z[L]}, summed in double. Shapes: zL (m_b, 1); y (1, m_b). */
  double costSum(M zL, double[] y, int yOffset);

  /**
   * {@code dZ[L] = w·(A[L] − Y)}, each sample's weight times its error (the derivative of the weighted cost).
   * Shapes: aL, dZ (m_b, 1); y (1, m_b) from {@code yOffset}; w (1, m_b) from {@code wOffset}.
   */
  void weightedOutputGradient(M aL, double[] y, int yOffset, double[] w, int wOffset, M dZ);

  /**
   * {@code Σ_i w_i·J_i} from {@code Z[L]}, summed in double.
   * Shapes: zL (m_b, 1); y (1, m_b) from {@code yOffset}; w (1, m_b) from {@code wOffset}.
   */
  double weightedCostSum(M zL, double[] y, int yOffset, double[] w, int wOffset);

  /** {@code S += op(A)·op(B)} into the double sums. Shapes: op(A) (m, k), op(B) (k, n), S (m, n). */
  void addProduct(M a, boolean transA, M b, boolean transB, Matrix sums);

  /** {@code S += (op(A)·op(B))ᵀ} into the double sums. Shapes: op(A) (m, k), op(B) (k, n), S (n, m). */
  void addProductTransposed(M a, boolean transA, M b, boolean transB, Matrix sums);

  /** {@code db += Σ over samples of dZ}, unit i's column summed. Shapes: dZt (m_b, n), db (n, 1). */
  void addColumnSums(M dZt, Matrix db);

  /** Copies a (m_b, 1) {@code A[L]} into {@code out} from {@code offset}, as doubles. */
  void copyTo(M aL, double[] out, int offset);
}
