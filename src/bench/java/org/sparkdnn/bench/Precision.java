package org.sparkdnn.bench;

/**
 * The floating-point precision of the cached features and the arithmetic. This build of spark-dnn computes in double
 * precision only; the harness names it so that the cached size is judged against the right 8·n·m or 4·n·m bytes.
 */
enum Precision {
  FLOAT64(8);

  final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
