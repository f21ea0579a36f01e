package org.sparkdnn.model;

import java.util.Locale;

/**
 * The floating-point precision of the cached features and of the per-block forward and backward passes. The
 * driver's parameters, gradient sums, the division by m and the update stay double in both.
 */
public enum Precision {
  /** Features and passes in double (8 bytes per value, DGEMM): the default, and what the course runs use. */
  FLOAT64("float64"),
  /** Features cached as float (4 bytes per value) and passes in float (SGEMM); costs and sums added in double. */
  FLOAT32("float32");

  /** The default precision's label, as {@code --precision} declares it. */
  public static final String DEFAULT_LABEL = "float64";

  private final String label;

  Precision(String label) {
    this.label = label;
  }

  /** The name used on the command line and in model files: float64, float32. */
  public String label() {
    return label;
  }

  /** Parses a label (case-insensitive). */
  public static Precision parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    for (Precision precision : values()) {
      if (precision.label.equals(key)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + text + "': expected float64 or float32");
  }

  @Override
  public String toString() {
    return label;
  }
}
