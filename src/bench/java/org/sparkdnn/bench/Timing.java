package org.sparkdnn.bench;

import java.util.Arrays;

/** Wall-clock timing of repeated work: warm-up runs, then the median of the timed ones. */
final class Timing {
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

  /** The median seconds of {@code timed} runs after {@code warmUp} untimed ones. */
  static double median(int warmUp, int timed, Work work) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      work.run();
    }
    double[] runs = new double[timed];
    for (int i = 0; i < timed; i++) {
      runs[i] = seconds(work);
    }
    Arrays.sort(runs);
    return timed % 2 == 1 ? runs[timed / 2] : (runs[timed / 2 - 1] + runs[timed / 2]) / 2;
  }
}
