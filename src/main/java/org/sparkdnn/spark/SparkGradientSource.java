package org.sparkdnn.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.train.GradientSource;

/**
 * Gradient sums over cached blocks (after Spark's {@code RDDLossFunction}): broadcast the flat parameters,
 * run forward and backward on every block where it lives, add the per-block sums with {@code treeAggregate},
 * destroy the broadcast. The aggregation's zero holds no array, so the task closure stays small.
 */
public final class SparkGradientSource implements GradientSource {
  /** {@code treeAggregate}'s depth: 2 adds one level of executor-side combining on large clusters. */
  public static final int DEFAULT_AGGREGATION_DEPTH = 2;

  private final JavaSparkContext sc;
  private final DistributedBlocks data;
  private final Architecture architecture;
  private final int aggregationDepth;

  /** @param aggregationDepth depth of {@code treeAggregate}, at least 1 */
  public SparkGradientSource(JavaSparkContext sc, DistributedBlocks data, Architecture architecture,
      int aggregationDepth) {
    if (aggregationDepth < 1) {
      throw new IllegalArgumentException("aggregation depth must be at least 1, found " + aggregationDepth);
    }
    this.sc = sc;
    this.data = data;
    this.architecture = architecture;
    this.aggregationDepth = aggregationDepth;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters) {
    Broadcast<double[]> shared = sc.broadcast(parameters.values());
    Architecture arch = architecture;
    try {
      GradientSums sums = data.blocks().treeAggregate(GradientSums.empty(),
          (acc, block) -> addBlock(acc, block, new Parameters(arch, shared.value())),
          GradientSums::merge, aggregationDepth);
      if (sums.count() != data.numExamples()) {
        throw new IllegalStateException(
            "gradient sums cover " + sums.count() + " samples, expected m = " + data.numExamples());
      }
      return sums;
    } finally {
      shared.destroy();
    }
  }

  private static GradientSums addBlock(GradientSums acc, ColumnBlock block, Parameters parameters) {
    Workspace ws = Workspace.reusable(parameters.architecture(), block.numColumns());
    Network.accumulateGradients(parameters, block.X(), block.labels(), 0, ws, acc);
    return acc;
  }
}
