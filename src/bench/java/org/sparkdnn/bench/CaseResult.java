package org.sparkdnn.bench;

/**
 * One layer shape at one m: seconds per iteration of our compute alone and through Spark, MLlib's seconds per
 * iteration (NaN when not run), the cached bytes of our blocks, and why the case was skipped (null when run).
 */
record CaseResult(int[] sizes, long numExamples, double forwardFlops, double computeSeconds, double sparkSeconds,
    double mllibSeconds, long cachedBytes, long featureBytes, String skipped) {

  /** FLOPs of one iteration: forward 2·m·Σ n[l]·n[l-1], backward about twice that. */
  double iterationFlops() {
    return 3 * forwardFlops;
  }

  double sparkOverheadSeconds() {
    return sparkSeconds - computeSeconds;
  }

  double computeGflops() {
    return iterationFlops() / computeSeconds / 1e9;
  }

  double sparkGflops() {
    return iterationFlops() / sparkSeconds / 1e9;
  }

  /** MLlib's time per iteration over ours through Spark. */
  double mllibRatio() {
    return mllibSeconds / sparkSeconds;
  }

  /** 2·m·Σ n[l]·n[l-1]. */
  static double forwardFlops(int[] sizes, long m) {
    double sum = 0;
    for (int l = 1; l < sizes.length; l++) {
      sum += (double) sizes[l] * sizes[l - 1];
    }
    return 2.0 * m * sum;
  }
}
