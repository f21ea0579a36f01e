package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkdnn.data.ColumnBlock;

/**
 * The same work on Spark MLlib: {@link MultilayerPerceptronClassifier} with solver {@code gd}, the same hidden
 * layers and two outputs (sigmoid hidden units, softmax output), on a cached DataFrame of the same samples in the
 * same partitions. Time per iteration is {@code (fit(1 + k) − fit(1)) / k}, so the set-up every fit repeats
 * (stacking the rows into blocks, caching them, the first iteration) cancels out; the first fit of the JVM runs
 * once untimed, to load and compile MLlib's code.
 */
final class MllibRun {
  private static final StructType SCHEMA = new StructType()
      .add("label", DataTypes.DoubleType)
      .add("features", SQLDataTypes.VectorType());

  private final SparkSession spark;
  private boolean warm;

  MllibRun(SparkSession spark) {
    this.spark = spark;
  }

  /** Seconds per gradient-descent iteration of MLlib over {@code data} with {@code sizes} (n[L] = 1 replaced by 2). */
  double secondsPerIteration(SyntheticData data, int[] sizes, int iterations)
      throws Exception {
    JavaRDD<Row> rows = new JavaSparkContext(spark.sparkContext())
        .parallelize(IntStream.range(0, data.partitions()).boxed().toList(), data.partitions())
        .mapPartitionsWithIndex((p, it) -> rows(data.partition(p)).iterator(), true);
    Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).cache();
    try {
      frame.count();
      int[] layers = sizes.clone();
      layers[layers.length - 1] = 2;
      if (!warm) {
        fit(frame, layers, 1);
        warm = true;
      }
      double once = Timing.seconds(() -> fit(frame, layers, 1));
      double more = Timing.seconds(() -> fit(frame, layers, 1 + iterations));
      return (more - once) / iterations;
    } finally {
      frame.unpersist(true);
    }
  }

  private static void fit(Dataset<Row> frame, int[] layers, int maxIter) {
    new MultilayerPerceptronClassifier()
        .setLayers(layers)
        .setSolver("gd")
        .setStepSize(0.03)
        .setMaxIter(maxIter)
        .setTol(0.0)
        .setSeed(1L)
        .fit(frame);
  }

  /** The blocks' samples as rows (label, dense features). */
  private static List<Row> rows(List<ColumnBlock> blocks) {
    List<Row> rows = new ArrayList<>();
    for (ColumnBlock block : blocks) {
      int n = block.numFeatures();
      double[] x = block.X().data();
      for (int j = 0; j < block.numColumns(); j++) {
        double[] column = new double[n];
        System.arraycopy(x, j * n, column, 0, n);
        rows.add(RowFactory.create(block.labels()[j], Vectors.dense(column)));
      }
    }
    return rows;
  }
}
