package org.sparkdnn.spark;

import java.util.Iterator;
import java.util.List;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.train.MiniBatches;

/**
 * Forward and backward passes over cached blocks in each block's own precision, at fixed double parameters: a
 * float64 block runs {@link Network} on the parameters as they are, a float32 block on their float copy, rounded
 * once per instance into this thread's float32 {@link Workspace}. Make one per task (per partition pass) and use it
 * on the task's thread; the parameters must not change while it is in use. Spark-free, so the gradient source, the
 * evaluator, predict and the benchmarks share it.
 */
public final class BlockPasses {
  private final Parameters parameters;
  /** The class weights of the gradient passes, null for none. */
  private final ClassWeights weights;

  /** Passes at {@code parameters} whose gradients weigh every sample alike (the course's). */
  public BlockPasses(Parameters parameters) {
    this(parameters, null);
  }

  /** Passes at {@code parameters} whose gradients weigh each sample by its class's weight (null: none). */
  public BlockPasses(Parameters parameters, ClassWeights weights) {
    this.parameters = parameters;
    this.weights = weights;
  }

  /**
   * Σ over one partition's blocks of forward + backward at {@code parameters}, weighted by {@code weights} unless
   * null: what a task of either engine returns; into {@code reuse} cleared (its array kept) when not null, so a task
   * that answers round after round allocates its sums once.
   * Shapes: per block X (n[0], m_b), labels (1, m_b); returns sums in the flat layout of the architecture.
   */
  public static GradientSums partitionSums(Parameters parameters, ClassWeights weights, Iterator<ColumnBlock> blocks,
      GradientSums reuse) {
    BlockPasses passes = new BlockPasses(parameters, weights);
    GradientSums sums = reuse == null ? GradientSums.empty(parameters.architecture()) : reuse.clear();
    while (blocks.hasNext()) {
      passes.accumulateGradients(blocks.next(), sums);
    }
    return sums;
  }

  /**
   * Σ over one partition's share of a mini-batch ({@code order}'s batch {@code index}, gathered from
   * {@code blocks} into one block in the batch's order) of forward + backward at {@code parameters}, weighted by
   * {@code weights} unless null, into {@code reuse} cleared when not null.
   * Shapes: per block X (n[0], m_b); the share X (n[0], m_k); returns sums in the flat layout of the architecture.
   */
  public static GradientSums batchSums(Parameters parameters, ClassWeights weights, List<ColumnBlock> blocks,
      MiniBatches.Order order, int index, GradientSums reuse) {
    GradientSums sums = reuse == null ? GradientSums.empty(parameters.architecture()) : reuse.clear();
    if (order.to(index) > order.from(index)) {
      new BlockPasses(parameters, weights).accumulateGradients(
          ColumnBlock.gather(blocks, order.columns(), order.from(index), order.to(index)), sums);
    }
    return sums;
  }

  /**
   * One partition's confusion counts and summed log-loss at {@code parameters}, predicting 1 where
   * {@code ŷ > threshold}.
   * Shapes: per block X (n[0], m_b) → ŷ (1, m_b), added to the counts sample by sample.
   */
  public static ConfusionCounts partitionCounts(Parameters parameters, Iterator<ColumnBlock> blocks,
      double threshold) {
    BlockPasses passes = new BlockPasses(parameters);
    ConfusionCounts counts = ConfusionCounts.EMPTY;
    while (blocks.hasNext()) {
      ColumnBlock block = blocks.next();
      double[] yHat = passes.probabilities(block);
      double[] y = block.labels();
      for (int j = 0; j < yHat.length; j++) {
        counts = counts.add(yHat[j], y[j], threshold);
      }
    }
    return counts;
  }

  /**
   * Adds a block's gradient sums, cost sum and sample count into {@code sums} (course week 4's forward and
   * backward passes, {@link Network#accumulateGradients}), weighted by this instance's class weights and the
   * block's sample weights, if any.
   * Shapes: block X (n[0], m_b), labels (1, m_b).
   */
  public void accumulateGradients(ColumnBlock block, GradientSums sums) {
    accumulate(workspace(block, block.numColumns()), block, sums);
  }

  /**
   * {@code ŷ = A[L]} of every sample of a block, in column order.
   * Shapes: block X (n[0], m_b); returns (1, m_b).
   */
  public double[] probabilities(ColumnBlock block) {
    double[] out = new double[block.numColumns()];
    predict(workspace(block, Math.max(1, block.numColumns())), block, out);
    return out;
  }

  private Workspace<?> workspace(ColumnBlock block, int columns) {
    return Workspace.reusable(block.precision(), parameters.architecture(), columns);
  }

  private <M extends DenseMatrix<?>> void accumulate(Workspace<M> ws, ColumnBlock block, GradientSums sums) {
    Network.accumulateGradients(ws.parameters(parameters, this), ws.input(block.features()), block.labels(), 0,
        weights, block.weights(), ws, sums);
  }

  private <M extends DenseMatrix<?>> void predict(Workspace<M> ws, ColumnBlock block, double[] out) {
    Network.predictProbabilities(ws.parameters(parameters, this), ws.input(block.features()), ws, out, 0);
  }
}
