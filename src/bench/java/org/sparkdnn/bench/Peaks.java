package org.sparkdnn.bench;

/**
 * The all-thread GEMM peaks a case's GFLOP/s are judged against: DGEMM for float64 cases, SGEMM for float32 ones
 * (NaN when no float32 case runs).
 */
record Peaks(double float64, double float32) {
  /** The peak of {@code precision}'s GEMM. */
  double of(Precision precision) {
    return precision == Precision.FLOAT64 ? float64 : float32;
  }
}
