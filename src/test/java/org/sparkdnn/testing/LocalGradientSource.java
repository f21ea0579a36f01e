package org.sparkdnn.testing;

import java.util.List;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.train.Batch;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.MiniBatches;

/**
 * Gradient sums over in-memory blocks, without Spark: the reference the Spark engine must agree with; its
 * mini-batches are those of one partition holding every sample.
 */
public final class LocalGradientSource implements GradientSource {
  private final List<ColumnBlock> blocks;
  private final MiniBatches batches;
  private final ClassWeights weights;

  public LocalGradientSource(List<ColumnBlock> blocks) {
    this(blocks, null);
  }

  /** A source of {@code batches}' mini-batches (null: none) over {@code blocks}. */
  public LocalGradientSource(List<ColumnBlock> blocks, MiniBatches batches) {
    this(blocks, batches, null);
  }

  /**
   * As {@link #LocalGradientSource(List, MiniBatches)}, the samples weighed by {@code weights} (null: none) and by
   * the blocks' own sample weights, if any.
   */
  public LocalGradientSource(List<ColumnBlock> blocks, MiniBatches batches, ClassWeights weights) {
    this.blocks = List.copyOf(blocks);
    this.batches = batches;
    this.weights = weights;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    if (!batch.isAll()) {
      MiniBatches.Order order = batches.order(batch.epoch(), 0, batches.numSamples());
      return weighed(BlockPasses.batchSums(parameters, weights, blocks, order, batch.index(), null));
    }
    GradientSums sums = GradientSums.empty(parameters.architecture());
    for (ColumnBlock block : blocks) {
      Workspace<Matrix> ws = Workspace.float64(parameters.architecture(), block.numColumns());
      Network.accumulateGradients(parameters, block.X(), block.labels(), 0, weights, block.weights(), ws, sums);
    }
    return weighed(sums);
  }

  private GradientSums weighed(GradientSums sums) {
    return weights == null ? sums : sums.weighBy(weights);
  }
}
