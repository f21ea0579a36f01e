package org.sparkdnn.spark.resident;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.sparkdnn.spark.resident.Wire.Work;

/**
 * Decodes the driver's reply to a task: the next work, its parameters in one array reused from round to round, or
 * null for STOP. One per task; it runs on the network thread while the task waits.
 */
final class WorkReader implements Function<ByteBuffer, Work> {
  private double[] parameters;

  @Override
  public Work apply(ByteBuffer reply) {
    byte type = Wire.type(reply);
    if (type == Wire.STOP) {
      return null;
    }
    if (type != Wire.WORK) {
      throw new IllegalStateException("expected work or stop from the driver, found message type " + type);
    }
    Work work = Wire.readWork(reply, parameters);
    parameters = work.parameters();
    return work;
  }
}
