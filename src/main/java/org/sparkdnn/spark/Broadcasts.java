package org.sparkdnn.spark;

import org.apache.spark.broadcast.Broadcast;

/**
 * Ending a broadcast: {@link #destroy} removes its blocks everywhere and waits until they are gone. An asynchronous
 * destroy can race Spark's {@code ContextCleaner} removing the same blocks, and the loser logs an error.
 */
public final class Broadcasts {
  private Broadcasts() {}

  /** Removes {@code broadcast}'s value and blocks from the driver and every executor, waiting for the removal. */
  public static void destroy(Broadcast<?> broadcast) {
    // destroy(blocking) is public in the bytecode (Scala's private[spark]) and has kept this signature since Spark 1.x
    broadcast.destroy(true);
  }
}
