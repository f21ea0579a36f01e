package org.sparkdnn.bench;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.PackedDoubles;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkGradientSource;

/**
 * Spark's cost per gradient iteration for small models, by way of combining the partitions' sums: the median
 * milliseconds of {@link SparkGradientSource} (one {@code runJob}, sums added on the driver), of
 * {@code aggregate} and of {@code treeAggregate} (depth 2) over the same cached blocks and broadcast, beside the
 * compute alone ({@link LocalCompute}), an empty job over the cached RDD (Spark's floor, {@link EmptyJob}), and
 * {@code aggregate} with the parameters in the task closure rather than a broadcast of their own.
 * The ways run round robin, so drift and warm-up fall on all alike.
 * Arguments: master (default {@code local[2]}), partitions (2), m (2000), timed iterations (41).
 */
public final class SparkOverheadBench {
  private static final int[][] SHAPES = {{100, 20, 7, 5, 1}, {100, 256, 128, 1}};

  private SparkOverheadBench() {}

  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long m = args.length > 2 ? Long.parseLong(args[2]) : 2000;
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 41;
    SparkConf conf = new SparkConf().setAppName("spark-overhead").setMaster(master).set("spark.ui.enabled", "false");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      System.out.printf(Locale.ROOT, "%s, %d partitions, m = %d, median of %d iterations (ms)%n", master,
          partitions, m, iterations);
      System.out.printf(Locale.ROOT, "%-18s %8s %9s %8s %10s %10s %14s %16s%n", "layers", "params", "compute",
          "empty job", "runJob+drv", "aggregate", "treeAggregate", "agg, no broadcast");
      for (int[] shape : SHAPES) {
        SyntheticData data = new SyntheticData(shape[0], m, partitions,
            SyntheticData.defaultBlockColumns(shape[0]), 1);
        Architecture arch = Architecture.withHidden(shape, Activation.RELU);
        Parameters parameters = Initializer.HE.initialize(arch, 1);
        DistributedBlocks blocks = data.cache(sc, Precision.FLOAT64);
        JavaRDD<ColumnBlock> rdd = blocks.blocks();
        SparkGradientSource source = new SparkGradientSource(sc, blocks, arch);
        double compute;
        try (LocalCompute local = new LocalCompute(data, Precision.FLOAT64, partitions)) {
          compute = Timing.median(5, iterations, 0, () -> local.gradientSums(parameters));
        }
        // round robin, so that warm-up, garbage collection and load drift fall on every way alike
        Timing.Work[] ways = {
            () -> EmptyJob.run(blocks),
            () -> source.gradientSums(parameters),
            () -> combined(sc, rdd, parameters, false),
            () -> combined(sc, rdd, parameters, true),
            () -> rdd.aggregate(GradientSums.empty(arch),
                new AddBlockShipped(arch, new PackedDoubles(parameters.values())), new Merge())};
        double[][] seconds = new double[ways.length][iterations];
        for (int round = -5; round < iterations; round++) {
          for (int w = 0; w < ways.length; w++) {
            double t = Timing.seconds(ways[w]);
            if (round >= 0) {
              seconds[w][round] = t;
            }
          }
        }
        System.out.printf(Locale.ROOT, "%-18s %8d %9.2f %8.2f %10.2f %10.2f %14.2f %16.2f%n",
            arch.sizesText(), arch.numParameters(), compute * 1e3, median(seconds[0]) * 1e3,
            median(seconds[1]) * 1e3, median(seconds[2]) * 1e3, median(seconds[3]) * 1e3, median(seconds[4]) * 1e3);
        rdd.unpersist(true);
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** One iteration's sums by {@code aggregate} or {@code treeAggregate}, with a broadcast and a lazy zero. */
  private static GradientSums combined(JavaSparkContext sc, JavaRDD<ColumnBlock> rdd, Parameters parameters,
      boolean tree) {
    Broadcast<PackedDoubles> shared = sc.broadcast(new PackedDoubles(parameters.values()));
    try {
      AddBlock add = new AddBlock(parameters.architecture(), shared);
      Merge merge = new Merge();
      return tree ? rdd.treeAggregate(GradientSums.empty(parameters.architecture()), add, merge, 2)
          : rdd.aggregate(GradientSums.empty(parameters.architecture()), add, merge);
    } finally {
      shared.destroy();
    }
  }

  /** seqOp: adds one block's forward + backward at the broadcast parameters. */
  private static final class AddBlock implements Function2<GradientSums, ColumnBlock, GradientSums> {
    private static final long serialVersionUID = 1L;
    private final Architecture architecture;
    private final Broadcast<PackedDoubles> parameters;

    AddBlock(Architecture architecture, Broadcast<PackedDoubles> parameters) {
      this.architecture = architecture;
      this.parameters = parameters;
    }

    @Override
    public GradientSums call(GradientSums sums, ColumnBlock block) {
      Parameters p = new Parameters(architecture, parameters.value().values());
      new BlockPasses(p).accumulateGradients(block, sums);
      return sums;
    }
  }

  /** seqOp with the parameters in the closure itself (the task binary) instead of a broadcast. */
  private static final class AddBlockShipped implements Function2<GradientSums, ColumnBlock, GradientSums> {
    private static final long serialVersionUID = 1L;
    private final Architecture architecture;
    private final PackedDoubles parameters;

    AddBlockShipped(Architecture architecture, PackedDoubles parameters) {
      this.architecture = architecture;
      this.parameters = parameters;
    }

    @Override
    public GradientSums call(GradientSums sums, ColumnBlock block) {
      Parameters p = new Parameters(architecture, parameters.values());
      new BlockPasses(p).accumulateGradients(block, sums);
      return sums;
    }
  }

  /** combOp. */
  private static final class Merge implements Function2<GradientSums, GradientSums, GradientSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public GradientSums call(GradientSums a, GradientSums b) {
      return a.merge(b);
    }
  }
}
