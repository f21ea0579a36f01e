package org.sparkdnn.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.eval.IterationMetrics;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.IterationListener;

/**
 * The test data's log-loss and accuracy during training ({@code --eval-every K}): at the parameters after every
 * K-th update, iteration 0 included (those the cost of that iteration is computed from, so the test log-loss and
 * the cost are comparable point by point), and at the final parameters, which the final evaluation measures.
 * A resumed run evaluates from where it continues: the series covers this process's iterations.
 */
final class TestHistory implements IterationListener {
  private final int every;
  private final int iterations;
  private final Function<Parameters, ConfusionCounts> evaluate;
  private final List<IterationMetrics> points = new ArrayList<>();

  /**
   * @param every K ≥ 0; 0 evaluates none
   * @param iterations the run's number of iterations, at which the final parameters are evaluated
   * @param evaluate the test data's counts at given parameters (one pass over the cached test data)
   */
  TestHistory(int every, int iterations, Function<Parameters, ConfusionCounts> evaluate) {
    this.every = every;
    this.iterations = iterations;
    this.evaluate = evaluate;
  }

  @Override
  public void onIteration(int iteration, double cost) {}

  @Override
  public void onParameters(int updates, Parameters parameters) {
    if (every > 0 && (updates % every == 0 || updates == iterations)) {
      points.add(IterationMetrics.of(updates, evaluate.apply(parameters)));
    }
  }

  /** The points so far, in iteration order. */
  List<IterationMetrics> points() {
    return List.copyOf(points);
  }

  /** The points as metrics.json's {@code test_history}: {@code [{"iteration", "log_loss", "accuracy"}, …]}. */
  List<Map<String, Object>> toJson() {
    return points.stream().map(IterationMetrics::toMap).toList();
  }
}
