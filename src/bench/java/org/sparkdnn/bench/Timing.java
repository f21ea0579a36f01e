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
    return medians(warmUp, minRuns, minSeconds, work)[0];
  }

  /**
   * The median seconds of each of {@code works}, timed in rounds that run each once in turn, so that a noisy
   * machine's drift falls on all of them alike (timed one after the other, their difference would hold the drift).
   * Untimed rounds first: at least {@code warmUp}, and more until the slowest work's add up to a third of
   * {@code minSeconds}; then at least {@code minRuns} timed rounds, and more until the slowest work's add up to
   * {@code minSeconds} (at most {@link #MAX_RUNS} rounds of each kind).
   */
  static double[] medians(int warmUp, int minRuns, double minSeconds, Work... works) throws Exception {
    double[] warm = new double[works.length];
    for (int i = 0; i < MAX_RUNS && (i < warmUp || Arrays.stream(warm).max().orElse(0) < minSeconds / 3); i++) {
      for (int w = 0; w < works.length; w++) {
        warm[w] += seconds(works[w]);
      }
    }
    double[][] runs = new double[works.length][MAX_RUNS];
    double[] totals = new double[works.length];
    int count = 0;
    while (count < MAX_RUNS && (count < minRuns || Arrays.stream(totals).max().orElse(0) < minSeconds)) {
      for (int w = 0; w < works.length; w++) {
        runs[w][count] = seconds(works[w]);
        totals[w] += runs[w][count];
      }
      count++;
    }
    double[] medians = new double[works.length];
    for (int w = 0; w < works.length; w++) {
      medians[w] = median(Arrays.copyOf(runs[w], count));
    }
    return medians;
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
