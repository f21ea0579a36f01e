package org.sparkdnn.spark.resident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.network.TransportContext;
import org.apache.spark.network.crypto.AuthServerBootstrap;
import org.apache.spark.network.server.TransportServer;

/** The driver's endpoint: an {@link Exchange} behind Spark's transport server, authenticating every connection. */
final class ExchangeServer implements AutoCloseable {
  private final TransportContext context;
  private final TransportServer server;

  private ExchangeServer(TransportContext context, TransportServer server) {
    this.context = context;
    this.server = server;
  }

  /**
   * Listens on {@code port} of {@code bindHost}, or on a free port if it is 0.
   *
   * @throws UncheckedIOException if it cannot (the port in use, the address not this host's)
   */
  static ExchangeServer open(Transport transport, Exchange exchange, String bindHost, int port) {
    TransportContext context = new TransportContext(transport.conf(), exchange);
    try {
      return new ExchangeServer(context, context.createServer(bindHost, port,
          List.of(new AuthServerBootstrap(transport.conf(), transport))));
    } catch (Exception e) {
      // Netty throws its BindException undeclared
      context.close();
      throw new UncheckedIOException(new IOException("cannot listen on " + bindHost + ":" + port
          + " for the resident tasks: " + e.getMessage(), e));
    }
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
    context.close();
  }
}
