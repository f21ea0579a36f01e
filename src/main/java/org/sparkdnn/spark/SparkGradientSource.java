package org.sparkdnn.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.GradientSource;
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

  public SparkGradientSource(JavaSparkContext sc, DistributedBlocks data, Architecture architecture) {
    this.sc = sc;
    this.data = data;
    this.architecture = architecture;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters) {
    try (ShippedParameters shipped = ShippedParameters.of(sc, parameters)) {
      PartitionSums partitionSums = new PartitionSums(shipped);
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
      if (sums.count() != data.numExamples()) {
        throw new IllegalStateException(
            "gradient sums cover " + sums.count() + " samples, expected m = " + data.numExamples());
      }
      return sums;
    }
  }

  /** Σ over a partition's blocks of forward + backward at the shared parameters. */
  private static final class PartitionSums
      extends AbstractFunction2<TaskContext, Iterator<ColumnBlock>, GradientSums> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ShippedParameters parameters;

    PartitionSums(ShippedParameters parameters) {
      this.parameters = parameters;
    }

    @Override
    public GradientSums apply(TaskContext context, Iterator<ColumnBlock> blocks) {
      return BlockPasses.partitionSums(parameters.get(), CollectionConverters.asJava(blocks));
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
