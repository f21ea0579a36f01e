package org.sparkdnn.spark;

import java.util.function.Supplier;
import org.sparkdnn.data.InputDataException;

/** Turns a failed Spark job back into the error its task threw, where that error is ours to report. */
final class SparkErrors {
  private SparkErrors() {}

  /**
   * Runs a Spark action; if a task failed with an {@link InputDataException} (which names the file, line and
   * field), rethrows that instead of Spark's wrapper. Spark's own {@code SparkException} is checked but
   * undeclared, so other failures are rethrown unchecked with their cause kept.
   */
  static <T> T unwrap(Supplier<T> action) {
    try {
      return action.get();
    } catch (Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InputDataException data) {
          throw data;
        }
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
