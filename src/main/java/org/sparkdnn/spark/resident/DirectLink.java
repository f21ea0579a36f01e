package org.sparkdnn.spark.resident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.spark.network.client.RpcResponseCallback;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Work;

/**
 * A resident task's link to an exchange in its own JVM (local mode): the same rounds, takeovers and timeouts as
 * over the network, with the driver's parameters and the task's sums passed by reference instead of copied through
 * the loopback device and back. The task reads the parameters only while their round is in progress, when the driver
 * does not change them; the driver reads the sums before it hands out the work that lets the task refill them.
 */
final class DirectLink implements DriverLink {
  private final Exchange exchange;
  private final BooleanSupplier killed;

  DirectLink(Exchange exchange, BooleanSupplier killed) {
    this.exchange = exchange;
    this.killed = killed;
  }

  @Override
  public Work greet(Hello hello) throws IOException {
    Reply reply = new Reply();
    exchange.hello(this, hello, reply);
    return DriverLink.await(reply.next, killed, "in this JVM");
  }

  @Override
  public Work answer(AnswerHead head, GradientSums sums) throws IOException {
    return answer(head, (Object) sums);
  }

  @Override
  public Work answer(AnswerHead head, ConfusionCounts counts) throws IOException {
    return answer(head, (Object) counts);
  }

  /** Hands the driver {@code body} itself, the exchange's answer from a task in this JVM. */
  private Work answer(AnswerHead head, Object body) throws IOException {
    Reply reply = new Reply();
    exchange.answer(this, head, body, reply);
    return DriverLink.await(reply.next, killed, "in this JVM");
  }

  /** As a closed connection: the partition is free for a retried task. */
  @Override
  public void close() {
    exchange.disconnected(this);
  }

  /** The driver's reply to one request: {@link #work} by reference, or STOP or a refusal as over the network. */
  static final class Reply implements RpcResponseCallback {
    final CompletableFuture<Work> next = new CompletableFuture<>();

    void work(Work work) {
      next.complete(work);
    }

    /** Only STOP is sent as a message. */
    @Override
    public void onSuccess(ByteBuffer response) {
      byte type = Wire.type(response);
      if (type == Wire.STOP) {
        next.complete(null);
      } else {
        next.completeExceptionally(new IllegalStateException("expected work or stop, found message type " + type));
      }
    }

    @Override
    public void onFailure(Throwable e) {
      next.completeExceptionally(e);
    }
  }
}
