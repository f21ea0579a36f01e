package org.sparkdnn.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.PackedDoubles;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.GradientSource;
import scala.collection.Iterator;
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
 * <p>Parameters of up to {@value #INLINE_MAX_PARAMETERS} values travel inside the task itself, which Spark
 * already broadcasts once per job: one broadcast per iteration instead of two, and no broadcast to destroy
 * ({@code SparkOverheadBench} measures it). Larger ones get their own broadcast, deserialized once per executor
 * rather than once per task, and kept under Spark's large-task-binary warning.
 */
public final class SparkGradientSource implements GradientSource {
  /** Up to this many partitions, partition sums are added on the driver; above it, by {@code treeAggregate}. */
  public static final int DRIVER_MERGE_MAX_PARTITIONS = 32;

  /** Up to this many parameters (800 kB) ship inside the task; above it, in a broadcast of their own. */
  public static final int INLINE_MAX_PARAMETERS = 100_000;

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
    SharedParameters shared = SharedParameters.of(sc, parameters.values());
    try {
      PartitionSums partitionSums = new PartitionSums(architecture, shared);
      GradientSums sums;
      if (data.numPartitions() <= DRIVER_MERGE_MAX_PARTITIONS) {
        GradientSums[] parts = (GradientSums[]) sc.sc().runJob(data.blocks().rdd(), partitionSums, SUMS);
        // the parts are the driver's own deserialized copies: the first becomes the total, with no copy of its array
        sums = parts.length == 0 ? GradientSums.empty() : parts[0];
        for (int p = 1; p < parts.length; p++) {
          sums.merge(parts[p]);
        }
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
    } finally {
      shared.destroy();
    }
  }

  /** The flat parameters as tasks receive them: inside the task when small, else through a broadcast. */
  private static final class SharedParameters implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PackedDoubles inline;
    private final Broadcast<PackedDoubles> broadcast;

    private SharedParameters(PackedDoubles inline, Broadcast<PackedDoubles> broadcast) {
      this.inline = inline;
      this.broadcast = broadcast;
    }

    static SharedParameters of(JavaSparkContext sc, double[] values) {
      PackedDoubles packed = new PackedDoubles(values);
      return values.length <= INLINE_MAX_PARAMETERS
          ? new SharedParameters(packed, null) : new SharedParameters(null, sc.broadcast(packed));
    }

    double[] values() {
      return inline != null ? inline.values() : broadcast.value().values();
    }

    void destroy() {
      if (broadcast != null) {
        Broadcasts.destroy(broadcast);
      }
    }
  }

  /** Σ over a partition's blocks of forward + backward at the shared parameters. */
  private static final class PartitionSums
      extends AbstractFunction2<TaskContext, Iterator<ColumnBlock>, GradientSums> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Architecture architecture;
    private final SharedParameters parameters;

    PartitionSums(Architecture architecture, SharedParameters parameters) {
      this.architecture = architecture;
      this.parameters = parameters;
    }

    @Override
    public GradientSums apply(TaskContext context, Iterator<ColumnBlock> blocks) {
      BlockPasses passes = new BlockPasses(new Parameters(architecture, parameters.values()));
      GradientSums sums = GradientSums.empty();
      while (blocks.hasNext()) {
        passes.accumulateGradients(blocks.next(), sums);
      }
      return sums;
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
