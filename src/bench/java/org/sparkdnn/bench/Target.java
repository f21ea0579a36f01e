package org.sparkdnn.bench;

/**
 * One target (issue 4's or issue 13's) with its measured value: PASS when {@code measured} is on the right side of
 * {@code threshold}, FAIL when not, NOT MEASURED (with the reason in {@code where}) when NaN.
 *
 * @param atLeast true for "measured ≥ threshold", false for "measured ≤ threshold"
 * @param where what was measured (case, m), or why nothing was
 */
record Target(String name, double measured, String unit, boolean atLeast, double threshold, String where) {

  enum Status { PASS, FAIL, NOT_MEASURED }

  static Target notMeasured(String name, String unit, boolean atLeast, double threshold, String why) {
    return new Target(name, Double.NaN, unit, atLeast, threshold, why);
  }

  Status status() {
    if (Double.isNaN(measured)) {
      return Status.NOT_MEASURED;
    }
    return (atLeast ? measured >= threshold : measured <= threshold) ? Status.PASS : Status.FAIL;
  }

  /** "≥ 5×", "≤ 5 ms". */
  String requirement() {
    return (atLeast ? "≥ " : "≤ ") + format(threshold) + unit;
  }

  String measuredText() {
    return Double.isNaN(measured) ? "-" : format(measured) + unit;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e6 ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }
}
