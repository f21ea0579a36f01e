package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparkdnn.cli.ExitCodes;

/**
 * One spark-dnn configuration on one data set, as a user runs it: {@code spark-dnn train} in a fresh JVM
 * ({@link SparkDnnProcess}) on the split's files, a {@value #HIDDEN_UNITS}-unit ReLU layer and a sigmoid output,
 * He initialisation, then the configuration's options; the test metrics and the training seconds from the
 * model's metrics.json. A run that diverges (exit {@value ExitCodes#DIVERGED}) is a result without metrics; any
 * other failure stops the benchmark.
 */
final class TabularRun {
  static final int HIDDEN_UNITS = 16;
  /** The options every run gets from the harness, which a configuration may not set. */
  static final List<String> HARNESS_OPTIONS = List.of("--train", "--test", "--layers", "--activations", "--init",
      "--seed", "--master", "--partitions", "--output", "--overwrite");

  private TabularRun() {}

  /** The {@code train} command line of {@code configuration} on {@code split}. */
  static List<String> arguments(TabularConfiguration configuration, TabularSplit split, long seed, String master,
      int partitions, Path output) {
    List<String> arguments = new ArrayList<>(List.of("train", "--train", split.train().toString(), "--test",
        split.test().toString(), "--layers", split.numFeatures() + "," + HIDDEN_UNITS + ",1", "--activations",
        "relu,sigmoid",
        "--init", "he", "--seed", Long.toString(seed), "--master", master, "--partitions",
        Integer.toString(partitions), "--output", output.toString(), "--overwrite"));
    arguments.addAll(configuration.options());
    return arguments;
  }

  /**
   * Trains {@code configuration} on {@code split}, the model to {@code output} and the console to {@code log}.
   *
   * @throws IllegalStateException if the run fails otherwise than by diverging
   */
  static TabularResult run(TabularConfiguration configuration, TabularSplit split, long seed, String master,
      int partitions, Path output, Path log) throws Exception {
    List<String> arguments = arguments(configuration, split, seed, master, partitions, output);
    SparkDnnProcess.Exit exit = SparkDnnProcess.complete(arguments, log);
    if (exit.code() == ExitCodes.DIVERGED) {
      return TabularResult.failed(split.dataSet(), TabularResult.SPARK_DNN, configuration.name(),
          configuration.optionsText(), "diverged (exit " + ExitCodes.DIVERGED + ")", exit.seconds());
    }
    if (exit.code() != ExitCodes.OK) {
      throw SparkDnnProcess.failed(arguments, exit, log);
    }
    JsonNode metrics = new ObjectMapper().readTree(output.resolve("metrics.json").toFile());
    return fromMetrics(split.dataSet(), configuration, metrics, exit.seconds());
  }

  /**
   * The result in a metrics.json ({@code test}: {@code roc_auc}, {@code accuracy}, {@code log_loss};
   * {@code wall_time_seconds.train}; {@code engine}) of a run that took {@code wallSeconds}.
   *
   * @throws IllegalStateException if one of them is missing
   */
  static TabularResult fromMetrics(String dataSet, TabularConfiguration configuration, JsonNode metrics,
      double wallSeconds) {
    JsonNode test = metrics.path("test");
    return new TabularResult(dataSet, TabularResult.SPARK_DNN, configuration.name(), configuration.optionsText(),
        null, number(test, "roc_auc"), number(test, "accuracy"), number(test, "log_loss"), wallSeconds,
        number(metrics.path("wall_time_seconds"), "train"), metrics.path("engine").asText("?") + " engine");
  }

  private static double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new IllegalStateException("metrics.json: expected a number at " + key + ", found " + value);
    }
    return value.asDouble();
  }
}
