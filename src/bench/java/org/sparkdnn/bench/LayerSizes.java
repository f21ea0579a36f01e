package org.sparkdnn.bench;

import java.util.Arrays;

/**
 * A benchmarked layer shape n[0], …, n[L], with the exact floating-point work of one gradient pass over m samples.
 * Only the matrix products count (what BLAS does and what the DGEMM peak is measured on); the element-wise work
 * (bias, activations, cost) is O(m·Σ n[l]) and left out.
 */
record LayerSizes(int[] sizes) {

  LayerSizes {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("layers: expected n[0],…,n[L] with L ≥ 1, found " + Arrays.toString(sizes));
    }
    sizes = sizes.clone();
  }

  /** "100,20,7,5,1". */
  static LayerSizes parse(String text) {
    String[] parts = text.split(",");
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      sizes[i] = Integer.parseInt(parts[i].trim());
      if (sizes[i] < 1) {
        throw new IllegalArgumentException("layers " + text + ": expected sizes ≥ 1, found " + sizes[i]);
      }
    }
    return new LayerSizes(sizes);
  }

  /** "100,20,7,5,1", as {@link #parse} reads it. */
  String csv() {
    return toString().substring(1, toString().length() - 1);
  }

  int inputSize() {
    return sizes[0];
  }

  /** Weights and biases, Σ n[l]·(n[l-1] + 1). */
  long parameterCount() {
    long count = 0;
    for (int l = 1; l < sizes.length; l++) {
      count += (long) sizes[l] * (sizes[l - 1] + 1);
    }
    return count;
  }

  /** Forward, {@code Z[l] = W[l]·A[l-1]} for l = 1..L: 2·m·Σ_{l≥1} n[l]·n[l-1]. */
  double forwardFlops(long m) {
    return 2.0 * m * productSum(1);
  }

  /**
   * Backward, {@code dW[l] = dZ[l]·A[l-1]ᵀ} for l = 1..L (2·m·Σ_{l≥1} n[l]·n[l-1]) and {@code dA[l-1] = W[l]ᵀ·dZ[l]}
   * for l = 2..L only, since dA[0] is never needed (2·m·Σ_{l≥2} n[l]·n[l-1]).
   */
  double backwardFlops(long m) {
    return 2.0 * m * (productSum(1) + productSum(2));
  }

  /** One gradient pass, forward plus backward. */
  double gradientFlops(long m) {
    return forwardFlops(m) + backwardFlops(m);
  }

  /** Σ_{l ≥ from} n[l]·n[l-1]. */
  private double productSum(int from) {
    double sum = 0;
    for (int l = from; l < sizes.length; l++) {
      sum += (double) sizes[l] * sizes[l - 1];
    }
    return sum;
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LayerSizes that && Arrays.equals(sizes, that.sizes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes);
  }

  @Override
  public String toString() {
    return Arrays.toString(sizes).replace(" ", "");
  }
}
