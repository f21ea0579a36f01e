package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.testing.Close;

/**
 * Gradient check in the style of DL4J's {@code GradientCheckUtil}: the analytic mean gradient
 * ({@link GradientSums#values()} ÷ count) against central differences of the mean cost, in double precision,
 * for every parameter; failures are reported by parameter name ({@code W2(3,1)}, {@code b1(0)}).
 *
 * <p>Numeric gradient: the fourth-order central difference
 * {@code (−J(θ+2h) + 8·J(θ+h) − 8·J(θ−h) + J(θ−2h)) / 12h} with h = 1e-3. Its truncation error is O(h⁴)
 * (~1e-13) and its rounding error ~ε·J/h (~1e-13), so a 1e-7 relative threshold is meaningful even for
 * gradients of size 1e-5; the two-point formula's ~1e-10 rounding error would not be.
 *
 * <p>Pass criterion per parameter: {@code |a − n| / (|a| + |n|) < 1e-7}, or {@code |a − n| < 1e-10}
 * (absolute floor, for gradients that are zero or nearly so).
 *
 * <p>ReLU kinks: data and parameters are drawn from a seeded {@link Random}; the parameters are re-drawn
 * (continuing the same stream, so deterministically) until every relu / leaky_relu pre-activation is at
 * least {@link #KINK_MARGIN} away from 0, and every perturbation is checked not to flip the sign of any of
 * them (a flip would make the finite difference straddle a kink).
 */
class GradientCheckTest {
  private static final double H = 1e-3;
  private static final double MAX_RELATIVE_ERROR = 1e-7;
  private static final double MIN_ABSOLUTE_ERROR = 1e-10;
  private static final double KINK_MARGIN = 1e-2;

