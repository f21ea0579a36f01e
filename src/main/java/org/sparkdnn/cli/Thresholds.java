package org.sparkdnn.cli;

/** Validation of {@code --threshold}. */
final class Thresholds {
  private Thresholds() {}

  static void check(double threshold) {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("--threshold: expected a probability in [0, 1], found " + threshold);
    }
  }
}
