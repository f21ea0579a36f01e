package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tabular benchmark's results as Markdown (printed and written to results.md) and as the maps of results.json:
 * per data set its description and one row per model, then issue 14's goal per data set.
 */
final class TabularReport {
  private TabularReport() {}

  /** Whether spark-dnn reached scikit-learn's MLP on a data set, and the sentence saying so. */
  record Goal(String dataSet, Status status, String text) {
    enum Status { REACHED, NOT_REACHED, NOT_JUDGED }
  }

  /**
   * Issue 14's goal on each data set that ran: the fastest (cold wall time) spark-dnn configuration whose test ROC
   * AUC is at least scikit-learn's MLPClassifier's, or else the best one's AUC; not judged without the MLP.
   */
  static List<Goal> goals(List<TabularSplit> splits, List<TabularResult> results) {
    List<Goal> goals = new ArrayList<>();
    for (TabularSplit split : splits) {
      Optional<TabularResult> mlp = results.stream().filter(r -> r.dataSet().equals(split.dataSet())
          && r.tool().equals(TabularResult.SCIKIT_LEARN) && r.model().equals(SklearnRun.Model.MLP.estimator)
          && r.finished()).findFirst();
      List<TabularResult> ours = results.stream().filter(r -> r.dataSet().equals(split.dataSet())
          && r.tool().equals(TabularResult.SPARK_DNN) && r.finished()).toList();
      if (mlp.isEmpty()) {
        goals.add(new Goal(split.dataSet(), Goal.Status.NOT_JUDGED, "not judged: scikit-learn's MLPClassifier "
            + "not measured"));
        continue;
      }
      double target = mlp.get().rocAuc();
      Optional<TabularResult> fastest = ours.stream().filter(r -> r.rocAuc() >= target)
          .min(Comparator.comparingDouble(TabularResult::wallSeconds));
      if (fastest.isPresent()) {
        TabularResult r = fastest.get();
        goals.add(new Goal(split.dataSet(), Goal.Status.REACHED, String.format(Locale.ROOT, "reached: %s, test "
            + "ROC AUC %.4f ≥ MLPClassifier's %.4f, in %.1f s cold (%.2f s training)", r.model(), r.rocAuc(),
            target, r.wallSeconds(), r.trainSeconds())));
      } else {
        goals.add(new Goal(split.dataSet(), Goal.Status.NOT_REACHED, ours.stream()
            .max(Comparator.comparingDouble(TabularResult::rocAuc))
            .map(r -> String.format(Locale.ROOT, "not reached: best %s, test ROC AUC %.4f < MLPClassifier's %.4f",
                r.model(), r.rocAuc(), target))
            .orElse("not reached: no spark-dnn run finished")));
      }
    }
    return goals;
  }

  /**
   * The whole report: {@code header} lines, then each data set ({@code splits}, or why it did not run in
   * {@code missing}) with its rows, then the goals.
   */
  static String markdown(List<String> header, List<TabularSplit> splits, Map<String, String> missing,
      List<TabularResult> results, List<Goal> goals) {
    StringBuilder out = new StringBuilder("# spark-dnn tabular benchmark\n\n");
    for (String line : header) {
      out.append(line).append("  \n");
    }
    for (TabularSplit split : splits) {
      out.append("\n## ").append(split.dataSet()).append("\n\n").append(description(split)).append("\n\n");
      out.append("| model | options | test ROC AUC | test accuracy | test log-loss | wall s | train s | note |\n");
      out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
      for (TabularResult r : results) {
        if (r.dataSet().equals(split.dataSet())) {
          out.append(row(r)).append('\n');
        }
      }
    }
    missing.forEach((name, why) -> out.append("\n## ").append(name).append("\n\nnot run: ").append(why)
        .append('\n'));
    out.append("\n## Goal (issue 14): spark-dnn's best test ROC AUC at least scikit-learn MLPClassifier's\n\n"
        + "The best of the configurations run, chosen on the test split itself: an optimistic figure beside "
        + "scikit-learn's one setting (the -early configurations pick their model on a validation split of the "
        + "training data, never on the test split).\n\n");
    for (Goal goal : goals) {
      out.append("- ").append(goal.dataSet()).append(": ").append(goal.text()).append('\n');
    }
    out.append("\nwall s: the process from start to exit, cold (a fresh JVM, or Python, per run: start-up, reading, "
        + "training, evaluation, saving); train s: spark-dnn's metrics.json wall_time_seconds.train (with its test "
        + "evaluations every --eval-every), scikit-learn's fit of the pipeline. Accuracy: predicted 1 where the "
        + "probability exceeds 0.5.\n");
    return out.toString();
  }

