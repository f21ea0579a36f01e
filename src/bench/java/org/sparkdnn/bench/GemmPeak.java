package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.Matrix;

/** The DGEMM peak of the BLAS in use: the best of a few n×n×n products, in one or several threads at once. */
final class GemmPeak {
  private static final int RUNS = 5;

  private GemmPeak() {}

  /** GFLOP/s (2n³ per product) of {@code threads} concurrent products of n×n matrices, best of a few runs. */
  static double gflops(int n, int threads) throws Exception {
    List<Matrix[]> operands = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      operands.add(new Matrix[] {random(n, t), random(n, t + 100), Matrix.wrap(n, n, new double[n * n], 0)});
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double best = Double.MAX_VALUE;
      for (int run = 0; run <= RUNS; run++) {
        double seconds = Timing.seconds(() -> {
          List<Future<?>> done = new ArrayList<>();
          for (Matrix[] abc : operands) {
            done.add(pool.submit(() -> Blas.gemm(1.0, abc[0], false, abc[1], false, 0.0, abc[2])));
          }
          for (Future<?> f : done) {
            f.get();
          }
        });
        if (run > 0) {
          best = Math.min(best, seconds);
        }
      }
      return 2.0 * n * n * n * threads / best / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  private static Matrix random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1.0, 1.0);
    }
    return Matrix.wrap(n, n, values, 0);
  }
}
