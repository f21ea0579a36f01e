package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * scikit-learn's side of the tabular benchmark: scripts/bench-sklearn.py in a fresh Python process per model and
 * data set, timed from start to exit as spark-dnn's JVMs are, on the same split files.
 */
final class SklearnRun {
  /** The script, relative to the repository root (scripts/bench.sh runs from there). */
  static final Path SCRIPT = Path.of("scripts/bench-sklearn.py");

  /** The two estimators, each behind a StandardScaler; {@code arg} is the script's {@code --model}. */
  enum Model {
    MLP("mlp", "MLPClassifier"),
    LOGISTIC("logistic", "LogisticRegression");

    final String arg;
    final String estimator;

    Model(String arg, String estimator) {
      this.arg = arg;
      this.estimator = estimator;
    }
  }

  private SklearnRun() {}

  /**
   * Fits {@code model} with {@code python} on the split's files; the script's JSON to {@code output}, its console
   * to {@code log}.
   *
   * @throws IllegalStateException if the script exits with an error
   */
  static TabularResult run(String python, Model model, TabularSplit split, long seed, int maxIter, Path output,
      Path log) throws Exception {
    List<String> command = List.of(python, SCRIPT.toString(), "--train", split.train().toString(), "--test",
        split.test().toString(), "--model", model.arg, "--seed", Long.toString(seed), "--max-iter",
        Integer.toString(maxIter), "--output", output.toString());
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.createDirectories(log.toAbsolutePath().getParent());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
    }
    return parse(split.dataSet(), model, new ObjectMapper().readTree(output.toFile()), seconds, seed, maxIter);
  }

  /**
   * The result in the script's JSON, of a process that took {@code wallSeconds} (run with {@code seed} and
   * {@code maxIter}, which the result names).
   *
   * @throws IllegalStateException if a value is missing
   */
  static TabularResult parse(String dataSet, Model model, JsonNode json, double wallSeconds, long seed,
      int maxIter) {
    JsonNode test = json.path("test");
    String options = "StandardScaler + " + model.estimator + "(" + (model == Model.MLP
        ? "hidden_layer_sizes=(16,), relu, adam, " : "") + "max_iter=" + maxIter + ", random_state=" + seed + ")";
    return new TabularResult(dataSet, TabularResult.SCIKIT_LEARN, model.estimator, options, null,
        number(test, "roc_auc"), number(test, "accuracy"), number(test, "log_loss"), wallSeconds,
        number(json, "fit_seconds"), (int) number(json, "iterations") + " iterations, scikit-learn "
            + json.path("sklearn").asText("?"));
  }

  private static double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new IllegalStateException("bench-sklearn.py's JSON: expected a number at " + key + ", found " + value);
    }
    return value.asDouble();
  }
}
