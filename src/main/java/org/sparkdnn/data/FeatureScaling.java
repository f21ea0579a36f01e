package org.sparkdnn.data;

import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * How raw feature values are scaled: not at all, divided by a positive finite constant while loading (the course
 * divides pixel values by 255), or standardized per feature by the training data's statistics
 * ({@link Standardization}, applied to the loaded blocks: {@link #apply} leaves the values as read). Division is
 * performed as {@code x / divisor}, never as a multiplication by the reciprocal, so results are bit-identical to
 * NumPy's {@code x / 255.}. Immutable.
 */
public final class FeatureScaling implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The text that {@link #parse} accepts, and {@link #toString} returns, for no scaling. */
  public static final String NONE_TEXT = "none";

  /** The text that {@link #parse} accepts, and {@link #toString} returns, for per-feature standardization. */
  public static final String STANDARDIZE_TEXT = "standardize";

  private static final FeatureScaling NONE = new FeatureScaling(Double.NaN, false);
  private static final FeatureScaling STANDARDIZE = new FeatureScaling(Double.NaN, true);

  /** The divisor, or NaN for no scaling and for standardization. */
  private final double divisor;
  private final boolean standardize;

  private FeatureScaling(double divisor, boolean standardize) {
    this.divisor = divisor;
    this.standardize = standardize;
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
    return new FeatureScaling(divisor, false);
  }

  /** Returns per-feature standardization by the training data's mean and standard deviation. */
  public static FeatureScaling standardize() {
    return STANDARDIZE;
  }

  /**
   * Parses {@code "none"}, {@code "standardize"} (any case) or a positive plain decimal number such as {@code "255"} or
   * {@code "255.0"}; surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static FeatureScaling parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase(NONE_TEXT)) {
      return NONE;
    }
    if (trimmed.equalsIgnoreCase(STANDARDIZE_TEXT)) {
      return STANDARDIZE;
    }
    double divisor = Decimal.parse(trimmed, 0, trimmed.length());
    if (!(divisor > 0.0 && divisor < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "expected '" + NONE_TEXT + "', '" + STANDARDIZE_TEXT + "' or a positive number, found '" + text + "'");
    }
    return new FeatureScaling(divisor, false);
  }

  /** Whether this scaling leaves values unchanged. */
  public boolean isNone() {
    return Double.isNaN(divisor) && !standardize;
  }

  /** Whether this is per-feature standardization, whose {@link Standardization} is applied after loading. */
  public boolean isStandardize() {
    return standardize;
  }

  /** The divisor, or empty for no scaling and for standardization. */
  public OptionalDouble divisor() {
    return Double.isNaN(divisor) ? OptionalDouble.empty() : OptionalDouble.of(divisor);
  }

  /** While loading: {@code x / divisor}, else {@code x} unchanged (standardization comes after loading). */
  public double apply(double x) {
    return Double.isNaN(divisor) ? x : x / divisor;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureScaling other && standardize == other.standardize
        && Double.doubleToLongBits(divisor) == Double.doubleToLongBits(other.divisor);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(divisor) + (standardize ? 1 : 0);
  }

  /**
   * Returns {@code "none"}, {@code "standardize"} or the divisor ({@code "255"}, {@code "0.5"}), which
   * {@link #parse} reads back.
   */
  @Override
  public String toString() {
    if (isNone()) {
      return NONE_TEXT;
    }
    if (standardize) {
      return STANDARDIZE_TEXT;
    }
    boolean integral = divisor == Math.rint(divisor) && divisor < 1e15;
    return integral ? Long.toString((long) divisor) : Double.toString(divisor);
  }
}
