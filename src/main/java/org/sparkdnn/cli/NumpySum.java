package org.sparkdnn.cli;

/**
 * numpy's {@code np.sum} of a float64 array, in its pairwise order ({@code pairwise_sum} in numpy's
 * {@code loops_utils.h}): blocks of up to 128 summed with eight interleaved accumulators, larger arrays split
 * in two at a multiple of 8. The course prints {@code np.sum((p == y) / m)} as its accuracy; summing in numpy's
 * order gives its digits (0.9856459330143539 where 206/209 is 0.9856459330143541).
 */
final class NumpySum {
  private static final int BLOCK = 128;
  private static final int UNROLL = 8;

  private NumpySum() {}

  static double pairwise(double[] a) {
    return pairwise(a, 0, a.length);
  }

  private static double pairwise(double[] a, int from, int n) {
    if (n < UNROLL) {
      double sum = -0.0;
      for (int i = 0; i < n; i++) {
        sum += a[from + i];
      }
      return sum;
    }
    if (n <= BLOCK) {
      double[] r = new double[UNROLL];
      System.arraycopy(a, from, r, 0, UNROLL);
      int i = UNROLL;
      for (; i < n - n % UNROLL; i += UNROLL) {
        for (int k = 0; k < UNROLL; k++) {
          r[k] += a[from + i + k];
        }
      }
      double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        sum += a[from + i];
      }
      return sum;
    }
    int half = n / 2;
    half -= half % UNROLL;
    return pairwise(a, from, half) + pairwise(a, from + half, n - half);
  }
}
