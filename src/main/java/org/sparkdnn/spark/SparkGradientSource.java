package org.sparkdnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.Batch;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.MiniBatches;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * Gradient sums over cached blocks (after Spark's {@code RDDLossFunction}): broadcast the flat parameters, run
 * forward and backward on every block where it lives, add the sums, destroy the broadcast.
 *
 * <p>With few partitions (a local run, a small cluster) each partition's sums go straight to the driver in one
 * job ({@code runJob}, an {@code aggregate} of depth 1); with many, {@code treeAggregate} combines them on the
 * executors first. The per-partition work is a named function class rather than a lambda: Spark's closure
 * cleaner then has no bytecode to scan, which otherwise costs milliseconds per iteration.
 *
 * <p>The parameters reach the tasks as {@link ShippedParameters}.
 */
public final class SparkGradientSource implements GradientSource {
  /** Up to this many partitions, partition sums are added on the driver; above it, by {@code treeAggregate}. */
  public static final int DRIVER_MERGE_MAX_PARTITIONS = 32;

  private static final ClassTag<GradientSums> SUMS = ClassTag$.MODULE$.apply(GradientSums.class);

  private final JavaSparkContext sc;
  private final DistributedBlocks data;
  private final Architecture architecture;
  /** The mini-batches of {@link #data}, or null for batch gradient descent only. */
  private final MiniBatches batches;
  private final long[] starts;

  /** The class weights the tasks weigh the samples by, null for none. */
  private final ClassWeights weights;

  public SparkGradientSource(JavaSparkContext sc, DistributedBlocks data, Architecture architecture) {
    this(sc, data, architecture, null, null);
  }

  /**
   * A source that also sums {@code batches}' mini-batches (null: none) over {@code data}, weighing each sample by
   * its class's weight unless {@code weights} is null (the weights travel in the tasks' closure).
   */
  public SparkGradientSource(JavaSparkContext sc, DistributedBlocks data, Architecture architecture,
      MiniBatches batches, ClassWeights weights) {
    if (batches != null && batches.numSamples() != data.numExamples()) {
      throw new IllegalArgumentException(batches + " over " + data.numExamples() + " samples");
    }
    this.sc = sc;
    this.data = data;
    this.architecture = architecture;
    this.batches = batches;
    this.weights = weights;
    this.starts = data.partitionStarts();
  }

  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    if (!batch.isAll() && batches == null) {
      throw new IllegalStateException(batch + " asked of a source without mini-batches");
    }
    long expected = batch.isAll() ? data.numExamples() : batches.size(batch.index());
    try (ShippedParameters shipped = ShippedParameters.of(sc, parameters)) {
      PartitionSums partitionSums =
          new PartitionSums(shipped, weights, batch.isAll() ? null : batches, starts, batch);
      GradientSums sums;
      if (data.numPartitions() <= DRIVER_MERGE_MAX_PARTITIONS) {
        // the parts are the driver's own deserialized copies, free to become the total
        sums = GradientSums.inPartitionOrder(architecture,
            (GradientSums[]) sc.sc().runJob(data.blocks().rdd(), partitionSums, SUMS));
      } else {
        sums = data.blocks().rdd().mapPartitions(
                new PartitionIterator(partitionSums), true, SUMS)
            .treeReduce(new Merge(), 2);
      }
      if (sums.count() != expected) {
        throw new IllegalStateException("gradient sums of " + batch + " cover " + sums.count() + " samples, expected "
            + expected);
      }
      return weights == null ? sums : sums.weighBy(weights);
    }
  }

  /**
   * Σ over a partition's blocks (or its share of a mini-batch) of forward + backward at the shared parameters.
   */
  private static final class PartitionSums
      extends AbstractFunction2<TaskContext, Iterator<ColumnBlock>, GradientSums> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ShippedParameters parameters;
    /** Null for none. */
    private final ClassWeights weights;
    /** Null for every sample. */
    private final MiniBatches batches;
    private final long[] starts;
    private final Batch batch;

    PartitionSums(ShippedParameters parameters, ClassWeights weights, MiniBatches batches, long[] starts,
        Batch batch) {
      this.parameters = parameters;
      this.weights = weights;
      this.batches = batches;
      this.starts = batches == null ? null : starts;
      this.batch = batch;
    }

    @Override
    public GradientSums apply(TaskContext context, Iterator<ColumnBlock> blocks) {
      if (batches == null) {
        return BlockPasses.partitionSums(parameters.get(), weights, CollectionConverters.asJava(blocks), null);
      }
      int p = context.partitionId();
      MiniBatches.Order order = EpochOrders.of(batches, batch.epoch(), starts[p], starts[p + 1]);
      List<ColumnBlock> list = new ArrayList<>();
      CollectionConverters.asJava(blocks).forEachRemaining(list::add);
      return BlockPasses.batchSums(parameters.get(), weights, list, order, batch.index(), null);
    }
  }

  /** {@link PartitionSums} as a one-element iterator, for {@code mapPartitions}. */
  private static final class PartitionIterator
      extends scala.runtime.AbstractFunction1<Iterator<ColumnBlock>, Iterator<GradientSums>> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PartitionSums sums;

    PartitionIterator(PartitionSums sums) {
      this.sums = sums;
    }

    @Override
    public Iterator<GradientSums> apply(Iterator<ColumnBlock> blocks) {
      return scala.package$.MODULE$.Iterator().single(sums.apply(TaskContext.get(), blocks));
    }
  }

  /** Adds two partial sums ({@code treeReduce}'s combine). */
  private static final class Merge extends AbstractFunction2<GradientSums, GradientSums, GradientSums>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public GradientSums apply(GradientSums a, GradientSums b) {
      return a.merge(b);
    }
  }
}
