package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark-dnn} in a JVM of its own, as a user's run starts it (the launcher's heap and flags:
 * conf/jvm.options) on this JVM's classpath, timed from the process's start to its exit, so that JVM and Spark
 * start-up, loading, training, evaluation and saving all count.
 */
final class SparkDnnProcess {
  /** The heap scripts/spark-dnn gives a run by default. */
  private static final String HEAP = "-Xmx4g";

  private SparkDnnProcess() {}

  /** How a run ended: its exit code and wall seconds. */
  record Exit(int code, double seconds) {}

  /**
   * Runs {@code spark-dnn arguments…} with its console to {@code log}; returns its wall seconds.
   *
   * @throws IllegalStateException if it exits with an error
   */
  static double run(List<String> arguments, Path log) throws Exception {
    Exit exit = complete(arguments, log);
    if (exit.code() != 0) {
      throw failed(arguments, exit, log);
    }
    return exit.seconds();
  }

  /** Runs {@code spark-dnn arguments…} with its console to {@code log}; returns its exit code and wall seconds. */
  static Exit complete(List<String> arguments, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, HEAP, "@conf/jvm.options",
        "-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp", System.getProperty("java.class.path"),
        "org.sparkdnn.cli.SparkDnn"));
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    return new Exit(exit, (System.nanoTime() - start) / 1e9);
  }

  /** The error of a run that exited with {@code exit}. */
  static IllegalStateException failed(List<String> arguments, Exit exit, Path log) {
    return new IllegalStateException("spark-dnn " + String.join(" ", arguments) + " exited with " + exit.code()
        + "; see " + log);
  }
}
