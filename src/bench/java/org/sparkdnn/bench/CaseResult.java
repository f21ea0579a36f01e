package org.sparkdnn.bench;

/**
 * One layer shape at one m and precision, warm (this JVM, over the same cached blocks): seconds per iteration of
 * our compute alone and through Spark's jobs engine, seconds of an empty job over the same blocks (Spark's floor,
 * {@link EmptyJob}), timed in turns; then, timed in turns of their own, the compute again and the resident engine;
 * MLlib's seconds per iteration (NaN when not run, with the reason in {@code mllibNote}), the cached bytes of our
 * blocks, and why the whole case was skipped (null when it ran). "Spark" is the jobs engine, as in issue 4.
 */
record CaseResult(LayerSizes layers, long numExamples, Precision precision, double computeSeconds,
    double sparkSeconds, double emptyJobSeconds, double residentComputeSeconds, double residentSeconds,
    double mllibSeconds, String mllibNote, long cachedBytes, String skipped) {

  static CaseResult skipped(LayerSizes layers, long m, Precision precision, String reason) {
    return new CaseResult(layers, m, precision, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, reason, 0, reason);
  }

  boolean ran() {
    return skipped == null;
  }

  /** The features' bytes at this precision, n[0]·m values: 8·n·m in double, 4·n·m in single precision. */
  long featureBytes() {
    return (long) precision.bytes * layers.inputSize() * numExamples;
  }

  double gradientFlops() {
    return layers.gradientFlops(numExamples);
  }

  double sparkOverheadSeconds() {
    return sparkSeconds - computeSeconds;
  }

  /** The resident engine's Spark overhead: its time less the compute timed in turns with it. */
  double residentOverheadSeconds() {
    return residentSeconds - residentComputeSeconds;
  }

  double computeGflops() {
    return gradientFlops() / computeSeconds / 1e9;
  }

  double sparkGflops() {
    return gradientFlops() / sparkSeconds / 1e9;
  }

  /** Our time per iteration through Spark divided by m, in nanoseconds: flat when the time is linear in m. */
  double sparkNanosPerSample() {
    return 1e9 * sparkSeconds / numExamples;
  }

  /** Cached bytes over the features' bytes. */
  double cachedRatio() {
    return (double) cachedBytes / featureBytes();
  }

  boolean hasMllib() {
    return !Double.isNaN(mllibSeconds);
  }

  /** MLlib's time per iteration over ours through Spark. */
  double mllibRatio() {
    return mllibSeconds / sparkSeconds;
  }
}
