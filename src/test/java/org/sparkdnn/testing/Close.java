package org.sparkdnn.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.sparkdnn.model.Architecture;

/** Floating-point comparisons with a relative tolerance and an absolute floor, and parameter names. */
public final class Close {
  private Close() {}

  /** True if {@code |actual − expected| ≤ max(relative·|expected|, absolute)}. */
  public static boolean isClose(double expected, double actual, double relative, double absolute) {
    return Math.abs(actual - expected) <= Math.max(relative * Math.abs(expected), absolute);
  }

  public static void assertClose(double expected, double actual, double relative, double absolute,
      String what) {
    if (!isClose(expected, actual, relative, absolute)) {
      fail(what + ": expected " + expected + ", found " + actual + " (difference "
          + Math.abs(actual - expected) + ", tolerance " + Math.max(relative * Math.abs(expected), absolute)
          + ")");
    }
  }

  /** Element-wise, reporting the first few mismatches by index. */
  public static void assertClose(double[] expected, double[] actual, double relative, double absolute,
      String what) {
    assertClose(expected, actual, relative, absolute, what, null);
  }

  /**
   * Element-wise over a flat parameter-layout vector; mismatches are reported by parameter name
   * ({@code W2(3,1)}, {@code b1(0)}) when {@code arch} is given.
   */
  public static void assertClose(double[] expected, double[] actual, double relative, double absolute,
      String what, Architecture arch) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " values, found " + actual.length);
    }
    StringBuilder failures = new StringBuilder();
    int count = 0;
    for (int i = 0; i < expected.length; i++) {
      if (!isClose(expected[i], actual[i], relative, absolute)) {
        if (count < 10) {
          failures.append("\n  ").append(arch == null ? "[" + i + "]" : parameterName(arch, i))
              .append(": expected ").append(expected[i]).append(", found ").append(actual[i])
              .append(" (difference ").append(Math.abs(actual[i] - expected[i])).append(')');
        }
        count++;
      }
    }
    if (count > 0) {
      fail(what + ": " + count + " of " + expected.length + " values differ (relative tolerance " + relative
          + ", absolute floor " + absolute + ")" + failures);
    }
  }

  /** The name of flat index {@code index}: {@code W<l>(i,j)} or {@code b<l>(i)}, 0-based i, j. */
  public static String parameterName(Architecture arch, int index) {
    for (int l = 1; l <= arch.numLayers(); l++) {
      int rows = arch.units(l);
      int w = arch.weightOffset(l);
      int b = arch.biasOffset(l);
      if (index >= w && index < b) {
        int k = index - w;
        return "W" + l + "(" + (k % rows) + "," + (k / rows) + ")";
      }
      if (index >= b && index < b + rows) {
        return "b" + l + "(" + (index - b) + ")";
      }
    }
    throw new IndexOutOfBoundsException("index " + index + " outside " + arch.numParameters() + " parameters");
  }
}
