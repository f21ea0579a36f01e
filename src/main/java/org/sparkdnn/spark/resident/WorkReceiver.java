package org.sparkdnn.spark.resident;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.apache.spark.network.client.RpcResponseCallback;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.server.OneForOneStreamManager;
import org.apache.spark.network.server.RpcHandler;
import org.apache.spark.network.server.StreamManager;
import org.sparkdnn.spark.resident.Wire.ChunkHead;
import org.sparkdnn.spark.resident.Wire.Work;
import org.sparkdnn.spark.resident.Wire.WorkHead;

/**
 * A task's end of the driver's replies: the parameter chunks of each piece of work, decoded into one array reused
 * from round to round, then the WORK message that completes them (or STOP, read as null). Both arrive on the
 * connection's network thread, chunks first, while the task waits.
 */
final class WorkReceiver extends RpcHandler implements Function<ByteBuffer, Work> {
  private final StreamManager streams = new OneForOneStreamManager();
  private double[] parameters;
  private int number = -1;
  private int received;

  /** A CHUNK of the parameters of the coming work. */
  @Override
  public void receive(TransportClient client, ByteBuffer message) {
    byte type = Wire.type(message);
    if (type != Wire.CHUNK) {
      throw new IllegalStateException("expected a chunk of parameters from the driver, found message type " + type);
    }
    ChunkHead head = ChunkHead.decode(message);
    if (head.number() != number) {
      number = head.number();
      received = 0;
    }
    if (parameters == null || parameters.length != head.total()) {
      parameters = new double[head.total()];
    }
    head.readValues(message, parameters);
    received += head.count();
  }

  @Override
  public void receive(TransportClient client, ByteBuffer message, RpcResponseCallback callback) {
    callback.onFailure(new UnsupportedOperationException("a resident task takes no requests"));
  }

  /** The driver's reply: the work its chunks completed, or null for STOP. */
  @Override
  public Work apply(ByteBuffer reply) {
    byte type = Wire.type(reply);
    if (type == Wire.STOP) {
      return null;
    }
    if (type != Wire.WORK) {
      throw new IllegalStateException("expected work or stop from the driver, found message type " + type);
    }
    WorkHead head = WorkHead.decode(reply);
    if (head.number() != number || received != head.length() || parameters.length != head.length()) {
      throw new IllegalStateException("work " + head.number() + ": expected " + head.length()
          + " parameters in its chunks, found " + (head.number() == number ? received : 0));
    }
    return new Work(head.number(), head.kind(), head.threshold(), head.batch(), parameters);
  }

  @Override
  public StreamManager getStreamManager() {
    return streams;
  }
}
