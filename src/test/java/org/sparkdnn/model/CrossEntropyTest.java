package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
  /** The intrinsic-based log1p stays within two ulps of the library's over (0, 1], down to subnormals. */
  @Test
  void log1pAgreesWithTheLibraryToTwoUlps() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double e = Math.exp(-random.nextDouble(0, 745));
      assertEquals(StrictMath.log1p(e), CrossEntropy.log1p(e), 2 * Math.ulp(StrictMath.log1p(e)), "log1p(" + e + ")");
    }
    for (double e : new double[] {0.0, Double.MIN_VALUE, 1e-300, 1e-17, 1.1102230246251565e-16, 2.3e-16, 0.5, 1.0}) {
      assertEquals(StrictMath.log1p(e), CrossEntropy.log1p(e), 2 * Math.ulp(StrictMath.log1p(e)), "log1p(" + e + ")");
    }
  }

  /** With a label of 0 or 1 the loss is the one softplus term the course's formula keeps. */
  @Test
  void lossOfALabelIsOneSoftplusTerm() {
    for (double z : new double[] {-800, -37.5, -2, -1e-9, 0, 1e-9, 0.3, 2, 40, 800}) {
      assertEquals(CrossEntropy.softplus(-z), CrossEntropy.loss(z, 1.0), 0.0);
      assertEquals(CrossEntropy.softplus(z), CrossEntropy.loss(z, 0.0), 0.0);
      double a = 1 / (1 + Math.exp(-z));
      if (a > 1e-12 && a < 1 - 1e-12) {
        assertEquals(-Math.log(a), CrossEntropy.loss(z, 1.0), 1e-9 * Math.max(1, -Math.log(a)));
        assertEquals(-Math.log(1 - a), CrossEntropy.loss(z, 0.0), 1e-9 * Math.max(1, -Math.log(1 - a)));
      }
    }
    assertEquals(0.25 * CrossEntropy.softplus(-1.5) + 0.75 * CrossEntropy.softplus(1.5), CrossEntropy.loss(1.5, 0.25),
        0.0);
  }
}
