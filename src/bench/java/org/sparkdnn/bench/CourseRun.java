package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's L-layer run end to end, as a user starts it: {@code spark-dnn course week4-deep} in a JVM of its own
 * (the launcher's heap and flags: conf/jvm.options), 2500 iterations on the course's cat/non-cat data, timed from
 * the process's start to its exit, so JVM and Spark start-up, loading, training, evaluation and saving all count.
 */
final class CourseRun {
  static final String CASE = "week4-deep";
  static final int ITERATIONS = 2500;
  /** The course's training set, also what numpy's side of the comparison loads. */
  static final String TRAIN = "data-samples/catvnoncat/train.csv.gz";
  /** The heap scripts/spark-dnn gives a run by default. */
  private static final String HEAP = "-Xmx4g";
  private static final String COST_LINE = "Cost after iteration ";

  private CourseRun() {}

  /** Wall seconds of the run and the last cost it printed. */
  record Result(double seconds, double lastCost) {}

  /**
   * Runs {@code spark-dnn course caseName} with {@code master} ({@link #CASE} for the benchmark), writing its model to
   * {@code output} and its console to {@code log}.
   *
   * @throws IllegalStateException if the run fails or prints no cost
   */
  static Result run(String caseName, String master, Path output, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, HEAP, "@conf/jvm.options",
        "-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp", System.getProperty("java.class.path"),
        "org.sparkdnn.cli.SparkDnn", "course", caseName, "--master", master, "--output", output.toString(),
        "--overwrite");
    Files.createDirectories(log.toAbsolutePath().getParent());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("spark-dnn course " + caseName + " exited with " + exit + "; see " + log);
    }
    return new Result(seconds, lastCost(Files.readAllLines(log)));
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
