package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Parameters travel inside the task up to {@link ShippedParameters#INLINE_MAX_PARAMETERS} values and through a
 * broadcast above it: both ways give the sums computed without Spark, iteration after iteration.
 */
class SparkGradientSourceTest {
  @ParameterizedTest
  @ValueSource(ints = {99, 101})
  void sumsMatchTheLocalOnesOnEitherSideOfTheInlineLimit(int hidden) {
    int n = 1000;
    Architecture arch = Architecture.withHidden(new int[] {n, hidden, 1}, Activation.RELU);
    assertEquals(hidden > 100, arch.numParameters() > ShippedParameters.INLINE_MAX_PARAMETERS, arch.toString());
    List<ColumnBlock> blocks = List.of(block(n, 5, 1), block(n, 3, 2));
    DistributedBlocks data = DistributedBlocks.of(SharedSpark.context().parallelize(blocks, 2));
    try {
      SparkGradientSource source = new SparkGradientSource(SharedSpark.context(), data, arch);
      LocalGradientSource local = new LocalGradientSource(blocks);
      for (int seed = 1; seed <= 2; seed++) {
        Parameters p = Initializer.HE.initialize(arch, seed);
        GradientSums expected = local.gradientSums(p);
        GradientSums found = source.gradientSums(p);
        assertEquals(expected.count(), found.count());
        assertEquals(expected.costSum(), found.costSum(), 1e-12 * Math.abs(expected.costSum()));
        double[] e = expected.values();
        double[] f = found.values();
        for (int i = 0; i < e.length; i++) {
          assertTrue(Math.abs(e[i] - f[i]) <= 1e-12 * Math.max(1e-3, Math.abs(e[i])),
              arch + ", seed " + seed + ": value " + i + " expected " + e[i] + ", found " + f[i]);
        }
      }
    } finally {
      data.unpersist();
    }
  }

  /** m seeded samples of n features uniform in [-1, 1) with random 0/1 labels. */
  static ColumnBlock block(int n, int m, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble(-1.0, 1.0);
    }
    double[] y = new double[m];
    for (int j = 0; j < m; j++) {
      y[j] = random.nextInt(2);
    }
    return new ColumnBlock(n, x, y);
  }
}
