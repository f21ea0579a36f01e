package org.sparkdnn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumsTest {
  /** Every length from 0 to 13 (the four-way loop and each remainder), every start, exact on integers. */
  @Test
  void sumsEveryRangeExactlyOnIntegers() {
    double[] values = new double[20];
    double[] widenedFloats = new double[20];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * i - 7;
      widenedFloats[i] = (float) values[i];
    }
    for (int from = 0; from < 7; from++) {
      for (int to = from; to <= from + 13; to++) {
        double expected = 0;
        for (int i = from; i < to; i++) {
          expected += values[i];
        }
        assertEquals(expected, Sums.sum(values, from, to), 0.0, "[" + from + ", " + to + ")");
        assertEquals(expected, Sums.sum(widenedFloats, from, to), 0.0, "float [" + from + ", " + to + ")");
      }
    }
  }

  /** On random values it differs from the left-to-right sum by rounding only. */
  @Test
  void agreesWithTheSequentialSumToRounding() {
    SplittableRandom random = new SplittableRandom(3);
    double[] values = new double[4099];
    double sequential = 0;
    double magnitude = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble(-1, 1);
      sequential += values[i];
      magnitude += Math.abs(values[i]);
    }
    assertEquals(sequential, Sums.sum(values, 0, values.length), 4 * Math.ulp(magnitude));
  }
}
