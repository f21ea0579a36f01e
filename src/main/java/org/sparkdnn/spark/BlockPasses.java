package org.sparkdnn.spark;

import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.DenseMatrix;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;

/**
 * Forward and backward passes over cached blocks in each block's own precision, at fixed double parameters: a
 * float64 block runs {@link Network} on the parameters as they are, a float32 block on their float copy, rounded
 * once per instance into this thread's float32 {@link Workspace}. Make one per task (per partition pass) and use it
 * on the task's thread; the parameters must not change while it is in use. Spark-free, so the gradient source, the
 * evaluator, predict and the benchmarks share it.
 */
public final class BlockPasses {
  private final Parameters parameters;

  public BlockPasses(Parameters parameters) {
    this.parameters = parameters;
  }

  /**
   * Adds a block's gradient sums, cost sum and sample count into {@code sums} (course week 4's forward and
   * backward passes, {@link Network#accumulateGradients}).
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
    Network.accumulateGradients(ws.parameters(parameters, this), ws.input(block.features()), block.labels(), 0, ws,
        sums);
  }

  private <M extends DenseMatrix<?>> void predict(Workspace<M> ws, ColumnBlock block, double[] out) {
    Network.predictProbabilities(ws.parameters(parameters, this), ws.input(block.features()), ws, out, 0);
  }
}
