package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparkdnn.linalg.Matrix;

class ParametersTest {
  private static final Architecture ARCH = Architecture.of(new int[] {4, 3, 2, 1},
      List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID));

  @Test
  void viewsHitTheirFlatOffsets() {
    double[] values = new double[ARCH.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Parameters p = new Parameters(ARCH, values);
    assertSame(values, p.values(), "wrapped, not copied");
    // W1 (3, 4) column-major from 0: W1(i, j) = i + 3j
    assertEquals(0.0, p.W(1).get(0, 0));
    assertEquals(1.0, p.W(1).get(1, 0));
    assertEquals(3.0, p.W(1).get(0, 1));
    assertEquals(11.0, p.W(1).get(2, 3));
    assertEquals(12.0, p.b(1).get(0, 0));
    assertEquals(14.0, p.b(1).get(2, 0));
    assertEquals(15.0, p.W(2).get(0, 0));
    assertEquals(20.0, p.W(2).get(1, 2));
    assertEquals(21.0, p.b(2).get(0, 0));
    assertEquals(23.0, p.W(3).get(0, 0));
    assertEquals(24.0, p.W(3).get(0, 1));
    assertEquals(25.0, p.b(3).get(0, 0));
    // shapes
    for (int l = 1; l <= ARCH.numLayers(); l++) {
      assertEquals("(" + ARCH.units(l) + ", " + ARCH.units(l - 1) + ")", p.W(l).shape());
      assertEquals("(" + ARCH.units(l) + ", 1)", p.b(l).shape());
    }
  }

  @Test
  void viewsTileTheVectorExactlyOnce() {
    Parameters p = Parameters.zeros(ARCH);
    int[] hits = new int[ARCH.numParameters()];
    for (int l = 1; l <= ARCH.numLayers(); l++) {
      for (Matrix view : new Matrix[] {p.W(l), p.b(l)}) {
        for (int j = 0; j < view.cols(); j++) {
          for (int i = 0; i < view.rows(); i++) {
            hits[view.offset() + i + j * view.rows()]++;
          }
        }
      }
    }
    for (int i = 0; i < hits.length; i++) {
      assertEquals(1, hits[i], "flat index " + i + " covered by views");
    }
  }

  @Test
  void writesThroughAViewLandInTheVector() {
    Parameters p = Parameters.zeros(ARCH);
    p.W(2).set(1, 2, 7.5);
    p.b(3).set(0, 0, -1.25);
    assertEquals(7.5, p.values()[ARCH.weightOffset(2) + 1 + 2 * 2]);
    assertEquals(-1.25, p.values()[ARCH.biasOffset(3)]);
  }

  @Test
  void wrongVectorLengthIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Parameters(ARCH, new double[25]));
    assertTrue(e.getMessage().contains("26 parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("vector of 25"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Parameters(ARCH, new double[27]));
    assertTrue(e.getMessage().contains("vector of 27"), e.getMessage());
  }

  @Test
  void descendIsTheCourseUpdateRoundedInTheCourseOrder() {
    Random random = new Random(8);
    double[] start = new double[ARCH.numParameters()];
    for (int i = 0; i < start.length; i++) {
      start[i] = 0.01 * random.nextGaussian(); // small, so the step's last bits show
    }
    GradientSums sums = GradientSums.empty(ARCH);
    double[] total = sums.allocated();
    for (int i = 0; i < total.length; i++) {
      total[i] = 10 * random.nextGaussian();
    }
    sums.addSamples(4.2, 3); // m = 3: 1/m is inexact, so the rounding order shows
    double learningRate = 0.5;

    Parameters p = new Parameters(ARCH, start.clone());
    p.descend(learningRate, sums);

    int differentFromDivision = 0;
    for (int i = 0; i < start.length; i++) {
      double expected = start[i] - learningRate * ((1.0 / 3) * total[i]);
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(p.values()[i])) {
        fail("parameter " + i + ": expected " + expected + ", found " + p.values()[i]);
      }
      if (expected != start[i] - learningRate * (total[i] / 3)) {
        differentFromDivision++;
      }
    }
    // The data must be able to tell (1/m)·sum from sum/m, or the bit check above is weaker than it looks.
    assertTrue(differentFromDivision > 0, "no value distinguishes the rounding orders");
    assertArrayEquals(sums.values(), total, "descend must not change the sums");
  }

  @Test
  void descendRejectsSumsOfAnotherSize() {
    Architecture other = Architecture.withHidden(new int[] {4, 1}, Activation.SIGMOID);
    GradientSums sums = GradientSums.empty(other);
    sums.allocated();
    sums.addSamples(1.0, 2);
    Parameters p = Parameters.zeros(ARCH);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.descend(0.1, sums));
    assertTrue(e.getMessage().contains("gradient has 5 values"), e.getMessage());
    assertTrue(e.getMessage().contains("parameters have 26"), e.getMessage());
    assertArrayEquals(new double[26], p.values(), "parameters untouched after the error");
  }

  @Test
  void descendWithoutSamplesFails() {
    Parameters p = Parameters.zeros(ARCH);
    assertThrows(IllegalStateException.class, () -> p.descend(0.1, GradientSums.empty(ARCH)));
  }

  @Test
  void copyIsDeepAndEqualityIsByValue() {
    Parameters p = Parameters.zeros(ARCH);
    p.values()[3] = 1.5;
    Parameters copy = p.copy();
    assertNotSame(p.values(), copy.values());
    assertEquals(p, copy);
    assertEquals(p.hashCode(), copy.hashCode());
    copy.values()[3] = 2.5;
    assertEquals(1.5, p.values()[3]);
    assertNotEquals(p, copy);
    assertNotEquals(Parameters.zeros(ARCH),
        Parameters.zeros(Architecture.of(new int[] {4, 3, 2, 1},
            List.of(Activation.TANH, Activation.TANH, Activation.SIGMOID))));
  }
}
