package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
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
 * layers and two outputs (sigmoid hidden units, softmax output), tolerance 0 so that it cannot stop early, on a
 * cached DataFrame of the same samples in the same partitions.
 *
 * <p>One fit runs {@code warmUp + timed} iterations. Each iteration is one {@code treeAggregate} job
 * ({@link GradientDescentJobs}), and Spark 4.1's {@code GradientDescent} runs one more after the last update (the
 * loss at the final weights), so a fit of maxIter iterations must show exactly maxIter + 1 such jobs. An iteration's
 * time is the gap between the ends of consecutive jobs, so it holds the driver's update and broadcast as well as the
 * job. The first job also stacks and caches MLlib's own copy of the rows, and the next {@code warmUp} gaps let the
 * JIT settle: the result is the median of the remaining {@code timed} gaps.
 */
final class MllibRun {
  private static final StructType SCHEMA = new StructType()
      .add("label", DataTypes.DoubleType)
      .add("features", SQLDataTypes.VectorType());
  private static final long LISTENER_WAIT_MILLIS = 30_000;

  private final SparkSession spark;
  private final GradientDescentJobs jobs = new GradientDescentJobs();

  MllibRun(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(jobs);
  }

  /** Seconds per iteration, and the gradient-descent jobs MLlib ran (maxIter + 1). */
  record Timed(double secondsPerIteration, int jobs) {}

  /** MLlib's median seconds per gradient-descent iteration over {@code data} with {@code sizes} (n[L] → 2). */
  Timed secondsPerIteration(SyntheticData data, LayerSizes sizes, int warmUp, int timed) throws Exception {
    if (timed < 1 || warmUp < 0) {
      throw new IllegalArgumentException("MLlib: expected ≥ 1 timed and ≥ 0 warm-up iterations, found "
          + timed + " and " + warmUp);
    }
    JavaRDD<Row> rows = new JavaSparkContext(spark.sparkContext())
        .parallelize(IntStream.range(0, data.partitions()).boxed().toList(), data.partitions())
        .mapPartitionsWithIndex((p, it) -> rows(data.partition(p)).iterator(), true);
    Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).cache();
    try {
      frame.count();
      int[] layers = sizes.sizes();
      layers[layers.length - 1] = 2;
      int maxIter = warmUp + timed;
      int expectedJobs = maxIter + 1;
      jobs.reset();
      MultilayerPerceptronClassificationModel model = new MultilayerPerceptronClassifier()
          .setLayers(layers)
          .setSolver("gd")
          .setStepSize(0.03)
          .setMaxIter(maxIter)
          .setTol(0.0)
          .setSeed(1L)
          .fit(frame);
      List<Long> ends = jobs.awaitEnds(expectedJobs, LISTENER_WAIT_MILLIS);
      if (ends.size() != expectedJobs) {
        throw new IllegalStateException(String.format("MLlib ran %d gradient-descent jobs (%s…), expected "
            + "maxIter + 1 = %d; its objective history has %d entries; other jobs' stages: %s", ends.size(),
            GradientDescentJobs.CALL_SITE, expectedJobs, model.summary().objectiveHistory().length,
            jobs.otherStages()));
      }
      double[] gaps = new double[timed];
      for (int i = 0; i < timed; i++) {
        int job = 1 + warmUp + i;
        gaps[i] = (ends.get(job) - ends.get(job - 1)) / 1e3;
      }
      return new Timed(Timing.median(gaps), ends.size());
    } finally {
      frame.unpersist(true);
    }
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
