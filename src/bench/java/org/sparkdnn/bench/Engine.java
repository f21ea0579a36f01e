package org.sparkdnn.bench;

import java.util.Locale;

/** The two training engines, named as {@code --engine} and metrics.json name them. */
enum Engine {
  /** One barrier stage for the whole run, its tasks answering every iteration ({@code ResidentEngine}). */
  RESIDENT,
  /** One Spark job per iteration ({@code SparkGradientSource}). */
  JOBS;

  /** "resident", "jobs". */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
