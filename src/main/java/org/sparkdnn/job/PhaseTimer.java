package org.sparkdnn.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of a command's phases (load, train, evaluate, save), in seconds, for metrics.json. */
final class PhaseTimer {
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  /** Runs {@code phase} and records how long it took under {@code name}. */
  <T> T time(String name, Supplier<T> phase) {
    long start = System.nanoTime();
    try {
      return phase.get();
    } finally {
      seconds.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
    }
  }

  /** Phase name → seconds, in the order the phases ran. */
  Map<String, Double> seconds() {
    return new LinkedHashMap<>(seconds);
  }
}
