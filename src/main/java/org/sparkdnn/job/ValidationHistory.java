package org.sparkdnn.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.eval.IterationMetrics;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.EarlyStopping;

/**
 * The validation data's log-loss at early stopping's checks, each one pass over the cached validation data, kept
 * as metrics.json's {@code validation_history}. A resumed run's series covers this process's checks.
 */
final class ValidationHistory implements EarlyStopping.ValidationLoss {
  private final Function<Parameters, ConfusionCounts> evaluate;
  private final List<IterationMetrics> points = new ArrayList<>();

  /** @param evaluate the validation data's counts at given parameters */
  ValidationHistory(Function<Parameters, ConfusionCounts> evaluate) {
    this.evaluate = evaluate;
  }

  @Override
  public double at(int updates, Parameters parameters) {
    IterationMetrics point = IterationMetrics.of(updates, evaluate.apply(parameters));
    points.add(point);
    return point.logLoss();
  }

  /** The checks as {@code [{"iteration", "log_loss", "accuracy"}, …]}, in order. */
  List<Map<String, Object>> toJson() {
    return points.stream().map(IterationMetrics::toMap).toList();
  }
}
