package org.sparkdnn.bench;

import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkGradientSource;

/**
 * Gradient iterations on a small cached data set before any case is timed. The JIT compiles Spark's scheduler, task
 * and result code over the first thousand or so jobs (a small model's iteration falls from about 25 ms to 6 ms on
 * two cores), so without it the first cases would time the compiler; a training run of thousands of iterations spends
 * most of its time past that point. The course run, end to end in its own JVM, still pays its own warm-up.
 */
final class SparkWarmUp {
  /** The model and the samples per partition of the warm-up iterations. */
  private static final int[] LAYERS = {100, 20, 7, 5, 1};
  private static final int SAMPLES_PER_PARTITION = 2048;
  /** Iterations in each window whose median is reported, first and last. */
  private static final int WINDOW = 100;

  /**
   * What the warm-up ran: its iterations, their seconds, the median milliseconds of the first and the last
   * {@code window} iterations.
   */
  record Result(int iterations, double seconds, int window, double firstMillis, double lastMillis) {}

  private SparkWarmUp() {}

  static Result run(JavaSparkContext sc, int partitions, int iterations, long seed) throws Exception {
    if (iterations == 0) {
      return new Result(0, 0, 0, Double.NaN, Double.NaN);
    }
    SyntheticData data = new SyntheticData(LAYERS[0], (long) SAMPLES_PER_PARTITION * partitions, partitions,
        SyntheticData.defaultBlockColumns(LAYERS[0]), seed);
    Architecture architecture = Architecture.withHidden(LAYERS, Activation.RELU);
    Parameters parameters = Initializer.HE.initialize(architecture, seed);
    DistributedBlocks blocks = data.cache(sc, Precision.FLOAT64);
    try {
      SparkGradientSource source = new SparkGradientSource(sc, blocks, architecture);
      double[] seconds = new double[iterations];
      for (int i = 0; i < iterations; i++) {
        seconds[i] = Timing.seconds(() -> source.gradientSums(parameters));
      }
      int window = Math.min(WINDOW, iterations);
      return new Result(iterations, Arrays.stream(seconds).sum(), window,
          1e3 * Timing.median(Arrays.copyOfRange(seconds, 0, window)),
          1e3 * Timing.median(Arrays.copyOfRange(seconds, iterations - window, iterations)));
    } finally {
      blocks.unpersist();
    }
  }
}
