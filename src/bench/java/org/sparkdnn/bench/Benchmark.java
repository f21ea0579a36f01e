package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.sparkdnn.linalg.Blas;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkGradientSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * spark-dnn's benchmark (scripts/bench.sh): the DGEMM peak of the BLAS in use, then for each layer shape and m our
 * time per iteration split into compute and Spark overhead, MLlib's time per iteration on the same data, and the
 * cached size of the data; a text table on stdout and the same as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time spark-dnn's gradient iterations against the BLAS peak and Spark MLlib.")
public final class Benchmark implements Callable<Integer> {
  private static final int[][] SHAPES = {{100, 20, 7, 5, 1}, {100, 256, 128, 1}, {1000, 256, 1}, {12288, 20, 7, 5, 1}};
  private static final int GEMM_SIZE = 1024;

  @Option(names = "--sizes", split = ",", description = "Sample counts m (default: ${DEFAULT-VALUE}).",
      defaultValue = "1e4,1e5")
  private List<String> sizes;

  @Option(names = "--master", description = "Spark master; its thread count is also the compute's (default: ${DEFAULT-VALUE}).",
      defaultValue = "local[2]")
  private String master;

  @Option(names = "--partitions", description = "Partitions of the data (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  private int partitions;

  @Option(names = "--warmup", description = "Untimed iterations first (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  private int warmUp;

  @Option(names = "--iterations", description = "Timed iterations, of which the median is kept (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  private int iterations;

  @Option(names = "--mllib-iterations", description = "MLlib iterations timed beyond its first; 0 skips MLlib "
      + "(default: ${DEFAULT-VALUE}).", defaultValue = "2")
  private int mllibIterations;

  @Option(names = "--seed", description = "Seed of the data and the initial weights (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  private long seed;

  @Option(names = "--output", description = "JSON results (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/bench/bench.json")
  private Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int threads = SparkThreads.of(master);
    double peakOne = GemmPeak.gflops(GEMM_SIZE, 1);
    double peakAll = GemmPeak.gflops(GEMM_SIZE, threads);
    System.out.printf("BLAS %s: DGEMM %d³ peak %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads%n",
        Blas.implementationName(), GEMM_SIZE, peakOne, peakAll, threads);
    long heap = Runtime.getRuntime().maxMemory();
    List<CaseResult> results = new ArrayList<>();
    try (SparkSession spark = SparkSession.builder().master(master).appName("spark-dnn-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()) {
      JavaSparkContext sc = new JavaSparkContext(spark.sparkContext());
      MllibRun mllib = new MllibRun(spark);
      for (String size : sizes) {
        long m = (long) Double.parseDouble(size.trim());
        for (int[] shape : SHAPES) {
          SyntheticData data = new SyntheticData(shape[0], m, partitions,
              SyntheticData.defaultBlockColumns(shape[0]), seed);
          CaseResult result = data.featureBytes() > heap / 5
              ? new CaseResult(shape, m, CaseResult.forwardFlops(shape, m), Double.NaN, Double.NaN, Double.NaN, 0,
                  data.featureBytes(), String.format("needs %.1f GB of features, over a fifth of the %.1f GB heap",
                      data.featureBytes() / 1e9, heap / 1e9))
              : run(sc, mllib, data, shape, threads);
          results.add(result);
          System.err.printf("done %s m=%d%n", Arrays.toString(shape), m);
        }
      }
    }
    System.out.print(ResultTable.text(results, peakAll, threads));
    write(results, peakOne, peakAll, threads);
    System.out.println("JSON: " + output);
    return 0;
  }

  private CaseResult run(JavaSparkContext sc, MllibRun mllib, SyntheticData data, int[] shape, int threads)
      throws Exception {
    Architecture architecture = Architecture.withHidden(shape, Activation.RELU);
    Parameters parameters = Initializer.HE.initialize(architecture, seed);
    double computeSeconds;
    GradientSums local;
    try (LocalCompute compute = new LocalCompute(data, threads)) {
      local = compute.gradientSums(parameters);
      computeSeconds = Timing.median(warmUp, iterations, () -> compute.gradientSums(parameters));
    }
    DistributedBlocks blocks = DistributedBlocks.of(
        sc.parallelize(IntStream.range(0, data.partitions()).boxed().toList(), data.partitions())
            .mapPartitionsWithIndex((p, it) -> data.partition(p).iterator(), true));
    double sparkSeconds;
    long cached;
    try {
      SparkGradientSource source = new SparkGradientSource(sc, blocks, architecture);
      GradientSums distributed = source.gradientSums(parameters);
      if (Math.abs(distributed.costSum() - local.costSum()) > 1e-9 * Math.abs(local.costSum())) {
        throw new IllegalStateException("Spark's cost sum " + distributed.costSum() + " differs from the local "
            + local.costSum() + ": not the same data");
      }
      sparkSeconds = Timing.median(warmUp, iterations, () -> source.gradientSums(parameters));
      cached = cachedBytes(sc, blocks.blocks().id());
    } finally {
      blocks.unpersist();
    }
    double mllibSeconds = mllibIterations > 0
        ? mllib.secondsPerIteration(data, shape, mllibIterations) : Double.NaN;
    return new CaseResult(shape, data.numExamples(), CaseResult.forwardFlops(shape, data.numExamples()),
        computeSeconds, sparkSeconds, mllibSeconds, cached, data.featureBytes(), null);
  }

  /** Memory plus disk bytes Spark reports for the cached RDD {@code id}. */
  private static long cachedBytes(JavaSparkContext sc, int id) {
    for (RDDInfo info : sc.sc().getRDDStorageInfo()) {
      if (info.id() == id) {
        return info.memSize() + info.diskSize();
      }
    }
    return 0;
  }

  private void write(List<CaseResult> results, double peakOne, double peakAll, int threads) throws Exception {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time", Instant.now().toString());
    json.put("blas", Blas.implementationName());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("master", master);
    json.put("partitions", partitions);
    json.put("warmup", warmUp);
    json.put("iterations", iterations);
    json.put("mllib_iterations", mllibIterations);
    json.put("gemm", Map.of("size", GEMM_SIZE, "gflops_1_thread", peakOne, "gflops_all_threads", peakAll,
        "threads", threads));
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CaseResult r : results) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("layers", r.sizes());
      c.put("m", r.numExamples());
      c.put("flops_per_iteration", r.iterationFlops());
      c.put("feature_bytes", r.featureBytes());
      if (r.skipped() != null) {
        c.put("skipped", r.skipped());
      } else {
        c.put("compute_seconds", r.computeSeconds());
        c.put("spark_seconds", r.sparkSeconds());
        c.put("spark_overhead_seconds", r.sparkOverheadSeconds());
        c.put("compute_gflops", r.computeGflops());
        c.put("compute_percent_of_peak", 100 * r.computeGflops() / peakAll);
        c.put("spark_gflops", r.sparkGflops());
        c.put("spark_percent_of_peak", 100 * r.sparkGflops() / peakAll);
        c.put("mllib_seconds", Double.isNaN(r.mllibSeconds()) ? null : r.mllibSeconds());
        c.put("mllib_over_ours", Double.isNaN(r.mllibSeconds()) ? null : r.mllibRatio());
        c.put("cached_bytes", r.cachedBytes());
      }
      cases.add(c);
    }
    json.put("cases", cases);
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), json);
  }
}
