package org.sparkdnn.model;

import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.linalg.Matrix;

/**
 * Forward and backward propagation of a fully-connected network over a block of samples (course week 4,
 * {@code L_model_forward} / {@code L_model_backward}), written once for both precisions: the matrix type {@code M}
 * and the workspace's {@link Kernels} say float64 or float32. Backward mirrors forward in reverse. Gradients are
 * returned as <b>sums</b> over the block's samples (the course's {@code dW} times m), so blocks and partitions add
 * up and the driver divides by the global m once.
 *
 * <p>Layout: the input {@code X = A[0]} is (n[0], m_b), one sample per column, as the course and {@code ColumnBlock}
 * store it; the per-layer values live in the {@link Workspace} sample-major, as the transposes {@code Zᵀ[l]},
 * {@code Aᵀ[l]}, {@code dZᵀ[l]} of (m_b, n[l]). Every equation is the course's, transposed: {@code Zᵀ = Aᵀ·Wᵀ + bᵀ},
 * {@code dW = (dZᵀ)ᵀ·Aᵀ}, {@code dAᵀ = dZᵀ·W}, so BLAS runs the tall-skinny products with the block's m_b samples
 * as the long dimension. Only the layout of {@code A[0]} differs from the other layers': layer 1 reads X transposed
 * and forms its weight gradient as {@code X·dZᵀ[1]}, n[0] the long dimension. Parameters and gradient sums keep the
 * course's layout, {@code W[l]} (n[l], n[l-1]) column-major.
 */
public final class Network {
  private Network() {}

  /**
   * Forward pass: for l = 1..L, {@code Z[l] = W[l]·A[l-1] + b[l]} and {@code A[l] = g[l](Z[l])}, with
   * {@code A[0] = X}, computed as {@code Zᵀ[l] = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ}. The product is rounded before the bias is
   * added, as numpy's {@code np.dot(W, A) + b}.
   * Shapes: X (n[0], m_b); fills Zᵀ[l], Aᵀ[l] (m_b, n[l]) in {@code ws}.
   */
  public static <M extends DenseMatrix<?>> void forward(LayerParameters<M> parameters, M X, Workspace<M> ws) {
    Architecture arch = parameters.architecture();
    int m = X.cols();
    checkInput(arch, X);
    ws.checkFits(arch, m);
    Kernels<M> k = ws.kernels();
    for (int l = 1; l <= arch.numLayers(); l++) {
      M Zt = ws.Zt(l, m);
      // Zᵀ[l] = A[l-1]ᵀ·W[l]ᵀ: (m_b, n[l-1])·(n[l-1], n[l]); Aᵀ[l-1] is stored (m_b, n[l-1]), but X (n[0], m_b)
      k.product(l == 1 ? X : ws.At(l - 1, m), l == 1, parameters.W(l), true, Zt);
      k.addBias(parameters.b(l), Zt);
      arch.activation(l).forward(Zt, ws.At(l, m));
    }
  }

  /**
   * Backward pass after {@link #forward} on the same block; adds the block's gradient sums into {@code out}. For
   * l = L..1: {@code dZ[L] = A[L] − Y}, or {@code w·(A[L] − Y)} with each sample's weight w (null: none);
   * {@code ΣdW[l] += dZ[l]·A[l-1]ᵀ}; {@code Σdb[l] += Σ_columns dZ[l]}; {@code dA[l-1] = W[l]ᵀ·dZ[l]};
   * {@code dZ[l-1] = dA[l-1] ∘ g'[l-1](Z[l-1])}; computed on the transposes (see the class comment).
   * Shapes: X (n[0], m_b); y (1, m_b) from {@code yOffset}; w (1, m_b) from {@code wOffset}; reads Zᵀ[l], Aᵀ[l]
   * (m_b, n[l]) from {@code ws}.
   */
  public static <M extends DenseMatrix<?>> void backward(LayerParameters<M> parameters, M X, double[] y, int yOffset,
      double[] w, int wOffset, Workspace<M> ws, GradientSums out) {
    Architecture arch = parameters.architecture();
    int m = X.cols();
    Kernels<M> k = ws.kernels();
    if (!out.architecture().equals(arch)) {
      throw new IllegalArgumentException("gradient sums of " + out.architecture() + " for parameters of " + arch);
    }
    int L = arch.numLayers();
    // dZ[L] = A[L] − Y, or w·(A[L] − Y): (m_b, 1), as n[L] = 1; the course runs never multiply by a weight
    M dZt = ws.gradientT(L, m);
    if (w == null) {
      k.outputGradient(ws.At(L, m), y, yOffset, dZt);
    } else {
      k.weightedOutputGradient(ws.At(L, m), y, yOffset, w, wOffset, dZt);
    }
    for (int l = L; l >= 1; l--) {
      Matrix dW = out.dW(l);
      if (l == 1) {
        // ΣdW[1] += (X·dZᵀ[1])ᵀ: (n[0], m_b)·(m_b, n[1]), n[0] the long dimension, then transposed
        k.addProductTransposed(X, false, dZt, false, dW);
      } else {
        // ΣdW[l] += (dZᵀ[l])ᵀ·Aᵀ[l-1]: (n[l], m_b)·(m_b, n[l-1])
        k.addProduct(dZt, true, ws.At(l - 1, m), false, dW);
      }
      // Σdb[l] += Σ over samples of dZ[l]: (n[l], 1)
      k.addColumnSums(dZt, out.db(l));
      if (l > 1) {
        // dAᵀ[l-1] = dZᵀ[l]·W[l]: (m_b, n[l])·(n[l], n[l-1]); then dZ[l-1] = dA[l-1] ∘ g'(Z[l-1]) in place
        M dAPrevT = ws.gradientT(l - 1, m);
        k.product(dZt, false, parameters.W(l), false, dAPrevT);
        arch.activation(l - 1).backward(ws.Zt(l - 1, m), ws.At(l - 1, m), dAPrevT);
        dZt = dAPrevT;
      }
    }
  }

