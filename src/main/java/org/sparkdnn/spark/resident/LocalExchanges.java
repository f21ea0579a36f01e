package org.sparkdnn.spark.resident;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges of the runs whose driver is this JVM, by run id, which is random per run and reaches only that
 * run's tasks (in their closure). A task that finds its run here runs in the driver's JVM and links to the exchange
 * in memory; the tasks of other executors do not find it and connect over the network.
 */
final class LocalExchanges {
  private static final Map<String, Exchange> RUNS = new ConcurrentHashMap<>();

  private LocalExchanges() {}

  static void register(String runId, Exchange exchange) {
    RUNS.put(runId, exchange);
  }

  static void unregister(String runId) {
    RUNS.remove(runId);
  }

  /** The exchange of {@code runId} if its driver is this JVM, else null. */
  static Exchange find(String runId) {
    return RUNS.get(runId);
  }
}
