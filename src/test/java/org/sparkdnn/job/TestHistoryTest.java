package org.sparkdnn.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.eval.IterationMetrics;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.testing.LocalGradientSource;
import org.sparkdnn.train.Checkpointer;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.TrainingResult;
import org.sparkdnn.train.TrainingState;

/**
 * {@link TestHistory} on gradient descent without Spark, "testing" on the training data itself: its log-loss at
 * iteration i is then the cost of iteration i, which shows the points are taken at the right parameters.
 */
class TestHistoryTest {
  private static final Architecture NET = Architecture.withHidden(new int[] {2, 3, 1}, Activation.TANH);
  private static final ColumnBlock DATA = new ColumnBlock(2,
      new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2, 0.5, 0.5}, new double[] {0, 0, 1, 1, 0});
  private static final LocalGradientSource SOURCE = new LocalGradientSource(List.of(DATA));

  private static Parameters initial() {
    double[] values = new double[NET.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.1 * (i % 5) - 0.2;
    }
    return new Parameters(NET, values);
  }

  /** DATA's counts at {@code parameters}, as {@link SparkEvaluator#confusion} adds them. */
  private static ConfusionCounts counts(Parameters parameters) {
    double[] p = SparkEvaluator.probabilities(parameters, DATA);
    ConfusionCounts counts = ConfusionCounts.EMPTY;
    for (int j = 0; j < p.length; j++) {
      counts = counts.add(p[j], DATA.labels()[j], TrainingJob.THRESHOLD);
    }
    return counts;
  }

  private static List<Integer> iterations(TestHistory history) {
    return history.points().stream().map(IterationMetrics::iteration).toList();
  }

  @Test
  void everyKthIterationFromZeroAndTheFinalParameters() {
    GradientDescent descent = new GradientDescent(0.5, 7);
    TestHistory history = new TestHistory(3, 7, TestHistoryTest::counts);
    TrainingResult result = descent.run(SOURCE, initial(), history);

    assertEquals(List.of(0, 3, 6, 7), iterations(history));
    for (IterationMetrics point : history.points().subList(0, 3)) {
      assertEquals(result.costs()[point.iteration()], point.logLoss(), 1e-12, "iteration " + point.iteration());
    }
    ConfusionCounts end = counts(result.parameters());
    assertEquals(IterationMetrics.of(7, end), history.points().get(3));
    assertEquals(Map.of("iteration", 7, "log_loss", end.logLoss(), "accuracy", end.accuracy()),
        history.toJson().get(3));
    assertEquals(4, history.toJson().size());
  }

  @Test
  void theLastIterationIsNotEvaluatedTwiceWhenKDividesIt() {
    TestHistory history = new TestHistory(2, 6, TestHistoryTest::counts);
    new GradientDescent(0.5, 6).run(SOURCE, initial(), history);
    assertEquals(List.of(0, 2, 4, 6), iterations(history));
  }

  @Test
  void zeroEvaluatesNothing() {
    TestHistory history = new TestHistory(0, 5, parameters -> {
      throw new AssertionError("nothing is evaluated with K = 0");
    });
    new GradientDescent(0.5, 5).run(SOURCE, initial(), history);
    assertEquals(List.of(), history.points());
    assertEquals(List.of(), history.toJson());
  }

  @Test
  void aResumedRunEvaluatesFromWhereItContinues() {
    TrainingResult four = new GradientDescent(0.5, 4).run(SOURCE, initial(), (i, cost) -> {});
    TestHistory history = new TestHistory(3, 10, TestHistoryTest::counts);
    new GradientDescent(0.5, 10).run(SOURCE, new TrainingState(four.parameters(), four.costs()), history,
        Checkpointer.NONE);
    assertEquals(List.of(6, 9, 10), iterations(history));
  }
}