  /** "scikit-learn breast cancer ...: 569 samples, 30 features, class 1 = malignant (212), ...". */
  static String description(TabularSplit s) {
    return String.format(Locale.ROOT, "`%s` (Debian package %s): %d samples, %d features; class 1 = %s (%d), "
        + "class 0 = %s (%d); stratified split: %d training, %d test samples (`%s`, `%s`); column ranges "
        + "(max − min over the training rows) from %s to %s.", s.source(), s.debianPackage(), s.numExamples(),
        s.numFeatures(), s.positiveClass(), s.positives(), s.negativeClass(), s.numExamples() - s.positives(),
        s.trainSize(), s.testSize(), s.train().getFileName(), s.test().getFileName(), number(s.minRange()),
        number(s.maxRange()));
  }

  /** One table row: tool and model, options, the metrics to 4 decimals, seconds, note; a failure in place of them. */
  static String row(TabularResult r) {
    String options = r.tool().equals(TabularResult.SPARK_DNN) ? "`" + r.options() + "`" : r.options();
    String metrics = r.finished()
        ? String.format(Locale.ROOT, "%.4f | %.4f | %.4f", r.rocAuc(), r.accuracy(), r.logLoss())
        : r.failure() + " | | ";
    String train = Double.isNaN(r.trainSeconds()) ? "" : String.format(Locale.ROOT, "%.3f", r.trainSeconds());
    return String.format(Locale.ROOT, "| %s %s | %s | %s | %.1f | %s | %s |", r.tool(), r.model(), options, metrics,
        r.wallSeconds(), train, r.note());
  }

  /** Up to 4 significant digits, without an exponent for the ranges tabular data has. */
  static String number(double value) {
    if (value == 0 || Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
        .toPlainString();
  }

  static Map<String, Object> splitJson(TabularSplit s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", s.dataSet());
    json.put("source", s.source().toString());
    json.put("debian_package", s.debianPackage());
    json.put("m", s.numExamples());
    json.put("n", s.numFeatures());
    json.put("class_1", s.positiveClass());
    json.put("class_1_count", s.positives());
    json.put("class_0", s.negativeClass());
    json.put("train", s.train().toString());
    json.put("test", s.test().toString());
    json.put("train_m", s.trainSize());
    json.put("test_m", s.testSize());
    json.put("min_column_range", s.minRange());
    json.put("max_column_range", s.maxRange());
    return json;
  }

  static Map<String, Object> resultJson(TabularResult r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data_set", r.dataSet());
    json.put("tool", r.tool());
    json.put("model", r.model());
    json.put("options", r.options());
    json.put("failure", r.failure());
    json.put("test_roc_auc", orNull(r.rocAuc()));
    json.put("test_accuracy", orNull(r.accuracy()));
    json.put("test_log_loss", orNull(r.logLoss()));
    json.put("wall_seconds", r.wallSeconds());
    json.put("train_seconds", orNull(r.trainSeconds()));
    json.put("note", r.note());
    return json;
  }

  static Map<String, Object> goalJson(Goal goal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data_set", goal.dataSet());
    json.put("status", goal.status().name());
    json.put("text", goal.text());
    return json;
  }

  /** A JSON null for a value that was not measured (NaN). */
  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
