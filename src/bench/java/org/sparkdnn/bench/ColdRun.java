package org.sparkdnn.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparkdnn.data.ColumnBlock;

/**
 * One engine's training run of a synthetic case as a user's run: {@code spark-dnn train --engine E} in a fresh JVM
 * ({@link SparkDnnProcess}) on the case's samples written as CSV; metrics.json gives the settled seconds per
 * iteration ({@link RunMetrics}), the process its wall seconds.
 */
final class ColdRun {
  static final int ITERATIONS = 110;
  static final int QUICK_ITERATIONS = 30;
  /** Small enough that He-initialised weights on the synthetic data keep a finite cost. */
  private static final String LEARNING_RATE = "0.01";

  private ColdRun() {}

  /** One run: its case, engine and iterations, settled seconds per iteration and wall seconds. */
  record Result(LayerSizes layers, long numExamples, Engine engine, int iterations, double secondsPerIteration,
      double wallSeconds) {}

  /**
   * Writes {@code data}'s samples to {@code file}, partition by partition, one row per sample: the label (0 or 1)
   * in column 0, the features after it, each as {@link Double#toString} gives it, which parses back to the same
   * bits: the train command reads the values the in-JVM cases time.
   */
  static void writeCsv(SyntheticData data, Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder line = new StringBuilder();
      for (int p = 0; p < data.partitions(); p++) {
        for (ColumnBlock block : data.partition(p)) {
          int n = block.numFeatures();
          double[] x = block.X().data();
          for (int j = 0; j < block.numColumns(); j++) {
            line.setLength(0);
            line.append(block.labels()[j] == 1.0 ? '1' : '0');
            for (int i = 0; i < n; i++) {
              line.append(',').append(x[j * n + i]);
            }
            out.append(line).append('\n');
          }
        }
      }
    }
  }

  /**
   * Trains {@code layers} on {@code csv} ({@code m} samples) for {@code iterations} iterations with {@code engine},
   * writing the model to {@code output} and the console to {@code log}.
   *
   * @throws IllegalStateException if the run fails or ran another engine
   */
  static Result run(LayerSizes layers, long m, Engine engine, Path csv, String master, int partitions,
      int iterations, Path output, Path log) throws Exception {
    double wall = SparkDnnProcess.run(List.of("train", "--train", csv.toString(), "--layers", layers.csv(),
        "--engine", engine.label(), "--master", master, "--partitions", Integer.toString(partitions),
        "--print-every", "0", "--init", "he", "--learning-rate", LEARNING_RATE,
        "--iterations", Integer.toString(iterations), "--output", output.toString(), "--overwrite"), log);
    return new Result(layers, m, engine, iterations, RunMetrics.read(output, engine).settledSecondsPerIteration(),
        wall);
  }
}
