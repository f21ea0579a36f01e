package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTest {
  private static final double S = -99.0; // sentinel outside the range an operation may touch

  @Test
  void sigmoidValuesAndDerivative() {
    double[] z = {S, 0.0, 2.0, -3.0, 800.0, -800.0, S};
    double[] a = forward(Activation.SIGMOID, z);
    assertEquals(0.5, a[1], 0.0);
    assertEquals(1.0 / (1.0 + Math.exp(-2.0)), a[2], 0.0);
    assertEquals(0.04742587317756678, a[3], 1e-17);
    assertEquals(1.0, a[4], 0.0); // saturates, no overflow
    assertEquals(0.0, a[5], 0.0);
    double[] d = backward(Activation.SIGMOID, z, a);
    assertEquals(0.25, d[1], 0.0);
    assertEquals(a[2] * (1 - a[2]), d[2], 0.0);
    assertEquals(0.045176659730912, d[3], 1e-15);
    assertEquals(0.0, d[4], 0.0);
  }

  @Test
  void tanhValuesAndDerivative() {
    double[] z = {S, 0.0, 0.5, -1.5, S};
    double[] a = forward(Activation.TANH, z);
    assertEquals(0.0, a[1], 0.0);
    assertEquals(0.46211715726000974, a[2], 1e-16);
    assertEquals(-0.9051482536448664, a[3], 1e-16);
    double[] d = backward(Activation.TANH, z, a);
    assertEquals(1.0, d[1], 0.0);
    assertEquals(1 - a[2] * a[2], d[2], 0.0);
    assertEquals(0.18070663892364855, d[3], 1e-15);
  }

  @Test
  void reluValuesAndDerivativeIncludingZero() {
    double[] z = {S, -2.0, -0.0, 0.0, 1e-300, 3.5, S};
    double[] a = forward(Activation.RELU, z);
    assertArrayEquals(new double[] {S, 0.0, 0.0, 0.0, 1e-300, 3.5, S}, a);
    double[] d = backward(Activation.RELU, z, a);
    // g'(0) = 0: the course's relu_backward sets dZ[Z <= 0] = 0
    assertArrayEquals(new double[] {S, 0.0, 0.0, 0.0, 1.0, 1.0, S}, d);
  }

  @Test
  void leakyReluValuesAndDerivativeIncludingZero() {
    double[] z = {S, -2.0, 0.0, 1e-300, 3.5, S};
    double[] a = forward(Activation.LEAKY_RELU, z);
    assertArrayEquals(new double[] {S, -0.02, 0.0, 1e-300, 3.5, S}, a);
    double[] d = backward(Activation.LEAKY_RELU, z, a);
    // g'(0) = 0.01 (z > 0 is false at 0)
    assertArrayEquals(new double[] {S, 0.01, 0.01, 1.0, 1.0, S}, d);
    assertEquals(0.01, Activation.LEAKY_SLOPE);
  }

  /**
   * The branch-free ReLU loops (a max and a sign mask) give the course's definitions, {@code z > 0 ? z : 0} and
   * {@code dZ[Z <= 0] = 0}, on random values, zeros of both signs, subnormals and infinities, in both precisions.
   */
  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu"})
  void branchFreeReluMatchesTheCourseDefinition(String name) {
    Activation g = Activation.parse(name);
    double slope = g == Activation.RELU ? 0.0 : Activation.LEAKY_SLOPE;
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0};
    int n = 1000 + specials.length;
    double[] z = new double[n];
    double[] dA = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = i < specials.length ? specials[i] : random.nextDouble(-3, 3);
      dA[i] = random.nextDouble(-2, 2);
    }
    double[] a = new double[n];
    g.forward(z, a, 0, n);
    double[] d = dA.clone();
    g.backward(z, a, d, 0, n);
    float[] zf = new float[n];
    float[] af = new float[n];
    float[] df = new float[n];
    for (int i = 0; i < n; i++) {
      zf[i] = (float) z[i];
      df[i] = (float) dA[i];
    }
    g.forward(zf, af, 0, n);
    g.backward(zf, af, df, 0, n);
    for (int i = 0; i < n; i++) {
      assertEquals(z[i] > 0 ? z[i] : slope == 0 ? 0.0 : slope * z[i], a[i], 0.0, "g(" + z[i] + ")");
      assertEquals(z[i] > 0 ? dA[i] : slope * dA[i], d[i], 0.0, "dZ at z = " + z[i]);
      assertEquals(zf[i] > 0 ? zf[i] : slope == 0 ? 0.0f : (float) slope * zf[i], af[i], 0.0f,
          "float g(" + zf[i] + ")");
      assertEquals(zf[i] > 0 ? (float) dA[i] : (float) slope * (float) dA[i], df[i], 0.0f,
          "float dZ at z = " + zf[i]);
    }
  }

  /** g' against a central difference of g, away from the kinks. */
  @ParameterizedTest
  @ValueSource(strings = {"sigmoid", "tanh", "relu", "leaky_relu"})
  void derivativeMatchesCentralDifference(String name) {
    Activation g = Activation.parse(name);
    double h = 1e-5;
    for (double z : new double[] {-3.1, -0.7, -0.05, 0.05, 0.4, 2.2}) {
      double numeric = (apply(g, z + h) - apply(g, z - h)) / (2 * h);
      double[] d = {1.0};
      g.backward(new double[] {z}, new double[] {apply(g, z)}, d, 0, 1);
      double analytic = d[0];
      assertEquals(numeric, analytic, 1e-9, name + "'(" + z + ")");
    }
  }

  /** backward multiplies dA by g'(Z) in place: dZ = dA ∘ g'(Z). */
  @Test
  void backwardMultipliesTheIncomingGradient() {
    double[] z = {1.0, -1.0, 2.0};
    double[] a = new double[3];
    Activation.TANH.forward(z, a, 0, 3);
    double[] d = {2.0, -3.0, 0.5};
    Activation.TANH.backward(z, a, d, 0, 3);
    for (int i = 0; i < 3; i++) {
      double t = Math.tanh(z[i]);
      assertEquals(new double[] {2.0, -3.0, 0.5}[i] * (1 - t * t), d[i], 0.0);
    }
  }

  @Test
  void parseLabelsAndVariants() {
    assertEquals(Activation.SIGMOID, Activation.parse("sigmoid"));
    assertEquals(Activation.TANH, Activation.parse("TANH"));
    assertEquals(Activation.RELU, Activation.parse(" relu "));
    assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky_relu"));
    assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky-relu"));
    assertEquals(Activation.LEAKY_RELU, Activation.parse("Leaky-ReLU"));
    for (Activation g : Activation.values()) {
      assertEquals(g, Activation.parse(g.label()));
      assertEquals(g.label(), g.toString());
    }
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("softmax"));
    assertTrue(e.getMessage().contains("'softmax'"), e.getMessage());
    assertTrue(e.getMessage().contains("sigmoid, tanh, relu, leaky_relu"), e.getMessage());
    assertEquals("sigmoid, tanh, relu, leaky_relu", Activation.names());
  }

  /** g(z) of one element, through the block loop. */
  private static double apply(Activation g, double z) {
    double[] a = new double[1];
    g.forward(new double[] {z}, a, 0, 1);
    return a[0];
  }

  /** forward over [1, length − 1): the first and last elements are sentinels that must stay untouched. */
  private static double[] forward(Activation g, double[] z) {
    double[] a = new double[z.length];
    a[0] = S;
    a[a.length - 1] = S;
    g.forward(z, a, 1, z.length - 2);
    return a;
  }

  /** g'(z) as backward's product with dA = 1, over [1, length − 1). */
  private static double[] backward(Activation g, double[] z, double[] a) {
    double[] d = new double[z.length];
    java.util.Arrays.fill(d, 1.0);
    d[0] = S;
    d[d.length - 1] = S;
    g.backward(z, a, d, 1, z.length - 2);
    return d;
  }
}
