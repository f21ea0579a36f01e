package org.sparkdnn.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkdnn.train.EarlyStopping;
import org.sparkdnn.train.EarlyStoppingState;

/**
 * What early stopping did in a run, as {@code train} prints it and metrics.json's {@code early_stopping} records it:
 * which iteration (or epoch) the model written comes from, and why training ended there.
 */
final class EarlyStoppingReport {
  private final EarlyStopping stopping;
  private final int iterations;
  /** "iteration", or "epoch" with mini-batches. */
  private final String unit;

  EarlyStoppingReport(EarlyStopping stopping, int iterations, String unit) {
    this.stopping = stopping;
    this.iterations = iterations;
    this.unit = unit;
  }

  /** The line {@code train} prints once training ends. */
  String line() {
    EarlyStoppingState best = stopping.state();
    String model = "the model written is the one after " + count(best.bestIteration()) + " (validation log-loss "
        + best.bestLoss() + ")";
    if (!stopping.stopped()) {
      return "Early stopping: did not stop in " + count(iterations) + "; " + model;
    }
    return "Early stopping after " + unit + " " + stopping.stoppedAt() + ": " + reason() + "; " + model;
  }

  /** metrics.json's {@code early_stopping}. */
  Map<String, Object> toMap() {
    EarlyStoppingState best = stopping.state();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("unit", unit);
    map.put("best_iteration", best.bestIteration());
    map.put("best_validation_log_loss", best.bestLoss());
    map.put("stopped_early", stopping.stopped());
    map.put("stopped_at", stopping.stopped() ? stopping.stoppedAt() : null);
    map.put("reason", stopping.stopped() ? reason() : "ran all " + count(iterations));
    map.put("patience", stopping.patience());
    map.put("min_delta", stopping.minDelta());
    map.put("every", stopping.every());
    return map;
  }

  private String reason() {
    return "the validation log-loss did not improve by more than " + stopping.minDelta() + " in "
        + stopping.patience() + " check" + (stopping.patience() == 1 ? "" : "s") + " in a row (one every "
        + count(stopping.every()) + ")";
  }

  /** "1 iteration", "300 epochs". */
  private String count(int n) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
