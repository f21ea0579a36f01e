package org.sparkdnn.testing;

import java.util.List;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.train.GradientSource;

/** Gradient sums over in-memory blocks, without Spark: the reference the Spark engine must agree with. */
public final class LocalGradientSource implements GradientSource {
  private final List<ColumnBlock> blocks;

  public LocalGradientSource(List<ColumnBlock> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  @Override
  public GradientSums gradientSums(Parameters parameters) {
    GradientSums sums = GradientSums.empty(parameters.architecture());
    for (ColumnBlock block : blocks) {
      Workspace<Matrix> ws = Workspace.float64(parameters.architecture(), block.numColumns());
      Network.accumulateGradients(parameters, block.X(), block.labels(), 0, ws, sums);
    }
    return sums;
  }
}