  /**
   * One forward pass, the cost and one backward pass: adds the block's gradient sums, cost sum and sample count
   * into {@code out}.
   * Shapes: X (n[0], m_b); y (1, m_b) from {@code yOffset}.
   */
  public static <M extends DenseMatrix<?>> void accumulateGradients(LayerParameters<M> parameters, M X, double[] y,
      int yOffset, Workspace<M> ws, GradientSums out) {
    accumulateGradients(parameters, X, y, yOffset, null, null, ws, out);
  }

  /**
   * As {@link #accumulateGradients(LayerParameters, DenseMatrix, double[], int, Workspace, GradientSums)}, each
   * sample i's cost and output error weighted by {@code w_i = sampleWeights_i · w_{y_i}}: the sample's own weight
   * (null: 1) times its class's weight (null: 1). With sample weights the block adds its
   * {@code Σ_i w_i} to the sums, the divisor of a weighted run; with class weights alone it counts the samples
   * labelled 1 instead, as the class weights' Σw is {@code w0·m0 + w1·m1}.
   * Shapes: X (n[0], m_b); y and sampleWeights (1, m_b) from {@code yOffset}.
   */
  public static <M extends DenseMatrix<?>> void accumulateGradients(LayerParameters<M> parameters, M X, double[] y,
      int yOffset, ClassWeights weights, double[] sampleWeights, Workspace<M> ws, GradientSums out) {
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    M zL = ws.Zt(parameters.architecture().numLayers(), m);
    double[] w = sampleWeights;
    int wOffset = yOffset;
    if (weights != null) {
      // w_{y_i}, times w_i with sample weights: (1, m_b) into the workspace's scratch
      w = ws.sampleWeights();
      wOffset = 0;
      for (int j = 0; j < m; j++) {
        double classWeight = weights.of(y[yOffset + j]);
        w[j] = sampleWeights == null ? classWeight : sampleWeights[yOffset + j] * classWeight;
      }
    }
    if (w == null) {
      // J = Σ_i L(ŷ_i, y_i), from Zᵀ[L] (m_b, 1)
      out.addSamples(ws.kernels().costSum(zL, y, yOffset), m);
    } else if (sampleWeights == null) {
      // J = Σ_i w_i·L(ŷ_i, y_i), and the class-1 count Σw needs
      out.addWeightedSamples(ws.kernels().weightedCostSum(zL, y, yOffset, w, wOffset), m,
          labelledOne(y, yOffset, m));
    } else {
      // J = Σ_i w_i·L(ŷ_i, y_i), and Σ_i w_i in sample order
      double weightSum = 0.0;
      for (int j = 0; j < m; j++) {
        weightSum += w[wOffset + j];
      }
      out.addSampleWeighted(ws.kernels().weightedCostSum(zL, y, yOffset, w, wOffset), m, weightSum);
    }
    backward(parameters, X, y, yOffset, w, wOffset, ws, out);
  }

  /** The samples labelled 1. Shapes: y (1, m_b) from {@code yOffset}. */
  private static int labelledOne(double[] y, int yOffset, int m) {
    int ones = 0;
    for (int j = yOffset; j < yOffset + m; j++) {
      if (y[j] == 1.0) {
        ones++;
      }
    }
    return ones;
  }

  /**
   * The output probabilities {@code A[L] = ŷ} of a block.
   * Shapes: X (n[0], m_b); writes (1, m_b) into {@code out} from {@code outOffset}.
   */
  public static <M extends DenseMatrix<?>> void predictProbabilities(LayerParameters<M> parameters, M X,
      Workspace<M> ws, double[] out, int outOffset) {
    int m = X.cols();
    if (m == 0) {
      return;
    }
    forward(parameters, X, ws);
    ws.kernels().copyTo(ws.At(parameters.architecture().numLayers(), m), out, outOffset);
  }

  private static void checkInput(Architecture arch, DenseMatrix X) {
    if (X.rows() != arch.inputSize()) {
      throw new IllegalArgumentException("input X must have n[0] = " + arch.inputSize()
          + " rows (features), found " + X.shape());
    }
  }
}
