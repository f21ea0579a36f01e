package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.testing.GoldenFile;

/**
 * The float32 passes of {@link Network} against double: the numpy golden values and {@link Network} itself,
 * to float tolerance (a finite-difference check means nothing in float, so the double gradients are the reference).
 */
class FloatNetworkTest {
  /** Relative tolerance of a float pass; the absolute floor is this times the largest value compared. */
  private static final double REL = 1e-5;

  private static final List<Architecture> ARCHITECTURES = List.of(
      Architecture.of(new int[] {7, 3, 1}, List.of(Activation.TANH, Activation.SIGMOID)),
      Architecture.of(new int[] {2, 9, 4, 1}, List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.SIGMOID)),
      Architecture.of(new int[] {5, 4, 6, 3, 1},
          List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.SIGMOID)),
      Architecture.of(new int[] {4, 1}, List.of(Activation.SIGMOID)));

  static List<String> files() {
    return GoldenFile.list("network-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void costAndMeanGradientsMatchTheGoldenValues(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    double[] before = p.values().clone();
    Matrix X = g.matrix("X");
    GradientSums sums = GradientSums.empty(p.architecture());
    Network.accumulateGradients(FloatParameters.of(p), rounded(X), g.vector("Y"), 0,
        Workspace.float32(p.architecture(), X.cols()), sums);
    assertEquals(X.cols(), sums.count(), "count");
    assertClose(g.number("cost"), sums.cost(), REL, 0.0, file + ": cost");
    double[] mean = sums.values().clone();
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= sums.count();
    }
    double[] expected = g.flatGradients("gradients");
    assertClose(expected, mean, REL, REL * maxAbs(expected), file + ": mean gradients", p.architecture());
    assertTrue(Arrays.equals(before, p.values()), "the double parameters must stay as they were");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void probabilitiesMatchTheGoldenValues(String file) {
    GoldenFile g = GoldenFile.load(file);
    Parameters p = g.parameters("parameters");
    Matrix X = g.matrix("X");
    double[] out = new double[X.cols() + 1];
    Network.predictProbabilities(FloatParameters.of(p), rounded(X), Workspace.float32(p.architecture(),
        X.cols()), out, 1);
    double[] found = Arrays.copyOfRange(out, 1, out.length);
    assertClose(g.vector("AL"), found, REL, 1e-7, file + ": AL");
    assertEquals(0.0, out[0]);
  }

  @Test
  void gradientSumsAndCostAgreeWithDoubleToFloatTolerance() {
    int differing = 0;
    for (Architecture arch : ARCHITECTURES) {
      for (int m : new int[] {1, 13, 300}) {
        SplittableRandom random = new SplittableRandom(17L * m + arch.numParameters());
        Parameters p = Initializer.XAVIER.initialize(arch, m);
        for (int l = 1; l <= arch.numLayers(); l++) {
          for (int i = 0; i < arch.units(l); i++) {
            p.b(l).set(i, 0, random.nextDouble(-0.5, 0.5));
          }
        }
        double[] x = new double[arch.inputSize() * m];
        for (int i = 0; i < x.length; i++) {
          // values that are floats, so both passes see the same inputs and differ only by their arithmetic
          x[i] = (float) random.nextDouble(-2.0, 2.0);
        }
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
          y[j] = random.nextInt(2);
        }
        Matrix X = Matrix.wrap(arch.inputSize(), m, x);
        GradientSums expected = GradientSums.empty(arch);
        Network.accumulateGradients(p, X, y, 0, Workspace.float64(arch, m), expected);
        GradientSums found = GradientSums.empty(arch);
        // a workspace bigger than the block, used before on another size, as executors reuse it
        Workspace<FloatMatrix> ws = Workspace.float32(arch, 400);
        Network.accumulateGradients(FloatParameters.of(p), rounded(Matrix.zeros(arch.inputSize(), 400)),
            new double[400], 0, ws, GradientSums.empty(arch));
        Network.accumulateGradients(FloatParameters.of(p), rounded(X), y, 0, ws, found);
        String where = arch + ", m = " + m;
        assertEquals(m, found.count(), where);
        assertClose(expected.costSum(), found.costSum(), REL, 0.0, where + ": cost");
        double[] e = expected.values();
        assertClose(e, found.values(), REL, REL * maxAbs(e), where + ": gradient sums", arch);
        if (!Arrays.equals(e, found.values())) {
          differing++;
        }
      }
    }
    // the float pass really rounds to float: it does not reproduce the double sums bit for bit
    assertTrue(differing > 0, "float32 gradient sums equal to the double ones in every case");
  }

  /** X rounded to float. Shapes: X (n, m) → (n, m). */
  private static FloatMatrix rounded(Matrix X) {
    FloatMatrix f = FloatMatrix.zeros(X.rows(), X.cols());
    for (int j = 0; j < X.cols(); j++) {
      for (int i = 0; i < X.rows(); i++) {
        f.data()[i + j * X.rows()] = (float) X.get(i, j);
      }
    }
    return f;
  }

  private static double maxAbs(double[] values) {
    double max = 0.0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
