package org.sparkdnn.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.Matrix;

/**
 * Which way round BLAS runs one layer's three products fastest, on one thread: for each shape (n[l], n[l-1], m_b)
 * the GFLOP/s (2·n[l]·n[l-1]·m_b per product, median of a few runs) of
 * <ul>
 *   <li>forward, unit-major {@code Z = W·A} (n[l]×m_b, N·N) against sample-major {@code Zᵀ = Aᵀ·Wᵀ} with
 *       {@code Aᵀ} stored (m_b×n[l-1], N·T), and against {@code Zᵀ} read from a unit-major A (T·T, layer 1's X);</li>
 *   <li>weight gradient {@code dW = dZ·Aᵀ} unit-major (N·T), sample-major {@code (dZᵀ)ᵀ·Aᵀ} (T·N), and
 *       {@code dWᵀ = A·dZᵀ} from a unit-major A (N·N, then transposed), the layer-1 case;</li>
 *   <li>input gradient {@code dA = Wᵀ·dZ} unit-major (T·N) against {@code dAᵀ = dZᵀ·W} sample-major (N·N).</li>
 * </ul>
 * Run: {@code mvn -q -Pbench compile} then {@code java -cp target/bench-classes:target/classes:<classpath>
 * org.sparkdnn.bench.LayoutBench} with {@code OPENBLAS_NUM_THREADS=1}.
 */
public final class LayoutBench {
  private static final int[][] SHAPES = {
      {20, 12288, 682}, {20, 12288, 105}, {20, 100, 4096}, {7, 20, 4096}, {256, 100, 4096}, {128, 256, 4096},
      {1, 128, 4096}, {256, 1000, 4096}};
  private static final int RUNS = 7;

  private LayoutBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("BLAS: " + Blas.implementationName());
    System.out.printf(Locale.ROOT, "%-18s %9s %9s %9s | %9s %9s %9s | %9s %9s%n", "n[l],n[l-1],m_b",
        "fwd W·A", "fwd Aᵀ·Wᵀ", "fwd X TT", "dW dZ·Aᵀ", "dW TN", "dWᵀ A·dZᵀ", "dA Wᵀ·dZ", "dAᵀ dZᵀ·W");
    for (int[] shape : SHAPES) {
      int n = shape[0];
      int k = shape[1];
      int m = shape[2];
      Matrix W = random(n, k, 1);
      Matrix A = random(k, m, 2);
      Matrix At = random(m, k, 3);
      Matrix dZ = random(n, m, 4);
      Matrix dZt = random(m, n, 5);
      Matrix Z = Matrix.zeros(n, m);
      Matrix Zt = Matrix.zeros(m, n);
      Matrix dW = Matrix.zeros(n, k);
      Matrix dWt = Matrix.zeros(k, n);
      Matrix dA = Matrix.zeros(k, m);
      Matrix dAt = Matrix.zeros(m, k);
      double flops = 2.0 * n * k * m;
      double[] g = {
          gflops(flops, () -> Blas.gemm(1.0, W, false, A, false, 0.0, Z)),
          gflops(flops, () -> Blas.gemm(1.0, At, false, W, true, 0.0, Zt)),
          gflops(flops, () -> Blas.gemm(1.0, A, true, W, true, 0.0, Zt)),
          gflops(flops, () -> Blas.gemm(1.0, dZ, false, A, true, 1.0, dW)),
          gflops(flops, () -> Blas.gemm(1.0, dZt, true, At, false, 1.0, dW)),
          gflops(flops, () -> Blas.gemm(1.0, A, false, dZt, false, 0.0, dWt)),
          gflops(flops, () -> Blas.gemm(1.0, W, true, dZ, false, 0.0, dA)),
          gflops(flops, () -> Blas.gemm(1.0, dZt, false, W, false, 0.0, dAt))};
      System.out.printf(Locale.ROOT, "%-18s %9.1f %9.1f %9.1f | %9.1f %9.1f %9.1f | %9.1f %9.1f%n",
          n + "," + k + "," + m, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
    }
  }

  /** Median GFLOP/s of {@link #RUNS} runs of {@code product} after as many warm-up runs. */
  private static double gflops(double flops, Timing.Work product) throws Exception {
    double seconds = Timing.median(RUNS, RUNS, () -> {
      for (int i = 0; i < 5; i++) {
        product.run();
      }
    }) / 5;
    return flops / seconds / 1e9;
  }

  private static Matrix random(int rows, int cols, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1.0, 1.0);
    }
    return Matrix.wrap(rows, cols, values, 0);
  }
}
