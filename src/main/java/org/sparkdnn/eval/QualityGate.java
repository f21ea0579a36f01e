package org.sparkdnn.eval;

import java.util.Locale;

/**
 * The rule that decides whether a newly trained model replaces the published one: the new model's metric on the
 * test data may be worse than the current model's on the same data by at most {@code tolerance}. A metric that
 * is NaN on either side (the AUC of test data with one class only) refuses.
 *
 * @param metric what is compared
 * @param tolerance how much worse the new model may be, ≥ 0, in the metric's units
 */
public record QualityGate(Metric metric, double tolerance) {
  /** A metric the gate compares, and which direction is better. */
  public enum Metric {
    /** Share of correct predictions; higher is better. */
    ACCURACY("accuracy", true),
    /** Mean binary cross-entropy of the probabilities; lower is better. */
    LOG_LOSS("log-loss", false),
    /** Area under the ROC curve; higher is better. */
    AUC("auc", true);

    private final String label;
    private final boolean higherIsBetter;

    Metric(String label, boolean higherIsBetter) {
      this.label = label;
      this.higherIsBetter = higherIsBetter;
    }

    /**
     * The metric named {@code label} as {@code --gate-metric} spells it.
     *
     * @throws IllegalArgumentException naming the option, the choices and what was found
     */
    public static Metric parse(String label) {
      for (Metric metric : values()) {
        if (metric.label.equals(label)) {
          return metric;
        }
      }
      throw new IllegalArgumentException(
          "--gate-metric: expected accuracy, log-loss or auc, found '" + label + "'");
    }

    /** This metric's value in {@code metrics}. */
    public double of(BinaryMetrics metrics) {
      return switch (this) {
        case ACCURACY -> metrics.accuracy();
        case LOG_LOSS -> metrics.logLoss();
        case AUC -> metrics.auc();
      };
    }

    public boolean higherIsBetter() {
      return higherIsBetter;
    }

    public String label() {
      return label;
    }
  }

  /** Validates the tolerance: finite and ≥ 0. */
  public QualityGate {
    if (metric == null) {
      throw new IllegalArgumentException("--gate-metric: expected accuracy, log-loss or auc, found nothing");
    }
    if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("--gate-tolerance: expected a finite number >= 0, found " + tolerance);
    }
  }

  /** Whether a model scoring {@code candidate} may replace one scoring {@code current}. */
  public boolean accepts(double candidate, double current) {
    return metric.higherIsBetter() ? candidate >= current - tolerance : candidate <= current + tolerance;
  }

  /** "accuracy of the new model 0.9 vs the current 0.92 (higher is better, tolerance 0.01)". */
  public String describe(double candidate, double current) {
    return String.format(Locale.ROOT, "%s of the new model %s vs the current %s (%s is better, tolerance %s)",
        metric.label(), candidate, current, metric.higherIsBetter() ? "higher" : "lower", tolerance);
  }
}
