package org.sparkdnn.spark.resident;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.spark.network.TransportContext;
import org.apache.spark.network.client.RpcResponseCallback;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.client.TransportClientFactory;
import org.apache.spark.network.crypto.AuthClientBootstrap;
import org.apache.spark.network.server.RpcHandler;

/** A resident task's connection to the driver's exchange: authenticated, one request in flight at a time. */
final class ExchangeClient implements Closeable {
  /** How often a task waiting for the driver checks whether Spark has killed it. */
  private static final long POLL_MILLIS = 100;

  private final TransportContext context;
  private final TransportClientFactory factory;
  private final TransportClient client;

  private ExchangeClient(TransportContext context, TransportClientFactory factory, TransportClient client) {
    this.context = context;
    this.factory = factory;
    this.client = client;
  }

  /**
   * Connects to the exchange at {@code host:port} and runs the handshake with the transport's secret;
   * {@code receiver} gets the driver's one-way messages (the parameter chunks).
   */
  static ExchangeClient connect(Transport transport, String host, int port, RpcHandler receiver)
      throws IOException {
    TransportContext context = new TransportContext(transport.conf(), receiver, false);
    TransportClientFactory factory = context.createClientFactory(
        List.of(new AuthClientBootstrap(transport.conf(), transport.runId(), transport)));
    try {
      return new ExchangeClient(context, factory, factory.createUnmanagedClient(host, port));
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

  /**
   * Sends {@code request} and decodes the reply on the network thread (its buffer lives only as long as the
   * callback). Waits as long as the driver takes, checking {@code killed} every 100 ms, so a task Spark kills does
   * not stay blocked here.
   */
  <T> T ask(ByteBuffer request, Function<ByteBuffer, T> decode, BooleanSupplier killed) throws IOException {
    CompletableFuture<T> reply = new CompletableFuture<>();
    client.sendRpc(request, new RpcResponseCallback() {
      @Override
      public void onSuccess(ByteBuffer response) {
        try {
          reply.complete(decode.apply(response));
        } catch (RuntimeException e) {
          reply.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Throwable e) {
        reply.completeExceptionally(e);
      }
    });
    while (true) {
      try {
        return reply.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (killed.getAsBoolean()) {
          throw new IOException("task killed while waiting for the driver's exchange");
        }
      } catch (ExecutionException e) {
        throw new IOException("the driver's exchange at " + client.getSocketAddress() + " failed: "
            + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the driver's exchange", e);
      }
    }
  }

  /**
   * Sends a one-way message (a chunk of sums), flushed at once so that the driver decodes one chunk while the next
   * is on its way; it arrives before any later request.
   */
  void send(ByteBuffer message) {
    client.send(message);
  }

  @Override
  public void close() {
    client.close();
    factory.close();
    context.close();
  }
}
