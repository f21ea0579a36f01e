package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.BlockPasses;

/**
 * The compute of one iteration without Spark: {@link BlockPasses#accumulateGradients} (the executors' own code, in
 * the blocks' precision) over every partition's blocks,
 * one partition per task on a pool of as many threads as {@code local[N]} has, sums merged as the driver does.
 */
final class LocalCompute implements AutoCloseable {
  private final List<List<ColumnBlock>> partitions;
  private final ExecutorService pool;

  LocalCompute(SyntheticData data, Precision precision, int threads) {
    this.partitions = new ArrayList<>();
    for (int p = 0; p < data.partitions(); p++) {
      partitions.add(data.partition(p, precision));
    }
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /** Σ over all samples of the gradients and cost at {@code parameters}. */
  GradientSums gradientSums(Parameters parameters) throws Exception {
    List<Future<GradientSums>> parts = new ArrayList<>();
    for (List<ColumnBlock> blocks : partitions) {
      parts.add(pool.submit(() -> {
        GradientSums sums = GradientSums.empty(parameters.architecture());
        BlockPasses passes = new BlockPasses(parameters);
        for (ColumnBlock block : blocks) {
          passes.accumulateGradients(block, sums);
        }
        return sums;
      }));
    }
    GradientSums total = GradientSums.empty(parameters.architecture());
    for (Future<GradientSums> part : parts) {
      total.merge(part.get());
    }
    return total;
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
