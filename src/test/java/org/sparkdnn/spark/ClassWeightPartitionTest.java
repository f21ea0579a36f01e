package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Precision;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.LocalGradientSource;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.MiniBatches;
import org.sparkdnn.train.TrainingResult;
import org.sparkdnn.train.UpdateRule;

/**
 * Class weights through the jobs engine give the model of one in-memory block whatever the partitioning (1, 2, 5
 * partitions, blocks of 7 and 64 samples), in batch and mini-batch gradient descent; the distributed label count
 * {@code balanced} uses is the data's. The resident engine's bits against the jobs engine's: {@code
 * ResidentEngineTest}.
 */
class ClassWeightPartitionTest {
  private static final ClassWeights WEIGHTS = new ClassWeights(0.4, 2.5);

  @Test
  void sameModelWith1And2And5PartitionsInBatchAndMiniBatchDescent() {
    ColumnBlock all = CsvData.readBlock(CsvData.FLOWER);
    MiniBatches batches = new MiniBatches(400, 64, 5);
    GradientDescent batch = new GradientDescent(0.5, 40);
    GradientDescent mini = new GradientDescent(0.01, 3, UpdateRule.of(UpdateRule.Kind.ADAM, 0.9, 0.999, 1e-8),
        batches);
    TrainingResult batchReference = run(batch, new LocalGradientSource(List.of(all), null, WEIGHTS));
    TrainingResult miniReference = run(mini, new LocalGradientSource(List.of(all), batches, WEIGHTS));
    for (int partitions : new int[] {1, 2, 5}) {
      for (int blockColumns : new int[] {7, 64}) {
        DistributedBlocks data = load(partitions, blockColumns);
        try {
          String where = partitions + " partitions, blocks of " + blockColumns;
          TrainingResult batchRun = run(batch, new SparkGradientSource(SharedSpark.context(), data,
              PartitionInvarianceTest.ARCH, null, WEIGHTS));
          assertClose(batchReference.parameters().values(), batchRun.parameters().values(), 1e-12, 1e-14,
              where + ", batch descent", PartitionInvarianceTest.ARCH);
          assertClose(batchReference.costs(), batchRun.costs(), 1e-12, 0.0, where + ", batch costs");
          TrainingResult miniRun = run(mini, new SparkGradientSource(SharedSpark.context(), data,
              PartitionInvarianceTest.ARCH, batches, WEIGHTS));
          assertClose(miniReference.parameters().values(), miniRun.parameters().values(), 1e-12, 1e-14,
              where + ", mini-batches", PartitionInvarianceTest.ARCH);
          assertClose(miniReference.costs(), miniRun.costs(), 1e-12, 0.0, where + ", epoch costs");
        } finally {
          data.unpersist();
        }
      }
    }
  }

  @Test
  void theLabelCountIsTheDatas() {
    long ones = 0;
    for (double y : CsvData.readBlock(CsvData.FLOWER).labels()) {
      ones += y == 1.0 ? 1 : 0;
    }
    for (int partitions : new int[] {1, 5}) {
      DistributedBlocks data = load(partitions, 7);
      try {
        assertEquals(ones, data.labelledOne(), partitions + " partitions");
      } finally {
        data.unpersist();
      }
    }
  }

  private static TrainingResult run(GradientDescent descent, GradientSource source) {
    return descent.run(source, Initializer.XAVIER.initialize(PartitionInvarianceTest.ARCH, 3), (i, cost) -> { });
  }

  private static DistributedBlocks load(int partitions, int blockColumns) {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, blockColumns);
    DistributedBlocks data = DistributedBlocks.load(SharedSpark.context(), CsvData.FLOWER.toString(), reader,
        partitions, blockColumns, Precision.FLOAT64);
    assertEquals(partitions, data.numPartitions());
    return data;
  }
}
