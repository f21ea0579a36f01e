package org.sparkdnn.bench;

import java.util.Arrays;

/** Wall-clock timing of repeated work: warm-up runs, then the median of the timed ones. */
final class Timing {
  /** Most timed runs, however short each is. */
  static final int MAX_RUNS = 1000;

  private Timing() {}

  /** Work that may throw. */
  interface Work {
    void run() throws Exception;
  }

  /** Seconds of one run of {@code work}. */
  static double seconds(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The median seconds of the timed runs after the untimed ones: at least {@code warmUp} untimed runs, and more until
   * they add up to a third of {@code minSeconds}, so that the JIT has compiled short work; then at least
   * {@code minRuns} timed runs, and more until they add up to {@code minSeconds} (at most {@link #MAX_RUNS} of each),
   * so that short iterations get a steady median.
   */
  static double median(int warmUp, int minRuns, double minSeconds, Work work) throws Exception {
    double warm = 0;
    for (int i = 0; i < MAX_RUNS && (i < warmUp || warm < minSeconds / 3); i++) {
      warm += seconds(work);
    }
    double[] runs = new double[MAX_RUNS];
    int count = 0;
    double total = 0;
    while (count < MAX_RUNS && (count < minRuns || total < minSeconds)) {
      runs[count] = seconds(work);
      total += runs[count++];
    }
    return median(Arrays.copyOf(runs, count));
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int half = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  }
}
