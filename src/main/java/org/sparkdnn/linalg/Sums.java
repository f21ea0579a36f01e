package org.sparkdnn.linalg;

/**
 * Sums of contiguous runs of values, with four interleaved accumulators: a single running sum waits on each
 * addition's latency (about four cycles), four keep the adder busy. The order of the additions is therefore
 * fixed but not left to right; the result differs from a sequential sum by rounding only. Float values are summed
 * after widening them to double (exact), so one loop serves both precisions.
 */
public final class Sums {
  private Sums() {}

  /** {@code Σ values[from..to)}. */
  public static double sum(double[] values, int from, int to) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    int i = from;
    for (int end = to - 3; i < end; i += 4) {
      s0 += values[i];
      s1 += values[i + 1];
      s2 += values[i + 2];
      s3 += values[i + 3];
    }
    for (; i < to; i++) {
      s0 += values[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
