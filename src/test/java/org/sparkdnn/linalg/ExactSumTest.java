package org.sparkdnn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ExactSum}: the exact sum of doubles of every magnitude, whatever the order and the split. */
class ExactSumTest {
  private static List<Double> values() {
    Random random = new Random(14);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
    }
    values.addAll(List.of(1e300, -1e300, Double.MIN_VALUE, -3 * Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1.0, 0.0, -0.0, 0x1p-1022, 0x1.fffffffffffffp-1023));
    return values;
  }

  @Test
  void theSumIsExactForAnyOrderAndSplit() {
    List<Double> values = values();
    BigDecimal exact = BigDecimal.ZERO;
    for (double v : values) {
      exact = exact.add(new BigDecimal(v));
    }
    ExactSum forward = new ExactSum();
    values.forEach(forward::add);
    assertEquals(0, exact.compareTo(forward.toBigDecimal()));

    List<Double> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, new Random(5));
    ExactSum merged = new ExactSum();
    for (int part = 0; part < 5; part++) {
      ExactSum partial = new ExactSum();
      shuffled.subList(part * shuffled.size() / 5, (part + 1) * shuffled.size() / 5).forEach(partial::add);
      merged.add(partial);
    }
    assertEquals(0, exact.compareTo(merged.toBigDecimal()));
    assertEquals(exact.doubleValue(), merged.value(), 0.0);
  }

  @Test
  void cancellationLosesNothing() {
    ExactSum sum = new ExactSum();
    sum.add(1e16);
    sum.add(1.0);
    sum.add(-1e16);
    assertEquals(1.0, sum.value(), 0.0);
  }

  @Test
  void manyAdditionsCarry() {
    ExactSum sum = new ExactSum();
    for (int i = 0; i < 3_000_000; i++) {
      sum.add(-Double.MAX_VALUE);
    }
    assertEquals(0, new BigDecimal(-Double.MAX_VALUE).multiply(BigDecimal.valueOf(3_000_000))
        .compareTo(sum.toBigDecimal()));
    assertEquals(Double.NEGATIVE_INFINITY, sum.value(), 0.0);
  }

  @Test
  void nonFiniteValuesAreRefused() {
    ExactSum sum = new ExactSum();
    assertThrows(IllegalArgumentException.class, () -> sum.add(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> sum.add(Double.POSITIVE_INFINITY));
  }
}
