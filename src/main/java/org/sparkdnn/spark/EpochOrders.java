package org.sparkdnn.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkdnn.train.MiniBatches;

/**
 * The jobs engine's executor-side cache of each partition's mini-batch order for the epoch in progress: the order
 * costs a permutation of all m samples to draw, and every step of the epoch (one job each) needs it again. Holds
 * the latest orders of a few partitions; a resident task keeps its own instead.
 */
final class EpochOrders {
  /** Partitions whose orders an executor keeps: more than the tasks it runs at once for one training run. */
  private static final int KEPT = 64;

  private record Key(MiniBatches batches, int epoch, long from, long to) {}

  private static final Map<Key, MiniBatches.Order> ORDERS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, MiniBatches.Order> eldest) {
      return size() > KEPT;
    }
  };

  private EpochOrders() {}

  /** {@code batches.order(epoch, from, to)}, drawn once per executor. */
  static MiniBatches.Order of(MiniBatches batches, int epoch, long from, long to) {
    Key key = new Key(batches, epoch, from, to);
    synchronized (ORDERS) {
      MiniBatches.Order order = ORDERS.get(key);
      if (order != null) {
        return order;
      }
    }
    MiniBatches.Order order = batches.order(epoch, from, to);
    synchronized (ORDERS) {
      ORDERS.put(key, order);
    }
    return order;
  }
}
