package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.testing.GoldenFile;

/**
 * Forward pass, cost, mean gradients and gradient descent against the numpy reference in
 * {@code src/test/python/gen_network_golden.py} (files {@code src/test/resources/golden/network-*.json}).
 */
class NetworkGoldenTest {
  /** Relative tolerance, and the absolute floor for values near zero. */
  private static final double REL = 1e-12;
  private static final double ABS = 1e-14;

  static List<String> files() {
    return GoldenFile.list("network-");
  }

  @Test
  void everyCaseIsPresent() {
    assertEquals(List.of("golden/network-deep-mixed.json", "golden/network-logistic.json",
        "golden/network-m1.json", "golden/network-relu-leaky.json", "golden/network-shallow-tanh.json"), files());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void outputProbabilities(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    Matrix X = g.matrix("X");
    double[] expected = g.vector("AL");
    assertEquals(X.cols(), expected.length, "AL length");
    // Written at an offset into a larger array: the elements around it must stay untouched.
    double[] out = new double[expected.length + 3];
    Arrays.fill(out, -7.0);
    Network.predictProbabilities(p, X, Workspace.float64(p.architecture(), X.cols()), out, 2);
    assertClose(expected, Arrays.copyOfRange(out, 2, 2 + expected.length), REL, ABS, file + ": AL");
    assertEquals(-7.0, out[0]);
    assertEquals(-7.0, out[1]);
    assertEquals(-7.0, out[out.length - 1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void costAndMeanGradientsAtTheInitialParameters(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    double[] before = p.values().clone();
    GradientSums sums = gradientSums(g, p);
    int m = g.matrix("X").cols();
    assertEquals(m, sums.count(), "count");
    assertClose(g.number("cost"), sums.cost(), REL, ABS, file + ": cost");
    assertClose(g.number("cost") * m, sums.costSum(), REL, ABS, file + ": cost sum");
    double[] mean = sums.values().clone();
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= sums.count();
    }
    assertClose(g.flatGradients("gradients"), mean, REL, ABS, file + ": mean gradients", p.architecture());
    assertTrue(Arrays.equals(before, p.values()), "accumulateGradients must not change the parameters");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parametersAfterOneStep(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    p.descend(g.number("learning_rate"), gradientSums(g, p));
    assertClose(g.parameters("parameters_after_one_step").values(), p.values(), REL, ABS,
        file + ": parameters after one step", p.architecture());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void costsAndParametersOfNSteps(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    double[] expectedCosts = g.vector("costs");
    int iterations = g.integer("iterations");
    assertEquals(30, iterations);
    assertEquals(iterations, expectedCosts.length, "costs length");
    assertEquals(g.number("cost"), expectedCosts[0], 0.0, "costs[0] is the initial cost");
    double learningRate = g.number("learning_rate");
    Matrix X = g.matrix("X");
    double[] Y = g.vector("Y");
    Workspace<Matrix> ws = Workspace.float64(p.architecture(), X.cols());
    double[] costs = new double[iterations];
    for (int t = 0; t < iterations; t++) {
      GradientSums sums = GradientSums.empty(p.architecture());
      Network.accumulateGradients(p, X, Y, 0, ws, sums);
      costs[t] = sums.cost();
      p.descend(learningRate, sums);
    }
    assertClose(expectedCosts, costs, REL, ABS, file + ": costs");
    assertClose(g.parameters("parameters_after_n_steps").values(), p.values(), REL, ABS,
        file + ": parameters after " + iterations + " steps", p.architecture());
  }

  private static GradientSums gradientSums(GoldenFile g, Parameters p) {
    Matrix X = g.matrix("X");
    double[] Y = g.vector("Y");
    assertEquals(X.cols(), Y.length, "Y length");
    GradientSums sums = GradientSums.empty(p.architecture());
    Network.accumulateGradients(p, X, Y, 0, Workspace.float64(p.architecture(), X.cols()), sums);
    return sums;
  }
}
