package org.sparkdnn.data;

import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * How raw feature values are scaled while loading: not at all, or divided by a positive finite
 * constant (the course divides pixel values by 255). Division is performed as {@code x / divisor},
 * never as a multiplication by the reciprocal, so results are bit-identical to NumPy's
 * {@code x / 255.}. Immutable.
 */
public final class FeatureScaling implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The text that {@link #parse} accepts, and {@link #toString} returns, for no scaling. */
  public static final String NONE_TEXT = "none";

  private static final FeatureScaling NONE = new FeatureScaling(Double.NaN);

  /** The divisor, or NaN for no scaling. */
  private final double divisor;

  private FeatureScaling(double divisor) {
    this.divisor = divisor;
  }

  /** Returns the scaling that leaves values unchanged. */
  public static FeatureScaling none() {
    return NONE;
  }

  /**
   * Returns the scaling {@code x -> x / divisor}.
   *
   * @throws IllegalArgumentException if {@code divisor} is not positive and finite
   */
  public static FeatureScaling divideBy(double divisor) {
    if (!(divisor > 0.0 && divisor < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("expected a positive finite divisor, found " + divisor);
    }
    return new FeatureScaling(divisor);
  }

  /**
   * Parses {@code "none"} (any case) or a positive plain decimal number such as {@code "255"} or
   * {@code "255.0"}; surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static FeatureScaling parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase(NONE_TEXT)) {
      return NONE;
    }
    double divisor = Decimal.parse(trimmed, 0, trimmed.length());
    if (!(divisor > 0.0 && divisor < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "expected '" + NONE_TEXT + "' or a positive number, found '" + text + "'");
    }
    return new FeatureScaling(divisor);
  }

  /** Whether this scaling leaves values unchanged. */
  public boolean isNone() {
    return Double.isNaN(divisor);
  }

  /** The divisor, or empty for no scaling. */
  public OptionalDouble divisor() {
    return isNone() ? OptionalDouble.empty() : OptionalDouble.of(divisor);
  }

  /** Returns {@code x} unchanged for no scaling, else {@code x / divisor}. */
  public double apply(double x) {
    return isNone() ? x : x / divisor;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureScaling other
        && Double.doubleToLongBits(divisor) == Double.doubleToLongBits(other.divisor);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(divisor);
  }

  /** Returns {@code "none"} or the divisor ({@code "255"}, {@code "0.5"}), which {@link #parse} reads back. */
  @Override
  public String toString() {
    if (isNone()) {
      return NONE_TEXT;
    }
    boolean integral = divisor == Math.rint(divisor) && divisor < 1e15;
    return integral ? Long.toString((long) divisor) : Double.toString(divisor);
  }
}
