package org.sparkdnn.spark.resident;

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

  /** Listens on a free port of {@code bindHost}. */
  static ExchangeServer open(Transport transport, Exchange exchange, String bindHost) {
    TransportContext context = new TransportContext(transport.conf(), exchange);
    try {
      return new ExchangeServer(context, context.createServer(bindHost, 0,
          List.of(new AuthServerBootstrap(transport.conf(), transport))));
    } catch (RuntimeException e) {
      context.close();
      throw e;
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
