package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;

/**
 * The GEMM peak of the BLAS in use, DGEMM or SGEMM: the best of a few n×n×n products, in one or several threads at
 * once.
 */
final class GemmPeak {
  private static final int RUNS = 5;

  private GemmPeak() {}

  /** GFLOP/s (2n³ per product) of {@code threads} concurrent DGEMM products of n×n matrices, best of a few runs. */
  static double gflops(int n, int threads) throws Exception {
    return gflops(n, threads, Precision.FLOAT64);
  }

  /** As {@link #gflops(int, int)}, with SGEMM for {@link Precision#FLOAT32}. */
  static double gflops(int n, int threads, Precision precision) throws Exception {
    List<Runnable> products = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      double[] a = random(n, t);
      double[] b = random(n, t + 100);
      if (precision == Precision.FLOAT64) {
        Matrix am = Matrix.wrap(n, n, a, 0);
        Matrix bm = Matrix.wrap(n, n, b, 0);
        Matrix cm = Matrix.zeros(n, n);
        products.add(() -> Blas.gemm(1.0, am, false, bm, false, 0.0, cm));
      } else {
        FloatMatrix am = FloatMatrix.wrap(n, n, toFloat(a), 0);
        FloatMatrix bm = FloatMatrix.wrap(n, n, toFloat(b), 0);
        FloatMatrix cm = FloatMatrix.zeros(n, n);
        products.add(() -> Blas.gemm(1.0f, am, false, bm, false, 0.0f, cm));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double best = Double.MAX_VALUE;
      for (int run = 0; run <= RUNS; run++) {
        double seconds = Timing.seconds(() -> {
          List<Future<?>> done = new ArrayList<>();
          for (Runnable product : products) {
            done.add(pool.submit(product));
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

  private static double[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1.0, 1.0);
    }
    return values;
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