  private static final Activation SIG = Activation.SIGMOID;
  private static final Activation TANH = Activation.TANH;
  private static final Activation RELU = Activation.RELU;
  private static final Activation LEAKY = Activation.LEAKY_RELU;

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("logistic regression", new int[] {4, 1}, List.of(SIG), 7, 11L),
        Arguments.of("hidden sigmoid", new int[] {4, 5, 3, 1}, List.of(SIG, SIG, SIG), 8, 12L),
        Arguments.of("hidden tanh", new int[] {4, 5, 3, 1}, List.of(TANH, TANH, SIG), 8, 13L),
        Arguments.of("hidden relu", new int[] {4, 5, 3, 1}, List.of(RELU, RELU, SIG), 8, 14L),
        Arguments.of("hidden leaky_relu", new int[] {4, 5, 3, 1}, List.of(LEAKY, LEAKY, SIG), 8, 15L),
        Arguments.of("shallow tanh, m = 1", new int[] {3, 4, 1}, List.of(TANH, SIG), 1, 16L),
        Arguments.of("shallow relu, m = 1", new int[] {3, 4, 1}, List.of(RELU, SIG), 1, 17L),
        Arguments.of("deep relu, 5 layers", new int[] {5, 8, 6, 4, 3, 1},
            List.of(RELU, RELU, RELU, RELU, SIG), 10, 18L),
        Arguments.of("deep mixed, 5 layers", new int[] {5, 6, 5, 4, 3, 1},
            List.of(TANH, LEAKY, RELU, SIG, SIG), 9, 19L),
        Arguments.of("deep tanh, 4 layers", new int[] {6, 5, 5, 4, 1}, List.of(TANH, TANH, TANH, SIG), 6, 20L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void analyticGradientMatchesCentralDifferences(String name, int[] sizes, List<Activation> activations,
      int m, long seed) {
    Problem problem = Problem.draw(Architecture.of(sizes, activations), m, seed);
    double[] before = problem.parameters.values().clone();
    double[] analytic = problem.analyticMeanGradient();

    Result result = problem.check(analytic);

    assertTrue(result.failures.isEmpty(), name + ": gradient check failed for " + result.failures.size()
        + " of " + analytic.length + " parameters:\n  " + String.join("\n  ", result.failures));
    assertEquals(analytic.length, result.checked, "every parameter checked");
    assertTrue(Arrays.equals(before, problem.parameters.values()), "perturbations must be undone exactly");
  }

  /** The checker itself must catch a wrong gradient and name it, or the test above proves nothing. */
  @Test
  void checkerReportsAWrongGradientByName() {
    Architecture arch = Architecture.of(new int[] {4, 5, 4, 1}, List.of(TANH, RELU, SIG));
    Problem problem = Problem.draw(arch, 6, 99L);
    double[] analytic = problem.analyticMeanGradient();
    Parameters view = new Parameters(arch, analytic);
    // Relative error 1e-5 / (2 + 1e-5) ≈ 5e-6 > 1e-7, and an absolute error far above the floor.
    view.W(2).set(3, 1, view.W(2).get(3, 1) * (1 + 1e-5) + 1e-8);
    view.b(1).set(0, 0, view.b(1).get(0, 0) - 1e-6);

    Result result = problem.check(analytic);

    assertEquals(2, result.failures.size(), String.join("\n", result.failures));
    // reported in flat-layout order: b1 comes before W2
    assertTrue(result.failures.get(0).startsWith("b1(0):"), result.failures.get(0));
    assertTrue(result.failures.get(1).startsWith("W2(3,1):"), result.failures.get(1));
    assertTrue(result.failures.get(0).contains("analytic") && result.failures.get(0).contains("numeric"),
        result.failures.get(0));
  }

  @Test
  void parameterNamesFollowTheFlatLayout() {
    Architecture arch = Architecture.of(new int[] {3, 2, 1}, List.of(RELU, SIG));
    // W1 (2, 3) column-major: 0..5, b1: 6..7, W2 (1, 2): 8..9, b2: 10
    String[] expected = {"W1(0,0)", "W1(1,0)", "W1(0,1)", "W1(1,1)", "W1(0,2)", "W1(1,2)", "b1(0)", "b1(1)",
        "W2(0,0)", "W2(0,1)", "b2(0)"};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], Close.parameterName(arch, i));
    }
  }

  // ---------------------------------------------------------------- the check

  private record Result(List<String> failures, int checked) {}

  private static final class Problem {
    final Parameters parameters;
    final Matrix X;
    final double[] Y;
    final Workspace<Matrix> ws;
    final boolean[][] baseSigns;

    private Problem(Parameters parameters, Matrix X, double[] Y) {
      this.parameters = parameters;
      this.X = X;
      this.Y = Y;
      this.ws = Workspace.float64(parameters.architecture(), X.cols());
      Network.forward(parameters, X, ws);
      this.baseSigns = kinkSigns();
    }

    /**
     * X ~ N(0, 1), Y ∈ {0, 1} with both classes when m > 1; W[l] ~ N(0, 1)/sqrt(n[l-1]), b[l] ~ 0.1·N(0, 1),
     * re-drawn until no relu / leaky_relu pre-activation is within {@link #KINK_MARGIN} of 0.
     */
    static Problem draw(Architecture arch, int m, long seed) {
      Random random = new Random(seed);
      Matrix X = Matrix.zeros(arch.inputSize(), m);
      for (int p = 0; p < X.size(); p++) {
        X.data()[p] = random.nextGaussian();
      }
      double[] Y = new double[m];
      do {
        for (int j = 0; j < m; j++) {
          Y[j] = random.nextBoolean() ? 1.0 : 0.0;
        }
      } while (m > 1 && (Arrays.stream(Y).sum() == 0.0 || Arrays.stream(Y).sum() == m));
      for (int attempt = 0; attempt < 1000; attempt++) {
        Parameters p = Parameters.zeros(arch);
        for (int l = 1; l <= arch.numLayers(); l++) {
          Matrix W = p.W(l);
          Matrix b = p.b(l);
          for (int i = 0; i < W.rows(); i++) {
            for (int j = 0; j < W.cols(); j++) {
              W.set(i, j, random.nextGaussian() / Math.sqrt(W.cols()));
            }
            b.set(i, 0, 0.1 * random.nextGaussian());
          }
        }
        if (minKinkDistance(p, X) >= KINK_MARGIN) {
          return new Problem(p, X, Y);
        }
      }
      throw new AssertionError("could not draw parameters with relu pre-activations away from 0");
    }

    private static double minKinkDistance(Parameters p, Matrix X) {
      Architecture arch = p.architecture();
      Workspace<Matrix> ws = Workspace.float64(arch, X.cols());
      Network.forward(p, X, ws);
      double min = Double.POSITIVE_INFINITY;
      for (int l = 1; l <= arch.numLayers(); l++) {
        if (hasKink(arch.activation(l))) {
          Matrix Z = ws.Zt(l, X.cols());
          for (int q = 0; q < Z.size(); q++) {
            min = Math.min(min, Math.abs(Z.data()[q]));
          }
        }
      }
      return min;
    }

    double[] analyticMeanGradient() {
      GradientSums sums = GradientSums.empty(parameters.architecture());
      Network.accumulateGradients(parameters, X, Y, 0, ws, sums);
      assertEquals(X.cols(), sums.count());
      double[] mean = sums.values().clone();
      for (int i = 0; i < mean.length; i++) {
        mean[i] /= sums.count();
      }
      return mean;
    }

    /** The mean cost J(θ) via a fresh {@link GradientSums}; also checks that no relu sign flipped. */
    double cost(String perturbation) {
      GradientSums sums = GradientSums.empty(parameters.architecture());
      Network.accumulateGradients(parameters, X, Y, 0, ws, sums);
      if (!Arrays.deepEquals(baseSigns, kinkSigns())) {
        fail(perturbation + " flips the sign of a relu pre-activation; raise KINK_MARGIN or lower H");
      }
      return sums.cost();
    }

    Result check(double[] analytic) {
      Architecture arch = parameters.architecture();
      double[] theta = parameters.values();
      List<String> failures = new ArrayList<>();
      int checked = 0;
      for (int i = 0; i < theta.length; i++) {
        String name = Close.parameterName(arch, i);
        double original = theta[i];
        double[] j = new double[5];
        for (int step = -2; step <= 2; step++) {
          if (step != 0) {
            theta[i] = original + step * H;
            j[step + 2] = cost(name + " + " + step + "h");
          }
        }
        theta[i] = original;
        double numeric = (-j[4] + 8.0 * j[3] - 8.0 * j[1] + j[0]) / (12.0 * H);
        double a = analytic[i];
        double difference = Math.abs(a - numeric);
        double relative = difference == 0.0 ? 0.0 : difference / (Math.abs(a) + Math.abs(numeric));
        checked++;
        if (difference >= MIN_ABSOLUTE_ERROR && !(relative < MAX_RELATIVE_ERROR)) {
          failures.add(name + ": analytic " + a + ", numeric " + numeric + ", relative error " + relative);
        }
      }
      return new Result(failures, checked);
    }

    private boolean[][] kinkSigns() {
      Architecture arch = parameters.architecture();
      boolean[][] signs = new boolean[arch.numLayers() + 1][];
      for (int l = 1; l <= arch.numLayers(); l++) {
        if (hasKink(arch.activation(l))) {
          Matrix Z = ws.Zt(l, X.cols());
          signs[l] = new boolean[Z.size()];
          for (int q = 0; q < Z.size(); q++) {
            signs[l][q] = Z.data()[q] > 0.0;
          }
        }
      }
      return signs;
    }

    private static boolean hasKink(Activation g) {
      return g == Activation.RELU || g == Activation.LEAKY_RELU;
    }
  }
}
