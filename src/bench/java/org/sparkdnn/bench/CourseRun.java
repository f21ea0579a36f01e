package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's L-layer run end to end, as a user starts it: {@code spark-dnn course week4-deep --engine E} in a
 * JVM of its own ({@link SparkDnnProcess}), 2500 iterations on the course's cat/non-cat data, timed from the
 * process's start to its exit; its metrics.json gives the engine's settled seconds per iteration
 * ({@link RunMetrics}), the cat model's cold figure.
 */
final class CourseRun {
  static final String CASE = "week4-deep";
  static final int ITERATIONS = 2500;
  /** The course's training set, also what numpy's side of the comparison loads. */
  static final String TRAIN = "data-samples/catvnoncat/train.csv.gz";
  private static final String COST_LINE = "Cost after iteration ";

  private CourseRun() {}

  /** Wall seconds of the run, the last cost it printed and its settled seconds per iteration. */
  record Result(Engine engine, double seconds, double lastCost, double secondsPerIteration) {}

  /**
   * Runs {@code spark-dnn course caseName --engine engine} with {@code master} ({@link #CASE} for the benchmark),
   * writing its model and metrics.json to {@code output} and its console to {@code log}.
   *
   * @throws IllegalStateException if the run fails, prints no cost or ran another engine
   */
  static Result run(String caseName, Engine engine, String master, Path output, Path log) throws Exception {
    double seconds = SparkDnnProcess.run(List.of("course", caseName, "--engine", engine.label(), "--master", master,
        "--output", output.toString(), "--overwrite"), log);
    return new Result(engine, seconds, lastCost(Files.readAllLines(log)),
        RunMetrics.read(output, engine).settledSecondsPerIteration());
  }

  /** The cost of the last "Cost after iteration i: c …" line. */
  static double lastCost(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.startsWith(COST_LINE)) {
        String value = line.substring(line.indexOf(": ") + 2).split("\\s+")[0];
        return Double.parseDouble(value);
      }
    }
    throw new IllegalStateException("expected a line starting '" + COST_LINE + "', found none in "
        + lines.size() + " lines");
  }
}
