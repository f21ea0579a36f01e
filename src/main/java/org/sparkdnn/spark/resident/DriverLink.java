package org.sparkdnn.spark.resident;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Work;

/**
 * A resident task's end of the driver's {@link Exchange}: each call hands the driver what the task has and waits
 * for its next work, null once it says stop. Over the network ({@link ExchangeClient}) or, for a task in the
 * driver's own JVM, in memory ({@link DirectLink}).
 */
interface DriverLink extends Closeable {
  /** How often a task waiting for the driver checks whether Spark has killed it. */
  long POLL_MILLIS = 100;

  /** The task's greeting; returns its first work. */
  Work greet(Hello hello) throws IOException;

  /**
   * The partition's gradient sums for the work {@code head} answers; the driver reads them before this returns the
   * next work, so the caller may refill them then.
   */
  Work answer(AnswerHead head, GradientSums sums) throws IOException;

  /** The partition's confusion counts for the work {@code head} answers. */
  Work answer(AnswerHead head, ConfusionCounts counts) throws IOException;

  @Override
  void close();

  /**
   * Waits for {@code reply} as long as the driver takes, checking {@code killed} every {@value #POLL_MILLIS} ms,
   * so that a task Spark kills does not stay blocked.
   */
  static <T> T await(CompletableFuture<T> reply, BooleanSupplier killed, String driver) throws IOException {
    while (true) {
      try {
        return reply.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (killed.getAsBoolean()) {
          throw new IOException("task killed while waiting for the driver's exchange");
        }
      } catch (ExecutionException e) {
        throw new IOException("the driver's exchange " + driver + " failed: " + e.getCause().getMessage(),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the driver's exchange", e);
      }
    }
  }
}
