package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureScalingTest {

  @Test
  void noneLeavesValuesUnchanged() {
    FeatureScaling none = FeatureScaling.none();
    assertTrue(none.isNone());
    assertEquals(OptionalDouble.empty(), none.divisor());
    for (double x : new double[] {0.0, -0.0, 17.0, -3.5, Double.MIN_VALUE, Double.MAX_VALUE}) {
      assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(none.apply(x)));
    }
    assertEquals("none", none.toString());
  }

  @Test
  void dividesExactlyLikeTheCourse() {
    FeatureScaling s = FeatureScaling.parse("255");
    assertFalse(s.isNone());
    assertEquals(OptionalDouble.of(255.0), s.divisor());
    boolean differsFromReciprocal = false;
    for (int v = 0; v <= 255; v++) {
      double expected = v / 255.0;
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(s.apply(v)), "pixel " + v);
      differsFromReciprocal |= expected != v * (1.0 / 255.0);
    }
    // Guards the test itself: multiplication by 1/255 would give different bits for some pixel.
    assertTrue(differsFromReciprocal);
    assertEquals(Double.doubleToRawLongBits(17 / 255.0), Double.doubleToRawLongBits(s.apply(17.0)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "NONE", " None "})
  void parsesNone(String text) {
    assertEquals(FeatureScaling.none(), FeatureScaling.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"standardize", "STANDARDIZE", " Standardize "})
  void parsesStandardize(String text) {
    FeatureScaling s = FeatureScaling.parse(text);
    assertEquals(FeatureScaling.standardize(), s);
    assertTrue(s.isStandardize() && !s.isNone() && s.divisor().isEmpty());
    assertEquals("standardize", s.toString());
    // the per-feature step comes after loading: while loading, values stay as read
    assertEquals(4000.5, s.apply(4000.5), 0.0);
    assertTrue(!FeatureScaling.none().equals(s) && !FeatureScaling.none().isStandardize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"255", "255.0", "255.", "+255", " 255 ", "2.55e2", "2.55E+2"})
  void parsesPositiveNumbers(String text) {
    assertEquals(FeatureScaling.divideBy(255.0), FeatureScaling.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "0", "-0", "0.0", "-255", "abc", "NaN", "Infinity", "1e400", "255d",
    "0x1p8", "255,0", "25 5", "nonee", "1/255"})
  void rejectsOtherText(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureScaling.parse(text));
    assertEquals("expected 'none', 'standardize' or a positive number, found '" + text + "'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void divideByRejectsNonPositiveOrNonFinite(double divisor) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureScaling.divideBy(divisor));
    assertEquals("expected a positive finite divisor, found " + divisor, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {255.0, 1.0, 0.5, 3.0e-7, 1.0 / 3.0, 1e15, 1e300, Double.MIN_VALUE, Double.MAX_VALUE})
  void toStringRoundTripsThroughParse(double divisor) {
    FeatureScaling s = FeatureScaling.divideBy(divisor);
    assertEquals(s, FeatureScaling.parse(s.toString()));
    assertEquals(divisor, FeatureScaling.parse(s.toString()).divisor().getAsDouble());
  }

  @Test
  void toStringOfIntegralDivisorHasNoFraction() {
    assertEquals("255", FeatureScaling.divideBy(255.0).toString());
    assertEquals("0.5", FeatureScaling.divideBy(0.5).toString());
    assertEquals(FeatureScaling.none(), FeatureScaling.parse(FeatureScaling.none().toString()));
  }

  @Test
  void serializes() throws IOException, ClassNotFoundException {
    assertEquals(FeatureScaling.divideBy(255), CsvFormatTest.roundTrip(FeatureScaling.divideBy(255)));
    FeatureScaling none = (FeatureScaling) CsvFormatTest.roundTrip(FeatureScaling.none());
    assertTrue(none.isNone());
    assertEquals(FeatureScaling.none(), none);
    assertEquals(FeatureScaling.standardize(), CsvFormatTest.roundTrip(FeatureScaling.standardize()));
  }
}
