package org.sparkdnn.config;

import java.util.function.UnaryOperator;

/** Checks shared by several settings; each throws what was expected and what was found, without the name. */
final class Checks {
  private Checks() {}

  /** At least {@code min}: "expected 0 or more, found -1" ({@code what} = "0" or "0 (automatic)"). */
  static UnaryOperator<Integer> atLeast(int min, String what) {
    return value -> {
      if (value < min) {
        throw new IllegalArgumentException("expected " + what + " or more, found " + value);
      }
      return value;
    };
  }

  /** At least 0, as {@link #atLeast} says it, with {@code unit} after "0 or more". */
  static UnaryOperator<Long> notNegative(String unit) {
    return value -> {
      if (value < 0) {
        throw new IllegalArgumentException("expected 0 or more" + unit + ", found " + value);
      }
      return value;
    };
  }

  /** Above 0: "expected more than 0 seconds, found 0". */
  static UnaryOperator<Long> positive(String unit) {
    return value -> {
      if (value <= 0) {
        throw new IllegalArgumentException("expected more than 0" + unit + ", found " + value);
      }
      return value;
    };
  }

  /** A finite number of 0 or more: "expected a finite number >= 0, found -1.0". */
  static UnaryOperator<Double> finiteNotNegative() {
    return value -> {
      if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("expected a finite number >= 0, found " + value);
      }
      return value;
    };
  }

  /** Strictly between 0 and 1: "expected a number in (0, 1), found 1.0". */
  static UnaryOperator<Double> fraction() {
    return value -> {
      if (!(value > 0.0 && value < 1.0)) {
        throw new IllegalArgumentException("expected a number in (0, 1), found " + value);
      }
      return value;
    };
  }
}
