package org.sparkdnn.data;

/**
 * Strict, allocation-free parsing of plain decimal numbers such as {@code 17}, {@code -0},
 * {@code 0.25}, {@code .5}, {@code 5.} or {@code 1e-3}. The result is bit-identical to
 * {@link Double#parseDouble}; hexadecimal, {@code NaN}, {@code Infinity} and the {@code d}/{@code f}
 * suffixes that {@code parseDouble} also accepts are rejected.
 */
final class Decimal {

  /** Largest mantissa that a double holds exactly: 2^53. */
  private static final long MAX_EXACT_MANTISSA = 1L << 53;

  /** Exact powers of ten 10^0 .. 10^22, the largest that a double holds exactly. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1.0;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10.0;
    }
  }

  private Decimal() {
  }

  /**
   * Parses {@code s[start, end)}, which must not have surrounding whitespace.
   *
   * @return the value, possibly infinite if it overflows, or NaN if the text is not a plain
   *     decimal number
   */
  static double parse(String s, int start, int end) {
    int i = start;
    boolean negative = false;
    if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    boolean exact = true;
    int digits = 0;
    int fractionDigits = 0;
    boolean fraction = false;
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (fraction) {
          fractionDigits++;
        }
        if (exact) {
          mantissa = mantissa * 10 + (c - '0');
          exact = mantissa <= MAX_EXACT_MANTISSA;
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i == end && exact && fractionDigits < POWERS_OF_TEN.length) {
      // Clinger's fast path: an exact mantissa divided by an exact power of ten is correctly
      // rounded by IEEE 754 division, hence equal to what parseDouble returns.
      double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
      return negative ? -value : value;
    }
    if (i < end && !isExponent(s, i, end)) {
      return Double.NaN;
    }
    return Double.parseDouble(s.substring(start, end));
  }

  /** Whether {@code s[i, end)} is an exponent: 'e' or 'E', an optional sign, then digits only. */
  private static boolean isExponent(String s, int i, int end) {
    char c = s.charAt(i++);
    if (c != 'e' && c != 'E') {
      return false;
    }
    if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    if (i == end) {
      return false;
    }
    for (; i < end; i++) {
      c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
