package org.sparkdnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.sparkdnn.data.InputDataException;

/** Turns a failed Spark job back into the error its task threw, where that error is ours to report. */
public final class SparkErrors {
  private SparkErrors() {}

  /**
   * Runs a Spark action; if a task failed with an {@link InputDataException} (which names the file, line and
   * field), rethrows that instead of Spark's wrapper, and if it failed on I/O (a full disk, permission denied),
   * an {@link UncheckedIOException} with that failure's message. Spark's own {@code SparkException} is checked
   * but undeclared, so other failures are rethrown unchecked with their cause kept.
   */
  public static <T> T unwrap(Supplier<T> action) {
    try {
      return action.get();
    } catch (Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InputDataException data) {
          throw data;
        }
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof UncheckedIOException io) {
          throw io;
        }
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io.getMessage(), io);
        }
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** {@link #unwrap(Supplier)} for an action without a result. */
  public static void unwrap(Runnable action) {
    unwrap(() -> {
      action.run();
      return null;
    });
  }
}
