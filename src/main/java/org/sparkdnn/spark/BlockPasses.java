package org.sparkdnn.spark;

import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.FloatNetwork;
import org.sparkdnn.model.FloatParameters;
import org.sparkdnn.model.FloatWorkspace;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;

/**
 * Forward and backward passes over cached blocks in each block's own precision, at fixed double parameters: a
 * float64 block runs {@link Network} on the parameters as they are, a float32 block {@link FloatNetwork} on their
 * float copy, rounded once (on the first float32 block) into this thread's reused buffer. Make one per task (per
 * partition pass) and use it on the task's thread; the parameters must not change while it is in use. Spark-free,
 * so the gradient source, the evaluator and the benchmarks share it.
 */
public final class BlockPasses {
  private final Parameters parameters;
  private FloatParameters floatParameters;

  public BlockPasses(Parameters parameters) {
    this.parameters = parameters;
  }

  /**
   * Adds a block's gradient sums, cost sum and sample count into {@code sums} (course week 4's backward pass,
   * {@link Network#accumulateGradients}).
   * Shapes: block X (n[0], m_b), labels (1, m_b).
   */
  public void accumulateGradients(ColumnBlock block, GradientSums sums) {
    switch (block.precision()) {
      case FLOAT64 -> Network.accumulateGradients(parameters, block.X(), block.labels(), 0,
          Workspace.reusable(parameters.architecture(), block.numColumns()), sums);
      case FLOAT32 -> FloatNetwork.accumulateGradients(floatParameters(), block.floatX(), block.labels(), 0,
          FloatWorkspace.reusable(parameters.architecture(), block.numColumns()), sums);
    }
  }

  /**
   * {@code ŷ = A[L]} of every sample of a block, in column order.
   * Shapes: block X (n[0], m_b); returns (1, m_b).
   */
  public double[] probabilities(ColumnBlock block) {
    double[] out = new double[block.numColumns()];
    int capacity = Math.max(1, block.numColumns());
    switch (block.precision()) {
      case FLOAT64 -> Network.predictProbabilities(parameters, block.X(),
          Workspace.reusable(parameters.architecture(), capacity), out, 0);
      case FLOAT32 -> FloatNetwork.predictProbabilities(floatParameters(), block.floatX(),
          FloatWorkspace.reusable(parameters.architecture(), capacity), out, 0);
    }
    return out;
  }

  /** The float copy, made on first use and again only if another pass reused this thread's buffer meanwhile. */
  private FloatParameters floatParameters() {
    if (floatParameters == null || !floatParameters.loadedFrom(parameters)) {
      floatParameters = FloatParameters.reusable(parameters);
    }
    return floatParameters;
  }
}
