package org.sparkdnn.eval;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Binary classification metrics of one data set: those derived from the confusion counts (see
 * {@link ConfusionCounts} for the zero-denominator conventions) and the ROC AUC.
 *
 * @param confusion the confusion counts and summed log loss
 * @param auc the ROC AUC in [0, 1], or NaN if undefined (a single class)
 */
public record BinaryMetrics(ConfusionCounts confusion, double auc) implements Serializable {

  /** Validates the components. */
  public BinaryMetrics {
    Objects.requireNonNull(confusion, "confusion");
    if (!(Double.isNaN(auc) || (auc >= 0.0 && auc <= 1.0))) {
      throw new IllegalArgumentException("expected an AUC in [0, 1] or NaN, found " + auc);
    }
  }

  /** See {@link ConfusionCounts#accuracy()}. */
  public double accuracy() {
    return confusion.accuracy();
  }

  /** See {@link ConfusionCounts#precision()}. */
  public double precision() {
    return confusion.precision();
  }

  /** See {@link ConfusionCounts#recall()}. */
  public double recall() {
    return confusion.recall();
  }

  /** The recall of class 0, see {@link ConfusionCounts#recallOfZero()}. */
  public double recall0() {
    return confusion.recallOfZero();
  }

  /** The recall of class 1, {@link #recall()}. */
  public double recall1() {
    return confusion.recall();
  }

  /** See {@link ConfusionCounts#f1()}. */
  public double f1() {
    return confusion.f1();
  }

  /** See {@link ConfusionCounts#logLoss()}. */
  public double logLoss() {
    return confusion.logLoss();
  }

  /** The number of samples classified correctly, tp + tn. */
  public long correct() {
    return confusion.tp() + confusion.tn();
  }

  /** The number of samples. */
  public long m() {
    return confusion.count();
  }

  /**
   * Returns the metrics as a map with keys {@code accuracy, correct, precision, recall, recall_0, recall_1, f1,
   * log_loss, roc_auc, m, confusion} (recall_0 and recall_1 the recall of each class, recall_1 = recall), the last a map with keys {@code tp, fp, tn, fn}; values are
   * {@link Double} or {@link Long}, ready for JSON serialization.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("tp", confusion.tp());
    counts.put("fp", confusion.fp());
    counts.put("tn", confusion.tn());
    counts.put("fn", confusion.fn());
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("accuracy", accuracy());
    map.put("correct", correct());
    map.put("precision", precision());
    map.put("recall", recall());
    map.put("recall_0", recall0());
    map.put("recall_1", recall1());
    map.put("f1", f1());
    map.put("log_loss", logLoss());
    map.put("roc_auc", auc);
    map.put("m", m());
    map.put("confusion", counts);
    return map;
  }

  /**
   * Returns an aligned text table of the metrics followed by the confusion matrix, rows being the
   * actual and columns the predicted class, for example:
   *
   * <pre>
   * accuracy   0.750000
   * precision  0.750000
   * recall     0.750000
   * recall_0   0.750000
   * recall_1   0.750000
   * f1         0.750000
   * log_loss   0.455597
   * roc_auc    0.875000
   * m          8
   *
   *           predicted 0  predicted 1
   * actual 0            3            1
   * actual 1            1            3
   * </pre>
   */
  public String toTable() {
    StringBuilder table = new StringBuilder();
    row(table, "accuracy", accuracy());
    row(table, "precision", precision());
    row(table, "recall", recall());
    row(table, "recall_0", recall0());
    row(table, "recall_1", recall1());
    row(table, "f1", f1());
    row(table, "log_loss", logLoss());
    row(table, "roc_auc", auc);
    table.append(String.format(Locale.ROOT, "%-10s %d\n\n", "m", m()));
    String predicted0 = "predicted 0";
    int width = Math.max(predicted0.length(), Long.toString(Math.max(
        Math.max(confusion.tn(), confusion.fp()), Math.max(confusion.fn(), confusion.tp()))).length());
    String format = "%-8s  %" + width + "s  %" + width + "s\n";
    table.append(String.format(Locale.ROOT, format, "", predicted0, "predicted 1"));
    table.append(String.format(Locale.ROOT, format, "actual 0", confusion.tn(), confusion.fp()));
    table.append(String.format(Locale.ROOT, format, "actual 1", confusion.fn(), confusion.tp()));
    return table.toString();
  }

  private static void row(StringBuilder table, String name, double value) {
    table.append(String.format(Locale.ROOT, "%-10s %.6f\n", name, value));
  }
}
