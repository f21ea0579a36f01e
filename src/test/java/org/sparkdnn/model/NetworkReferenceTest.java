package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparkdnn.linalg.Matrix;

/**
 * The sample-major BLAS path of {@link Network} against the course's equations written as plain loops over
 * column-major Z[l] (n[l], m), A[l], dZ[l]: the same gradient sums and cost, for every activation, inputs wider and
 * narrower than the first layer, and blocks of one sample.
 */
class NetworkReferenceTest {
  private static final List<Architecture> ARCHITECTURES = List.of(
      Architecture.of(new int[] {7, 3, 1}, List.of(Activation.TANH, Activation.SIGMOID)),
      Architecture.of(new int[] {2, 9, 4, 1}, List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.SIGMOID)),
      Architecture.of(new int[] {5, 4, 6, 3, 1},
          List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.SIGMOID)),
      Architecture.of(new int[] {4, 1}, List.of(Activation.SIGMOID)));

  @Test
  void gradientSumsAndCostMatchPlainLoops() {
    int checked = 0;
    for (Architecture arch : ARCHITECTURES) {
      for (int m : new int[] {1, 2, 13}) {
        for (long seed = 1; seed <= 3; seed++) {
          SplittableRandom random = new SplittableRandom(seed * 31 + m);
          Parameters p = Initializer.XAVIER.initialize(arch, seed);
          for (int l = 1; l <= arch.numLayers(); l++) {
            Matrix b = p.b(l);
            for (int i = 0; i < b.rows(); i++) {
              b.set(i, 0, random.nextDouble(-0.5, 0.5));
            }
          }
          double[] x = new double[arch.inputSize() * m];
          for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-2.0, 2.0);
          }
          double[] y = new double[m];
          for (int j = 0; j < m; j++) {
            y[j] = random.nextInt(2);
          }
          GradientSums found = GradientSums.empty(arch);
          Network.accumulateGradients(p, Matrix.wrap(arch.inputSize(), m, x), y, 0, Workspace.float64(arch, m), found);
          double[] expected = new double[arch.numParameters()];
          double cost = plainLoops(p, x, y, m, expected);
          String where = arch + ", m = " + m + ", seed " + seed;
          assertEquals(m, found.count(), where);
          assertEquals(cost, found.costSum(), 1e-12 * Math.abs(cost), where + ": cost");
          double[] values = found.values();
          for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - values[i]) <= 1e-12 * Math.max(1.0, Math.abs(expected[i])),
                where + ": value " + i + " expected " + expected[i] + ", found " + values[i]);
          }
          checked++;
        }
      }
    }
    assertEquals(ARCHITECTURES.size() * 9, checked);
  }

  /** The course's forward and backward as loops; adds the gradient sums into {@code sums}, returns the cost sum. */
  private static double plainLoops(Parameters p, double[] x, double[] y, int m, double[] sums) {
    Architecture arch = p.architecture();
    int L = arch.numLayers();
    double[][] z = new double[L + 1][];
    double[][] a = new double[L + 1][];
    a[0] = x;
    for (int l = 1; l <= L; l++) {
      int n = arch.units(l);
      int k = arch.units(l - 1);
      Matrix W = p.W(l);
      z[l] = new double[n * m];
      a[l] = new double[n * m];
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < n; i++) {
          double s = 0.0;
          for (int q = 0; q < k; q++) {
            s += W.get(i, q) * a[l - 1][q + j * k];
          }
          z[l][i + j * n] = s + p.b(l).get(i, 0);
        }
      }
      arch.activation(l).forward(z[l], a[l], 0, n * m);
    }
    double cost = CrossEntropy.sum(z[L], 0, y, 0, m);
    double[] dZ = new double[m];
    for (int j = 0; j < m; j++) {
      dZ[j] = a[L][j] - y[j];
    }
    for (int l = L; l >= 1; l--) {
      int n = arch.units(l);
      int k = arch.units(l - 1);
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < k; q++) {
          double s = 0.0;
          for (int j = 0; j < m; j++) {
            s += dZ[i + j * n] * a[l - 1][q + j * k];
          }
          sums[arch.weightOffset(l) + i + q * n] += s;
        }
        for (int j = 0; j < m; j++) {
          sums[arch.biasOffset(l) + i] += dZ[i + j * n];
        }
      }
      if (l > 1) {
        Matrix W = p.W(l);
        double[] dA = new double[k * m];
        for (int j = 0; j < m; j++) {
          for (int q = 0; q < k; q++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
              s += W.get(i, q) * dZ[i + j * n];
            }
            dA[q + j * k] = s;
          }
        }
        arch.activation(l - 1).backward(z[l - 1], a[l - 1], dA, 0, k * m);
        dZ = dA;
      }
    }
    return cost;
  }
}
