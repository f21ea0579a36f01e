package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.LocalGradientSource;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.TrainingResult;

/** The same parameters after N iterations whatever the partitioning and block size (design.md §2). */
class PartitionInvarianceTest {
  static final Architecture ARCH =
      Architecture.of(new int[] {2, 5, 3, 1}, List.of(Activation.TANH, Activation.LEAKY_RELU, Activation.SIGMOID));
  private static final GradientDescent DESCENT = new GradientDescent(0.5, 150);
  private static TrainingResult reference;

  @BeforeAll
  static void trainWithoutSpark() {
    Parameters initial = Initializer.XAVIER.initialize(ARCH, 3);
    reference = DESCENT.run(new LocalGradientSource(List.of(CsvData.readBlock(CsvData.FLOWER))), initial,
        (i, cost) -> { });
  }

  @Test
  void sameParametersWith1And2And5PartitionsAndSeveralBlockSizes() {
    for (int partitions : new int[] {1, 2, 5}) {
      for (int blockColumns : new int[] {7, 64, 4096}) {
        TrainingResult result = trainOnFlower(DESCENT, partitions, blockColumns, Precision.FLOAT64);
        String where = partitions + " partitions, blocks of " + blockColumns;
        assertClose(reference.parameters().values(), result.parameters().values(), 1e-12, where);
        assertClose(reference.costs(), result.costs(), 1e-12, where + ", costs");
      }
    }
  }

  /**
   * {@code descent} on the flower ({@link #ARCH}, Xavier seed 3) through Spark, cached in {@code partitions}
   * partitions of blocks of up to {@code blockColumns} samples in {@code precision}; checks the cut first.
   */
  static TrainingResult trainOnFlower(GradientDescent descent, int partitions, int blockColumns,
      Precision precision) {
    CsvBlockReader reader =
        new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, blockColumns);
    DistributedBlocks data = DistributedBlocks.load(SharedSpark.context(), CsvData.FLOWER.toString(), reader,
        partitions, blockColumns, precision);
    try {
      assertEquals(partitions, data.numPartitions());
      assertEquals(400, data.numExamples());
      assertTrue(data.blocks().collect().stream().allMatch(b -> b.precision() == precision));
      return descent.run(new SparkGradientSource(SharedSpark.context(), data, ARCH),
          Initializer.XAVIER.initialize(ARCH, 3), (i, cost) -> { });
    } finally {
      data.unpersist();
    }
  }

  @Test
  void manyPartitionsAreCombinedByTreeReduceToTheSameParameters() {
    int partitions = SparkGradientSource.DRIVER_MERGE_MAX_PARTITIONS + 8;
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, 64);
    DistributedBlocks data = DistributedBlocks.load(SharedSpark.context(), CsvData.FLOWER.toString(), reader,
        partitions, 64);
    try {
      GradientDescent descent = new GradientDescent(0.5, 20);
      TrainingResult local = descent.run(new LocalGradientSource(List.of(CsvData.readBlock(CsvData.FLOWER))),
          Initializer.XAVIER.initialize(ARCH, 3), (i, cost) -> { });
      TrainingResult result = descent.run(new SparkGradientSource(SharedSpark.context(), data, ARCH),
          Initializer.XAVIER.initialize(ARCH, 3), (i, cost) -> { });
      assertClose(local.parameters().values(), result.parameters().values(), 1e-12, partitions + " partitions");
    } finally {
      data.unpersist();
    }
  }

  private static void assertClose(double[] expected, double[] actual, double relative, String where) {
    assertEquals(expected.length, actual.length, where);
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(Math.abs(expected[i]), 1e-3);
      assertTrue(Math.abs(expected[i] - actual[i]) <= relative * scale,
          where + ": value " + i + " expected " + expected[i] + ", found " + actual[i]);
    }
  }
}
