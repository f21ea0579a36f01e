package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.LocalGradientSource;

class GradientDescentTest {
  private static final Architecture NET = Architecture.withHidden(new int[] {2, 3, 1}, Activation.RELU);
  private static final ColumnBlock DATA =
      new ColumnBlock(2, new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2}, new double[] {0, 0, 1, 1});

  private static Parameters initial() {
    double[] values = new double[NET.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.1 * (i % 5) - 0.2;
    }
    return new Parameters(NET, values);
  }

  @Test
  void aNonFiniteGradientStopsTrainingBeforeItsUpdate() {
    LocalGradientSource local = new LocalGradientSource(List.of(DATA));
    int[] calls = {0};
    GradientSource overflowing = (parameters, batch) -> {
      GradientSums sums = local.gradientSums(parameters);
      if (calls[0]++ == 2) {
        sums.values()[NET.numParameters() - 1] = Double.NEGATIVE_INFINITY;
      }
      return sums;
    };
    List<Integer> reported = new ArrayList<>();
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new GradientDescent(0.1, 10).run(overflowing, initial(), (i, cost) -> reported.add(i)));
    assertEquals(2, e.iteration());
    assertEquals(List.of(0, 1), reported, "iteration 2 is neither reported nor applied");
    assertTrue(e.getMessage().contains("training diverged at iteration 2: expected a finite cost and gradient, "
        + "found a gradient holding -Infinity (the cost is "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; try a smaller learning rate than 0.1"), e.getMessage());
  }

  @Test
  void aNonFiniteCostStopsTraining() {
    double[] huge = new double[NET.numParameters()];
    Arrays.fill(huge, 1e300);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new GradientDescent(0.5, 3).run(new LocalGradientSource(List.of(DATA)), new Parameters(NET, huge),
            (i, cost) -> {}));
    assertEquals(0, e.iteration());
    assertTrue(e.getMessage().contains("found a cost of "), e.getMessage());
    assertEquals(0.5, e.learningRate());
  }
}
