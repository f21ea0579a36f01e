package org.sparkdnn.bench;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;

/**
 * Seeded synthetic samples: features uniform in [-1, 1), label 1 where a random linear rule {@code w·x + b} is
 * positive. Partition p holds samples {@code [⌊p·m/P⌋, ⌊(p+1)·m/P⌋)} and is regenerated identically wherever it is
 * asked for (the driver, an executor), so every contender trains on the same arrays.
 */
record SyntheticData(int numFeatures, long numExamples, int partitions, int blockColumns, long seed)
    implements Serializable {

  /** Most samples per block, the CLI's default. */
  static int defaultBlockColumns(int numFeatures) {
    return CsvBlockReader.automaticBlockColumns(numFeatures);
  }

  /** Bytes of features, 8·n[0]·m. */
  long featureBytes() {
    return 8L * numFeatures * numExamples;
  }

  /** Every partition's blocks in {@code precision}, cached in Spark, each partition made where it is cached. */
  DistributedBlocks cache(JavaSparkContext sc, Precision precision) {
    return DistributedBlocks.of(sc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
        .mapPartitionsWithIndex((p, it) -> partition(p, precision).iterator(), true));
  }

  /** Partition p's blocks in {@code precision}: those of {@link #partition(int)}, rounded to float for float32. */
  List<ColumnBlock> partition(int p, Precision precision) {
    List<ColumnBlock> blocks = partition(p);
    return precision == Precision.FLOAT64 ? blocks : blocks.stream().map(ColumnBlock::toFloat32).toList();
  }

  /** Partition p's blocks, each of at most {@link #blockColumns()} samples. */
  List<ColumnBlock> partition(int p) {
    long start = p * numExamples / partitions;
    long end = (p + 1) * numExamples / partitions;
    double[] w = rule();
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + p + 1);
    List<ColumnBlock> blocks = new ArrayList<>();
    for (long from = start; from < end; from += blockColumns) {
      int columns = (int) Math.min(blockColumns, end - from);
      double[] x = new double[Math.multiplyExact(columns, numFeatures)];
      double[] y = new double[columns];
      for (int j = 0; j < columns; j++) {
        double z = w[numFeatures];
        for (int i = 0; i < numFeatures; i++) {
          double value = random.nextDouble(-1.0, 1.0);
          x[j * numFeatures + i] = value;
          z += w[i] * value;
        }
        y[j] = z > 0 ? 1.0 : 0.0;
      }
      blocks.add(new ColumnBlock(numFeatures, x, y));
    }
    return blocks;
  }

  /** The labelling rule: n[0] weights, then the bias. */
  private double[] rule() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] w = new double[numFeatures + 1];
    for (int i = 0; i <= numFeatures; i++) {
      w[i] = random.nextDouble(-1.0, 1.0);
    }
    w[numFeatures] *= 0.1;
    return w;
  }
}
