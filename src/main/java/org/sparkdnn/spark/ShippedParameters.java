package org.sparkdnn.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.PackedDoubles;
import org.sparkdnn.model.Parameters;

/**
 * The one way parameters reach executors: made on the driver, captured by the tasks of the jobs that need them
 * (gradient sums, evaluation, prediction), read there with {@link #get()}, and closed on the driver after the
 * last of those jobs.
 *
 * <p>Up to {@value #INLINE_MAX_PARAMETERS} values travel inside the task itself, which Spark already broadcasts once
 * per job, so there is no second broadcast to make and destroy. Larger vectors get a broadcast of their own,
 * deserialized once per executor rather than once per task, which keeps the task under Spark's large-task warning.
 * Either way the values are serialized as raw bytes ({@link PackedDoubles}).
 */
public final class ShippedParameters implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;

  /** Up to this many parameters (800 kB) ship inside the task; above it, in a broadcast of their own. */
  public static final int INLINE_MAX_PARAMETERS = 100_000;

  private final Architecture architecture;
  private final PackedDoubles inline;
  private final Broadcast<PackedDoubles> broadcast;

  private ShippedParameters(Architecture architecture, PackedDoubles inline, Broadcast<PackedDoubles> broadcast) {
    this.architecture = architecture;
    this.inline = inline;
    this.broadcast = broadcast;
  }

  /** Ships {@code parameters} as they are now (a later change on the driver is not seen by a broadcast). */
  public static ShippedParameters of(JavaSparkContext sc, Parameters parameters) {
    PackedDoubles packed = new PackedDoubles(parameters.values());
    return parameters.values().length <= INLINE_MAX_PARAMETERS
        ? new ShippedParameters(parameters.architecture(), packed, null)
        : new ShippedParameters(parameters.architecture(), null, sc.broadcast(packed));
  }

  /** The parameters, on an executor (or the driver): a view of the shipped values, not a copy. */
  public Parameters get() {
    return new Parameters(architecture, inline != null ? inline.values() : broadcast.value().values());
  }

  /** Removes the broadcast, if any, from the driver and the executors, waiting for the removal. */
  @Override
  public void close() {
    if (broadcast != null) {
      Broadcasts.destroy(broadcast);
    }
  }
}
