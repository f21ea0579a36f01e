package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * What a training run's metrics.json says of its speed: the engine that ran, and the wall seconds of each
 * iteration's gradient computation ({@code iteration_seconds}, index = iteration).
 */
record RunMetrics(String engine, double[] iterationSeconds) {
  /**
   * The first iterations, left out of the mean: they hold the tasks' launch (the resident stage's, or the first
   * jobs') and the JIT compiling the very first iteration's code, which a long run pays once.
   */
  static final int SETTLING = 10;

  /**
   * The metrics.json in {@code dir}.
   *
   * @throws IllegalStateException if another engine than {@code expected} ran, or an iteration has no time
   */
  static RunMetrics read(Path dir, Engine expected) throws Exception {
    Path file = dir.resolve("metrics.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    String engine = root.path("engine").asText("");
    if (!engine.equals(expected.label())) {
      throw new IllegalStateException(file + ": expected engine " + expected.label() + ", found '" + engine + "'");
    }
    JsonNode times = root.path("iteration_seconds");
    double[] seconds = new double[times.size()];
    for (int i = 0; i < seconds.length; i++) {
      if (!times.get(i).isNumber()) {
        throw new IllegalStateException(file + ": iteration " + i + " has no time: " + times.get(i));
      }
      seconds[i] = times.get(i).asDouble();
    }
    return new RunMetrics(engine, seconds);
  }

  /**
   * The mean seconds per iteration over iterations {@value #SETTLING}..N-1.
   *
   * @throws IllegalStateException if the run had no more than {@value #SETTLING} iterations
   */
  double settledSecondsPerIteration() {
    if (iterationSeconds.length <= SETTLING) {
      throw new IllegalStateException("expected more than " + SETTLING + " iterations, found "
          + iterationSeconds.length);
    }
    double sum = 0;
    for (int i = SETTLING; i < iterationSeconds.length; i++) {
      sum += iterationSeconds[i];
    }
    return sum / (iterationSeconds.length - SETTLING);
  }
}
