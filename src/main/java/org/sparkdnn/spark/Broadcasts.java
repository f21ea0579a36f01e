package org.sparkdnn.spark;

import org.apache.spark.broadcast.Broadcast;

/**
 * Ending a broadcast so that nothing is logged twice: {@link #destroy} removes its blocks everywhere and waits until
 * they are gone. {@code Broadcast.destroy()} only sends the removal; if the broadcast object is garbage collected
 * before that removal has run, Spark's {@code ContextCleaner} removes the same blocks concurrently and one of the two
 * fails, logging an ERROR with a stack trace ("Error in removing broadcast N ... Block broadcast_N_pieceK does not
 * exist") into an otherwise clean run: seen about once in a 2500-iteration course run, where every iteration
 * destroys a 2 MB parameter broadcast.
 */
public final class Broadcasts {
  private Broadcasts() {}

  /** Removes {@code broadcast}'s value and blocks from the driver and every executor, waiting for the removal. */
  public static void destroy(Broadcast<?> broadcast) {
    // destroy(blocking) is public in the bytecode (Scala's private[spark]) and has kept this signature since Spark 1.x
    broadcast.destroy(true);
  }
}
