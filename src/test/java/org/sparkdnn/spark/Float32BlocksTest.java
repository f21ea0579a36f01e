package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.storage.RDDInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Precision;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.LocalGradientSource;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.TrainingResult;

/**
 * {@code --precision float32} over cached blocks: the same parameters whatever the partitioning and block size
 * (within float rounding), close to float64, the cache at most 1.1 × 4·n·m bytes, and the data fingerprint of the
 * widened floats.
 */
class Float32BlocksTest {
  private static final Architecture ARCH = PartitionInvarianceTest.ARCH;
  private static final GradientDescent DESCENT = new GradientDescent(0.5, 100);
  private static final ColumnBlock FLOWER = CsvData.readBlock(CsvData.FLOWER);
  private static TrainingResult float32;
  private static TrainingResult float64;

  @BeforeAll
  static void trainWithoutSpark() {
    ColumnBlock rounded = FLOWER.toFloat32();
    float32 = DESCENT.run((parameters, batch) -> {
      GradientSums sums = GradientSums.empty(parameters.architecture());
      new BlockPasses(parameters).accumulateGradients(rounded, sums);
      return sums;
    }, Initializer.XAVIER.initialize(ARCH, 3), (i, cost) -> { });
    float64 = DESCENT.run(new LocalGradientSource(List.of(FLOWER)), Initializer.XAVIER.initialize(ARCH, 3),
        (i, cost) -> { });
  }

  @Test
  void float32IsCloseToFloat64ButNotTheSame() {
    assertClose(float64.parameters().values(), float32.parameters().values(), 1e-4, "float32 against float64");
    assertClose(float64.costs(), float32.costs(), 1e-5, "costs, float32 against float64");
    assertNotEquals(float64.costs(), float32.costs());
  }

  @Test
  void sameParametersWith1And2And5PartitionsAndSeveralBlockSizes() {
    for (int partitions : new int[] {1, 2, 5}) {
      for (int blockColumns : new int[] {7, 4096}) {
        TrainingResult result =
            PartitionInvarianceTest.trainOnFlower(DESCENT, partitions, blockColumns, Precision.FLOAT32);
        String where = partitions + " partitions, blocks of " + blockColumns;
        assertClose(float32.parameters().values(), result.parameters().values(), 1e-5, where);
        assertClose(float32.costs(), result.costs(), 1e-6, where + ", costs");
      }
    }
  }

  @Test
  void theCachedBlocksTakeAtMostATenthMoreThanFourBytesPerValue() {
    int n = 100;
    int perBlock = 1000;
    int blocks = 4;
    List<ColumnBlock> generated = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int q = 0; q < blocks; q++) {
      double[] x = new double[n * perBlock];
      double[] y = new double[perBlock];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextGaussian();
      }
      generated.add(new ColumnBlock(n, x, y));
    }
    DistributedBlocks data = DistributedBlocks.of(SharedSpark.context().parallelize(generated, 2),
        Precision.FLOAT32);
    try {
      long m = (long) blocks * perBlock;
      assertEquals(m, data.numExamples());
      long cached = -1;
      for (RDDInfo info : SharedSpark.context().sc().getRDDStorageInfo()) {
        if (info.id() == data.blocks().id()) {
          cached = info.memSize() + info.diskSize();
        }
      }
      assertTrue(cached > 4L * n * m, "the cached size " + cached + " must hold 4·n·m = " + 4L * n * m + " bytes");
      assertTrue(cached <= 1.1 * 4 * n * m, "cached " + cached + " bytes, more than 1.1 × 4·n·m = " + 4.4 * n * m);
    } finally {
      data.unpersist();
    }
  }

  @Test
  void theFingerprintIsThatOfTheWidenedFloats() {
    ColumnBlock integers = new ColumnBlock(2, new double[] {1, 2, 3, 4, 5, 6}, new double[] {0, 1, 1});
    assertEquals(DataFingerprint.of(List.of(integers)), DataFingerprint.of(List.of(integers.toFloat32())));
    ColumnBlock rounded = FLOWER.toFloat32();
    assertNotEquals(DataFingerprint.of(List.of(FLOWER)), DataFingerprint.of(List.of(rounded)));
    double[] widened = new double[2 * FLOWER.numColumns()];
    for (int i = 0; i < widened.length; i++) {
      widened[i] = rounded.feature(i);
    }
    assertEquals(DataFingerprint.of(List.of(new ColumnBlock(2, widened, FLOWER.labels()))),
        DataFingerprint.of(List.of(rounded)));
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, 64);
    DistributedBlocks data = DistributedBlocks.load(SharedSpark.context(), CsvData.FLOWER.toString(), reader, 5,
        64, Precision.FLOAT32);
    try {
      assertEquals(DataFingerprint.of(List.of(rounded)), DataFingerprint.of(data));
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
