package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.GradientCheck;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * L2 regularization against the course's {@code compute_cost_with_regularization} and
 * {@code backward_propagation_with_regularization} (golden files from {@code src/test/python/gen_l2_golden.py}),
 * and its mean gradient against fourth-order central differences of the regularized mean cost.
 */
class L2RegularizedTest {

  @ParameterizedTest
  @ValueSource(strings = {"logistic", "relu-leaky"})
  void costGradientsAndDescentAreTheCourses(String name) {
    GoldenFile golden = GoldenFile.load("golden/l2-" + name + ".json");
    Architecture arch = golden.architecture();
    double lambda = golden.number("lambda");
    GradientSource source = source(golden, lambda);
    Parameters initial = golden.parameters("parameters");
    GradientSums sums = source.gradientSums(initial);
    double m = sums.count();
    assertClose(golden.number("cost"), sums.cost(), 1e-13, 1e-15, name + " cost");
    double[] mean = sums.values().clone();
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= m;
    }
    assertClose(golden.flatGradients("gradients"), mean, 1e-12, 1e-15, name + " gradients", arch);

    TrainingResult result = new GradientDescent(golden.number("learning_rate"), golden.integer("iterations"))
        .run(source(golden, lambda), initial, (iteration, cost) -> { });
    assertClose(golden.vector("costs"), result.costs(), 1e-12, 1e-15, name + " costs");
    assertClose(golden.parameters("parameters_after_n_steps").values(), result.parameters().values(), 1e-11,
        1e-14, name + " parameters after " + golden.integer("iterations") + " steps", arch);
  }

  @ParameterizedTest
  @ValueSource(strings = {"logistic", "relu-leaky"})
  void theMeanGradientIsTheDerivativeOfTheRegularizedMeanCost(String name) {
    GoldenFile golden = GoldenFile.load("golden/l2-" + name + ".json");
    GradientSource source = source(golden, golden.number("lambda"));
    GradientCheck.assertGradients(source, golden.parameters("parameters"), name);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
  void lambdaMustBeFiniteAndNotNegative(double lambda) {
    assertThrows(IllegalArgumentException.class, () -> new L2Regularized((parameters, batch) -> null, lambda));
  }

  private static GradientSource source(GoldenFile golden, double lambda) {
    Matrix x = golden.matrix("X");
    ColumnBlock block = new ColumnBlock(x.rows(), x.data().clone(), golden.vector("Y"));
    return new L2Regularized(new LocalGradientSource(List.of(block)), lambda);
  }
}
