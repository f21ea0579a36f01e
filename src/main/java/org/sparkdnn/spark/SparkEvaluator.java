package org.sparkdnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.eval.RocAuc;
import org.sparkdnn.model.Parameters;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * Predictions and binary metrics over cached blocks. The ROC AUC is exact: samples are grouped by distinct
 * score, sorted across the cluster, and each partition's Mann–Whitney counts are merged in score order.
 */
public final class SparkEvaluator {
  private static final ClassTag<ConfusionCounts> COUNTS = ClassTag$.MODULE$.apply(ConfusionCounts.class);

  private SparkEvaluator() {}

  /**
   * {@code ŷ = A[L]} of every sample of a block, in column order.
   * Shapes: block X (n[0], m_b); returns (1, m_b).
   */
  public static double[] probabilities(Parameters parameters, ColumnBlock block) {
    return new BlockPasses(parameters).probabilities(block);
  }

  /**
   * Runs {@code action} on each block's {@code ŷ = A[L]} (1, m_b), in block order, while the parameters are shipped
   * to the executors ({@link ShippedParameters}): the action's Spark jobs must have run when it returns.
   */
  public static <T> T withProbabilities(JavaSparkContext sc, DistributedBlocks data, Parameters parameters,
      Function<JavaRDD<double[]>, T> action) {
    try (ShippedParameters shipped = ShippedParameters.of(sc, parameters)) {
      JavaRDD<double[]> probabilities = data.blocks().map(block -> probabilities(shipped.get(), block));
      return action.apply(probabilities);
    }
  }

  /**
   * Whether each sample is classified correctly ({@code ŷ > threshold} equals its label), in sample order.
   * Collects one boolean per sample to the driver: for data sets of a size the driver can hold.
   */
  public static boolean[] correctInOrder(JavaSparkContext sc, DistributedBlocks data, Parameters parameters,
      double threshold) {
    try (ShippedParameters shipped = ShippedParameters.of(sc, parameters)) {
      List<boolean[]> blocks = data.blocks().map(block -> {
        double[] p = probabilities(shipped.get(), block);
        boolean[] correct = new boolean[p.length];
        for (int j = 0; j < p.length; j++) {
          correct[j] = (p[j] > threshold ? 1.0 : 0.0) == block.labels()[j];
        }
        return correct;
      }).collect();
      boolean[] all = new boolean[Math.toIntExact(data.numExamples())];
      int at = 0;
      for (boolean[] block : blocks) {
        System.arraycopy(block, 0, all, at, block.length);
        at += block.length;
      }
      return all;
    }
  }

  /**
   * Accuracy, precision, recall, F1, log-loss, ROC AUC and the confusion matrix, predicting 1 where
   * {@code ŷ > threshold} (the course's {@code predict}).
   */
  public static BinaryMetrics evaluate(JavaSparkContext sc, DistributedBlocks data, Parameters parameters,
      double threshold) {
    ShippedParameters shipped = ShippedParameters.of(sc, parameters);
    JavaRDD<double[]> scored = data.blocks()
        .map(block -> scoredPairs(probabilities(shipped.get(), block), block.labels()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ConfusionCounts counts = scored.treeAggregate(ConfusionCounts.EMPTY, (acc, pairs) -> {
        ConfusionCounts sum = acc;
        for (int j = 0; j < pairs.length; j += 2) {
          sum = sum.add(pairs[j], pairs[j + 1], threshold);
        }
        return sum;
      }, ConfusionCounts::merge, 2);
      List<RocAuc.Accumulator> parts = scored
          .flatMapToPair(pairs -> {
            List<Tuple2<Double, long[]>> out = new ArrayList<>(pairs.length / 2);
            for (int j = 0; j < pairs.length; j += 2) {
              boolean positive = pairs[j + 1] == 1.0;
              out.add(new Tuple2<>(pairs[j], new long[] {positive ? 1 : 0, positive ? 0 : 1}));
            }
            return out.iterator();
          })
          .reduceByKey((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
          .sortByKey(true)
          .mapPartitions(groups -> {
            RocAuc.Accumulator acc = new RocAuc.Accumulator();
            while (groups.hasNext()) {
              Tuple2<Double, long[]> group = groups.next();
              acc.add(group._1(), group._2()[0], group._2()[1]);
            }
            return List.of(acc).iterator();
          })
          .collect();
      RocAuc.Accumulator auc = new RocAuc.Accumulator();
      parts.forEach(auc::merge);
      return new BinaryMetrics(counts, auc.auc());
    } finally {
      scored.unpersist(false);
      shipped.close();
    }
  }

  /**
   * The confusion counts and summed log-loss (so accuracy and log-loss, as {@link #evaluate} gives them) in one
   * pass over the cached blocks, without the ROC AUC's sort: cheap enough to run during training. As
   * {@link SparkGradientSource} does, one job returns each partition's counts to the driver, which adds them in
   * partition order, and the per-partition work is a named function class, which Spark's closure cleaner need not
   * scan.
   */
  public static ConfusionCounts confusion(JavaSparkContext sc, DistributedBlocks data, Parameters parameters,
      double threshold) {
    try (ShippedParameters shipped = ShippedParameters.of(sc, parameters)) {
      return ConfusionCounts.inPartitionOrder((ConfusionCounts[]) sc.sc().runJob(data.blocks().rdd(),
          new PartitionCounts(shipped, threshold), COUNTS));
    }
  }

  /** A partition's confusion counts at the shipped parameters. */
  private static final class PartitionCounts
      extends AbstractFunction2<TaskContext, Iterator<ColumnBlock>, ConfusionCounts> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ShippedParameters parameters;
    private final double threshold;

    PartitionCounts(ShippedParameters parameters, double threshold) {
      this.parameters = parameters;
      this.threshold = threshold;
    }

    /** Shapes: per block, X (n[0], m_b) → ŷ (1, m_b), added to the counts sample by sample. */
    @Override
    public ConfusionCounts apply(TaskContext context, Iterator<ColumnBlock> blocks) {
      return BlockPasses.partitionCounts(parameters.get(), CollectionConverters.asJava(blocks), threshold);
    }
  }

  /** (ŷ_0, y_0, ŷ_1, y_1, …): a block's scores beside its labels. */
  private static double[] scoredPairs(double[] probabilities, double[] labels) {
    double[] pairs = new double[2 * probabilities.length];
    for (int j = 0; j < probabilities.length; j++) {
      pairs[2 * j] = probabilities[j];
      pairs[2 * j + 1] = labels[j];
    }
    return pairs;
  }
}
