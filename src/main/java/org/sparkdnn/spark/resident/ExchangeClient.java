package org.sparkdnn.spark.resident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.spark.network.TransportContext;
import org.apache.spark.network.client.RpcResponseCallback;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.client.TransportClientFactory;
import org.apache.spark.network.crypto.AuthClientBootstrap;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Work;

/**
 * A resident task's connection to the driver's exchange over Spark's network layer: authenticated, one request in
 * flight at a time; the task's sums go ahead of its answer as chunks ({@link Wire}).
 */
final class ExchangeClient implements DriverLink {
  private final TransportContext context;
  private final TransportClientFactory factory;
  private final TransportClient client;
  private final WorkReceiver receiver;
  private final BooleanSupplier killed;
  /** The chunks of the last sums sent, rewritten by the next answer (the driver has read them by then). */
  private ByteBuffer chunks;

  private ExchangeClient(TransportContext context, TransportClientFactory factory, TransportClient client,
      WorkReceiver receiver, BooleanSupplier killed) {
    this.context = context;
    this.factory = factory;
    this.client = client;
    this.receiver = receiver;
    this.killed = killed;
  }

  /**
   * Connects to the exchange at {@code host:port} and runs the handshake with the transport's secret; a wait for
   * the driver ends when {@code killed} says so.
   */
  static ExchangeClient connect(Transport transport, String host, int port, BooleanSupplier killed)
      throws IOException {
    WorkReceiver receiver = new WorkReceiver();
    TransportContext context = new TransportContext(transport.conf(), receiver, false);
    TransportClientFactory factory = context.createClientFactory(
        List.of(new AuthClientBootstrap(transport.conf(), transport.runId(), transport)));
    try {
      return new ExchangeClient(context, factory, factory.createUnmanagedClient(host, port), receiver, killed);
    } catch (IOException | RuntimeException e) {
      factory.close();
      context.close();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      factory.close();
      context.close();
      throw new IOException("interrupted while connecting to the driver's exchange at " + host + ":" + port, e);
    }
  }

  @Override
  public Work greet(Hello hello) throws IOException {
    return ask(hello.encode());
  }

  /** The sums' values as one-way chunks, each flushed at once so the driver decodes one while the next travels. */
  @Override
  public Work answer(AnswerHead head, GradientSums sums) throws IOException {
    if (sums.valuesOrNull() != null) {
      chunks = Wire.chunks(chunks, head.number(), head.partition(), head.taskAttemptId(), sums.values());
      for (ByteBuffer chunk : Wire.slices(chunks, sums.values().length)) {
        client.send(chunk);
      }
    }
    return ask(Wire.answer(head, sums));
  }

  @Override
  public Work answer(AnswerHead head, ConfusionCounts counts) throws IOException {
    return ask(Wire.answer(head, counts));
  }

  /** Sends {@code request} and decodes the reply on the network thread (its buffer lives only as long as that). */
  private Work ask(ByteBuffer request) throws IOException {
    CompletableFuture<Work> reply = new CompletableFuture<>();
    client.sendRpc(request, new RpcResponseCallback() {
      @Override
      public void onSuccess(ByteBuffer response) {
        try {
          reply.complete(receiver.apply(response));
        } catch (RuntimeException e) {
          reply.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Throwable e) {
        reply.completeExceptionally(e);
      }
    });
    return DriverLink.await(reply, killed, "at " + client.getSocketAddress());
  }

  @Override
  public void close() {
    client.close();
    factory.close();
    context.close();
  }
}
