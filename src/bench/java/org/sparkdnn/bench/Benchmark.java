package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.spark.SparkGradientSource;
import org.sparkdnn.spark.resident.ResidentEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * spark-dnn's benchmark (scripts/bench.sh): the DGEMM peak of the BLAS in use; for each layer shape and m our time
 * per iteration split into compute and Spark overhead, with GFLOP/s and share of the peak, for both engines warm
 * (in this JVM); both engines cold (a fresh JVM per run, as a user's run) on 100,20,7,5,1 and the course's L-layer
 * run; MLlib's time per iteration on the same data; the cached size; numpy's time on the same work and the
 * course's loop; then issue 4's and issue 13's targets with PASS/FAIL. A text report on stdout and the same as JSON.
 */
@Command(name = "bench.sh", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 118,
    description = {"Times spark-dnn's gradient iterations with both engines, warm and cold, against the BLAS peak, "
        + "Spark MLlib and numpy, and judges issue 4's targets (the jobs engine) and issue 13's (the resident one).",
        "Cases: layers 100,20,7,5,1 / 100,256,128,1 / 1000,256,1 / 12288,20,7,5,1 (the course's cat L-layer shape) at "
            + "each --sizes m, on seeded synthetic data (features uniform in [-1, 1), labels from a random linear "
            + "rule), --partitions partitions cached in Spark; a case (or MLlib's part of it) whose data does not "
            + "fit --memory-budget, or whose cached blocks do not fit Spark's storage memory, is printed as "
            + "'skipped: needs X GiB'. Comparisons: MLlib's "
            + "MultilayerPerceptronClassifier (gd, two outputs) on every case that fits; numpy (scripts/"
            + "bench-numpy.py, only with --numpy) on 100,20,7,5,1 at each m and on the course's loop; our cat shape "
            + "at the course's m = 209; `spark-dnn course week4-deep` end to end in its own JVM.",
        "Engines: warm, in this JVM over each case's cached blocks, the jobs engine (SparkGradientSource, one job "
            + "per iteration: 'Spark') timed in turns with the compute and an empty job, then the resident engine "
            + "(ResidentEngine, one stage for the run) in turns with the compute again. Cold, as a user's run, a "
            + "fresh JVM per engine before any case: `spark-dnn train --engine E` on 100,20,7,5,1 at each --sizes m "
            + "from 1e4 to 1e5 within --memory-budget (" + ColdRun.ITERATIONS + " iterations, "
            + ColdRun.QUICK_ITERATIONS + " with --quick; the samples written once as CSV beside --output, in data/), "
            + "and `spark-dnn course week4-deep --engine E` (the cat model); each run's seconds per iteration are "
            + "the mean of metrics.json's iteration_seconds from iteration " + RunMetrics.SETTLING + " on, its "
            + "overhead that less the warm compute of the same shape and m."},
    footer = {"", "Full run (the defaults): 10 to 13 min on a 2-core machine (9 min 28 s and 12 min 41 s measured, both "
        + "engines' cold runs and both course runs included; 100,256,128,1 at m = 1e6 takes most of it; "
        + "--precision float64,float32 adds about 4 min); driver heap 16 GiB (SPARK_DNN_HEAP), so about 18 GiB of free RAM (the fresh JVMs, 4 GiB "
        + "each and one at a time, run before the cases fill it). The budget is 7 GiB because a case holds its data twice (the "
        + "compute's copy and Spark's cached blocks, timed in turns): the cat shape at m = 1e5 (9.2 GiB) runs out of "
        + "a 16 GiB heap. --quick: under 3 min and 1 GiB (4 min measured with --course on a busy machine).",
        "Environment (scripts/bench.sh): SPARK_DNN_HEAP (driver heap, default 16g; bench.sh lets Spark cache in 75 %% "
            + "of it, spark.memory.fraction), OPENBLAS_NUM_THREADS (default 1, "
            + "one BLAS thread per Spark task; numpy gets N), PYTHON (default python3), JAVA_HOME.",
        "Exit codes: 0 done (whatever the targets say), 1 a measurement failed, 2 bad options."})
public final class Benchmark implements Callable<Integer> {
  static final List<LayerSizes> SHAPES = List.of(LayerSizes.parse("100,20,7,5,1"), LayerSizes.parse("100,256,128,1"),
      LayerSizes.parse("1000,256,1"), LayerSizes.parse("12288,20,7,5,1"));
  /** The course's training set size, at which our cat shape is compared with numpy's course loop. */
  static final long COURSE_M = 209;
  private static final int GEMM_SIZE = 1024;
  private static final String FULL_SIZES = "1e4,1e5,1e6";
  private static final String QUICK_SIZES = "1e3,1e4";
  private static final double FULL_BUDGET_GIB = 7.0;
  private static final double QUICK_BUDGET_GIB = 0.5;
  private static final double FULL_MIN_SECONDS = 3;
  private static final int FULL_SPARK_WARMUP = 2000;
  private static final int QUICK_SPARK_WARMUP = 200;
  private static final double QUICK_MIN_SECONDS = 0.3;
  /** A budget must leave this share of the heap free for Spark, workspaces and garbage. */
  private static final double BUDGET_HEAP_SHARE = 0.8;
  /**
   * The cold runs' sizes: from 1e4, since each run costs a JVM and a Spark start and smaller m tell no more of a
   * per-iteration overhead; to issue 13's m = 1e5.
   */
  private static final long COLD_MIN_M = 10_000;
  /** Seconds a resident task may take to answer one iteration: the CLI's default. */
  private static final long RESIDENT_TASK_TIMEOUT_SECONDS = 600;

  @Spec
  CommandSpec spec;

  @Option(names = "--quick", description = "Small run to check the harness: --sizes " + QUICK_SIZES
      + ", --memory-budget " + QUICK_BUDGET_GIB + ", --min-seconds " + QUICK_MIN_SECONDS + ", --mllib-iterations 2, "
      + "cold runs of " + ColdRun.QUICK_ITERATIONS + " iterations, no course run unless --course.")
  boolean quick;

  @Option(names = "--sizes", split = ",", paramLabel = "M",
      description = "Sample counts m (default: " + FULL_SIZES + "; with --quick " + QUICK_SIZES + ").")
  List<String> sizes;

  @Option(names = "--memory-budget", paramLabel = "GIB", description = "Most GiB of samples a case may hold at "
      + "once (ours 8·(n+1)·m, MLlib " + MemoryBudget.MLLIB_COPIES + "× that); at most " + BUDGET_HEAP_SHARE
      + " of the heap (default: " + FULL_BUDGET_GIB + "; with --quick " + QUICK_BUDGET_GIB + ").")
  Double memoryBudgetGib;

  @Option(names = "--master", description = "Spark master, local or local[N]; N is also the compute's and numpy's "
      + "thread count and the peak's (default: ${DEFAULT-VALUE}).", defaultValue = "local[2]")
  String master;

  @Option(names = "--partitions", description = "Partitions of the data (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int partitions;

  @Option(names = "--precision", split = ",", paramLabel = "P", description = "Precisions to run, comma-separated "
      + "(default: ${DEFAULT-VALUE}; float32 caches and computes in single precision; the time targets are judged in "
      + "float64).", defaultValue = "float64",
      converter = PrecisionConverter.class)
  List<Precision> precisions;

  @Option(names = "--warmup", description = "Untimed iterations before timing ours and numpy's; ours also until "
      + "they take a third of --min-seconds (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  int warmUp;

  @Option(names = "--spark-warmup", paramLabel = "N", description = "Gradient iterations through Spark on a small "
      + "model before the cases, so that the JIT has compiled Spark's per-job code (default: " + FULL_SPARK_WARMUP
      + "; with --quick " + QUICK_SPARK_WARMUP + "; 0: none).")
  Integer sparkWarmUp;

  @Option(names = "--iterations", description = "Least timed iterations of ours and numpy's; the median is kept "
      + "(default: ${DEFAULT-VALUE}).", defaultValue = "5")
  int iterations;

  @Option(names = "--min-seconds", description = "Time ours for at least this long per case, so short iterations "
      + "get a steady median (default: " + FULL_MIN_SECONDS + "; with --quick " + QUICK_MIN_SECONDS + ").")
  Double minSeconds;

  @Option(names = "--mllib-iterations", description = "MLlib iterations timed after its first and --mllib-warmup; "
      + "0 skips MLlib (default: 3; with --quick 2).")
  Integer mllibIterations;

  @Option(names = "--mllib-warmup", description = "MLlib iterations after its first left untimed (default: "
      + "${DEFAULT-VALUE}).", defaultValue = "1")
  int mllibWarmUp;

  @Option(names = "--numpy", paramLabel = "PYTHON", description = "Python with numpy, to run scripts/bench-numpy.py "
      + "(bench.sh passes it when `python3 -c 'import numpy'` works); without it: numpy: not measured.")
  String python;

  @Option(names = "--course", negatable = true, description = "Run the course's week4-deep end to end with each "
      + "engine (2500 iterations, local[N] in its own JVM) and numpy's same loop (default: on; off with --quick).")
  Boolean course;

  @Option(names = "--seed", description = "Seed of the data and the initial weights (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(names = "--output", description = "JSON results; beside it the logs of the numpy, course and cold runs, "
      + "the latter's model directories (course-*, cold/) and the cold runs' CSV data (data/) (default: "
      + "${DEFAULT-VALUE}).", defaultValue = "target/bench/bench.json")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int threads = threads();
    List<Long> ms = sizes();
    MemoryBudget budget = budget();
    double minTime = minSeconds != null ? minSeconds : quick ? QUICK_MIN_SECONDS : FULL_MIN_SECONDS;
    int mllibTimed = mllibIterations != null ? mllibIterations : quick ? 2 : 3;
    boolean runCourse = course != null ? course : !quick;
    int sparkWarmUpIterations = sparkWarmUp != null ? sparkWarmUp : quick ? QUICK_SPARK_WARMUP : FULL_SPARK_WARMUP;
    if (partitions < 1 || warmUp < 0 || iterations < 1 || mllibTimed < 0 || mllibWarmUp < 0 || minTime < 0
        || sparkWarmUpIterations < 0) {
      throw new ParameterException(spec.commandLine(), "expected --partitions ≥ 1, --iterations ≥ 1 and no negative "
          + "--warmup, --spark-warmup, --mllib-iterations, --mllib-warmup or --min-seconds");
    }
    if (partitions > threads) {
      throw new ParameterException(spec.commandLine(), "--partitions: expected at most " + threads + ", the task "
          + "slots of " + master + ": the resident engine runs one task per partition, all at once");
    }
    Path dir = output.toAbsolutePath().getParent();
    Files.createDirectories(dir);

    double peakOne = GemmPeak.gflops(GEMM_SIZE, 1);
    double peakAll = GemmPeak.gflops(GEMM_SIZE, threads);
    System.out.printf("BLAS %s: DGEMM %d³ peak %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads%n",
        Blas.implementationName(), GEMM_SIZE, peakOne, peakAll, threads);
    Peaks peaks = new Peaks(peakAll, precisions.contains(Precision.FLOAT32)
        ? GemmPeak.gflops(GEMM_SIZE, threads, Precision.FLOAT32) : Double.NaN);
    if (precisions.contains(Precision.FLOAT32)) {
      System.out.printf("SGEMM %d³ peak %.1f GFLOP/s on %d threads (float32 cases' %% of peak)%n", GEMM_SIZE,
          peaks.float32(), threads);
    }
    System.out.printf("memory budget %.1f GiB of a %.1f GiB heap; sizes %s; %d partitions; %s%n", budget.gib(),
        Runtime.getRuntime().maxMemory() / (double) (1L << 30), ms, partitions, quick ? "quick" : "full run");

    NumpyRun.Result numpy = null;
    String numpyWhy = "numpy: not measured (no --numpy; bench.sh passes it where python3 imports numpy)";
    if (python != null) {
      List<LayerSizes> numpyLayers = new ArrayList<>();
      List<Long> numpySizes = new ArrayList<>();
      for (long m : ms) {
        if (budget.refusal(MemoryBudget.oursBytes(Targets.SMALL.inputSize(), m)) == null) {
          numpyLayers.add(Targets.SMALL);
          numpySizes.add(m);
        }
      }
      System.err.println("numpy: " + numpyLayers.size() + " cases" + (runCourse ? " and the course's loop" : ""));
      numpy = NumpyRun.run(python, threads, numpyLayers, numpySizes, warmUp, iterations,
          runCourse ? CourseRun.TRAIN : null, CourseRun.ITERATIONS, dir.resolve("numpy.json"),
          dir.resolve("numpy.log"));
      numpyWhy = "numpy " + numpy.version() + " did not run the course's loop (--no-course)";
    }

    // Before the cases fill this JVM's heap: each fresh JVM then has the memory and the cores to itself.
    List<CourseRun.Result> courses = new ArrayList<>();
    String courseWhy = "not run (--no-course" + (quick && course == null ? ", the --quick default" : "") + ")";
    if (runCourse) {
      for (Engine engine : Engine.values()) {
        System.err.println("course " + CourseRun.CASE + " end to end in " + master + ", " + engine.label()
            + " engine");
        courses.add(CourseRun.run(CourseRun.CASE, engine, master,
            dir.resolve("course-" + CourseRun.CASE + "-" + engine.label()),
            dir.resolve("course-" + engine.label() + ".log")));
      }
    }
    int coldIterations = quick ? ColdRun.QUICK_ITERATIONS : ColdRun.ITERATIONS;
    List<ColdRun.Result> cold = coldRuns(ms, budget, dir, coldIterations);
    String coldWhy = "not run: no --sizes m from " + COLD_MIN_M + " to " + Targets.COMPARE_M + " within the memory "
        + "budget";

    List<CaseResult> results = new ArrayList<>();
    CaseResult catAtCourseM;
    SparkWarmUp.Result warm;
    try (SparkContexts context = SparkContexts.start(null, "spark-dnn-bench", master)) {
      JavaSparkContext sc = context.context();
      SparkSession spark = SparkSession.builder().getOrCreate();
      MllibRun mllib = new MllibRun(spark);
      System.out.printf("Spark storage memory %.1f GiB (spark.memory.fraction %s)%n",
          storageBytes(sc) / (double) (1L << 30), sc.getConf().get("spark.memory.fraction", "0.6"));
      System.err.println("Spark warm-up: " + sparkWarmUpIterations + " iterations");
      warm = SparkWarmUp.run(sc, partitions, sparkWarmUpIterations, seed);
      System.out.printf("Spark warm-up: %d iterations of 100,20,7,5,1 on %d samples in %.1f s; median %.1f ms per "
          + "iteration over the first %d, %.1f ms over the last %d (the JIT compiling Spark's per-job code)%n",
          warm.iterations(), partitions * 2048, warm.seconds(), warm.firstMillis(), warm.window(), warm.lastMillis(),
          warm.window());
      for (Precision precision : precisions) {
        for (long m : ms) {
          for (LayerSizes shape : SHAPES) {
            // MLlib computes in double only: it is compared with our float64 cases
            results.add(runCase(sc, precision == Precision.FLOAT64 ? mllib : null, shape, m, precision, budget,
                threads, minTime, mllibTimed));
          }
        }
      }
      catAtCourseM = runCase(sc, null, SHAPES.get(3), COURSE_M, Precision.FLOAT64, budget, threads, minTime, 0);
    }

    EngineResults engines = new EngineResults(results, catAtCourseM, cold, coldWhy, courses, courseWhy);
    // issue 4's course target judges the jobs engine, as its other time targets do
    List<Target> targets = Targets.evaluate(new Targets.Measurements(results, peakAll, threads, numpy, numpyWhy,
        engines.course(Engine.JOBS).orElse(null), courseWhy));
    List<Target> engineTargets = EngineTargets.evaluate(engines, numpy, numpyWhy);
    System.out.print(ResultTable.cases(results, peaks, threads));
    System.out.print(ResultTable.comparisons(results, catAtCourseM, numpy, numpyWhy));
    System.out.print(EngineTable.engines(engines, numpy, numpyWhy, master));
    System.out.print(ResultTable.targets("Issue 4 targets (the jobs engine and the compute)", targets, quick));
    System.out.print(ResultTable.targets("Issue 13 targets (the resident engine)", engineTargets, quick));
    ResultJson.write(output, settings(peakOne, peaks, threads, budget, minTime, mllibTimed, warm, coldIterations),
        engines, numpy, targets, engineTargets, peaks);
    System.out.println("JSON: " + output);
    return 0;
  }

  private int threads() {
    try {
      return SparkThreads.of(master);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private List<Long> sizes() {
    List<Long> ms = new ArrayList<>();
    for (String size : sizes != null ? sizes : List.of((quick ? QUICK_SIZES : FULL_SIZES).split(","))) {
      double m;
      try {
        m = Double.parseDouble(size.trim());
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "--sizes: expected numbers such as 1e5, found " + size);
      }
      if (m < partitions || m != Math.rint(m) || m > Integer.MAX_VALUE) {
        throw new ParameterException(spec.commandLine(), "--sizes: expected whole numbers from --partitions ("
            + partitions + ") to " + Integer.MAX_VALUE + ", found " + size);
      }
      ms.add((long) m);
    }
    return ms;
  }

  private MemoryBudget budget() {
    double gib = memoryBudgetGib != null ? memoryBudgetGib : quick ? QUICK_BUDGET_GIB : FULL_BUDGET_GIB;
    double heapGib = Runtime.getRuntime().maxMemory() / (double) (1L << 30);
    if (!(gib > 0) || gib > BUDGET_HEAP_SHARE * heapGib) {
      throw new ParameterException(spec.commandLine(), String.format("--memory-budget: expected more than 0 and at "
          + "most %.0f %% of the %.1f GiB heap (%.1f GiB; raise SPARK_DNN_HEAP), found %s", 100 * BUDGET_HEAP_SHARE,
          heapGib, BUDGET_HEAP_SHARE * heapGib, gib));
    }
    return MemoryBudget.ofGib(gib);
  }

  /**
   * The cold runs of {@link Targets#SMALL} at each m of {@code ms} from {@link #COLD_MIN_M} to
   * {@link Targets#COMPARE_M} within the budget: its samples written once as CSV in {@code dir}/data, then trained
   * with each engine in a fresh JVM.
   */
  private List<ColdRun.Result> coldRuns(List<Long> ms, MemoryBudget budget, Path dir, int coldIterations)
      throws Exception {
    LayerSizes shape = Targets.SMALL;
    List<ColdRun.Result> runs = new ArrayList<>();
    for (long m : ms) {
      if (m < COLD_MIN_M || m > Targets.COMPARE_M
          || budget.refusal(MemoryBudget.oursBytes(shape.inputSize(), m)) != null) {
        continue;
      }
      String name = shape.csv().replace(',', '-') + "-m" + m;
      Path csv = dir.resolve("data").resolve(name + "-seed" + seed + "-p" + partitions + ".csv");
      System.err.printf("cold %s m=%d: writing %s%n", shape, m, csv);
      ColdRun.writeCsv(new SyntheticData(shape.inputSize(), m, partitions,
          SyntheticData.defaultBlockColumns(shape.inputSize()), seed), csv);
      for (Engine engine : Engine.values()) {
        System.err.printf("cold %s m=%d: spark-dnn train, %s engine, %d iterations%n", shape, m, engine.label(),
            coldIterations);
        runs.add(ColdRun.run(shape, m, engine, csv, master, partitions, coldIterations,
            dir.resolve("cold").resolve(name + "-" + engine.label()),
            dir.resolve("cold-" + name + "-" + engine.label() + ".log")));
      }
    }
    return runs;
  }

  /**
   * One case: our compute, then ours through Spark (the jobs engine, then the resident engine), then MLlib
   * ({@code mllib} null or 0 iterations: not run).
   */
  private CaseResult runCase(JavaSparkContext sc, MllibRun mllib, LayerSizes shape, long m, Precision precision,
      MemoryBudget budget, int threads, double minTime, int mllibTimed) throws Exception {
    long ours = MemoryBudget.oursBytes(shape.inputSize(), m);
    String refusal = budget.refusal(ours);
    if (refusal == null) {
      refusal = MemoryBudget.storageRefusal(ours, storageBytes(sc));
    }
    if (refusal != null) {
      System.err.printf("skipped %s m=%d: %s%n", shape, m, refusal);
      return CaseResult.skipped(shape, m, precision, refusal);
    }
    System.err.printf("case %s m=%d %s%n", shape, m, precision.label());
    SyntheticData data = new SyntheticData(shape.inputSize(), m, partitions,
        SyntheticData.defaultBlockColumns(shape.inputSize()), seed);
    Architecture architecture = Architecture.withHidden(shape.sizes(), Activation.RELU);
    Parameters parameters = Initializer.HE.initialize(architecture, seed);
    double computeSeconds;
    double sparkSeconds;
    double emptyJobSeconds;
    double residentComputeSeconds;
    double residentSeconds;
    long cached;
    try (LocalCompute compute = new LocalCompute(data, precision.product, threads)) {
      GradientSums local = compute.gradientSums(parameters);
      DistributedBlocks blocks = data.cache(sc, precision.product);
      try {
        SparkGradientSource source = new SparkGradientSource(sc, blocks, architecture);
        checkSameData("Spark's", source.gradientSums(parameters), local);
        // in turns, so that the overhead (their difference) and Spark's floor hold no drift of the machine
        double[] medians = Timing.medians(warmUp, iterations, minTime, () -> compute.gradientSums(parameters),
            () -> source.gradientSums(parameters), () -> EmptyJob.run(blocks));
        computeSeconds = medians[0];
        sparkSeconds = medians[1];
        emptyJobSeconds = medians[2];
        cached = cachedBytes(sc, blocks.blocks().id());
        // While the resident engine is open its tasks hold every task slot, where the jobs engine's and the empty
        // job's tasks would wait: so it is timed after them, in turns with the compute again, and its overhead is
        // taken against that compute (the compute reported is the first).
        try (ResidentEngine resident = ResidentEngine.start(sc, blocks, null, null, architecture, null, null,
            RESIDENT_TASK_TIMEOUT_SECONDS, 0, true, 0)) {
          checkSameData("the resident engine's", resident.gradientSums(parameters), local);
          double[] residentMedians = Timing.medians(warmUp, iterations, minTime,
              () -> compute.gradientSums(parameters), () -> resident.gradientSums(parameters));
          residentComputeSeconds = residentMedians[0];
          residentSeconds = residentMedians[1];
        }
      } finally {
        blocks.unpersist();
      }
    }
    double mllibSeconds = Double.NaN;
    String mllibNote;
    if (mllib == null || mllibTimed == 0) {
      mllibNote = mllib != null ? "not run (--mllib-iterations 0)"
          : precision == Precision.FLOAT32 ? "not compared (MLlib computes in float64 only)" : "not compared";
    } else if ((mllibNote = mllibRefusal(sc, budget, shape, m)) == null) {
      MllibRun.Timed timed = mllib.secondsPerIteration(data, shape, mllibWarmUp, mllibTimed);
      mllibSeconds = timed.secondsPerIteration();
      mllibNote = "ran " + (timed.jobs() - 1) + " iterations (" + timed.jobs() + " gradient jobs)";
    } else {
      mllibNote = "skipped: " + mllibNote;
    }
    return new CaseResult(shape, m, precision, computeSeconds, sparkSeconds, emptyJobSeconds, residentComputeSeconds,
        residentSeconds, mllibSeconds, mllibNote, cached, null);
  }

  /** Throws unless {@code who} cost sum is the local compute's: a check that both ran on the same data. */
  private static void checkSameData(String who, GradientSums distributed, GradientSums local) {
    if (Math.abs(distributed.costSum() - local.costSum()) > 1e-9 * Math.abs(local.costSum())) {
      throw new IllegalStateException(who + " cost sum " + distributed.costSum() + " differs from the local "
          + local.costSum() + ": not the same data");
    }
  }

  /** Why MLlib cannot run {@code shape} at m within the budget and Spark's storage memory, or null if it can. */
  private static String mllibRefusal(JavaSparkContext sc, MemoryBudget budget, LayerSizes shape, long m) {
    String refusal = budget.refusal(MemoryBudget.mllibBytes(shape.inputSize(), m));
    return refusal != null ? refusal : MemoryBudget.storageRefusal(
        MemoryBudget.MLLIB_CACHED_COPIES * MemoryBudget.sampleBytes(shape.inputSize(), m), storageBytes(sc));
  }

  /** The most storage memory of one executor (the driver, in local mode). */
  private static long storageBytes(JavaSparkContext sc) {
    long most = 0;
    for (scala.Tuple2<Object, Object> memory
        : scala.jdk.javaapi.CollectionConverters.asJava(sc.sc().getExecutorMemoryStatus()).values()) {
      most = Math.max(most, (Long) memory._1());
    }
    return most;
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

  /** The run's settings, BLAS and DGEMM peak, for the JSON. */
  private Map<String, Object> settings(double peakOne, Peaks peaks, int threads, MemoryBudget budget,
      double minTime, int mllibTimed, SparkWarmUp.Result warm, int coldIterations) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time", Instant.now().toString());
    json.put("quick", quick);
    json.put("blas", Blas.implementationName());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("master", master);
    json.put("partitions", partitions);
    json.put("warmup", warmUp);
    Map<String, Object> sparkWarm = new LinkedHashMap<>();
    sparkWarm.put("iterations", warm.iterations());
    sparkWarm.put("seconds", warm.seconds());
    sparkWarm.put("window", warm.window());
    sparkWarm.put("first_window_median_ms", orNull(warm.firstMillis()));
    sparkWarm.put("last_window_median_ms", orNull(warm.lastMillis()));
    json.put("spark_warmup", sparkWarm);
    json.put("iterations", iterations);
    json.put("min_seconds", minTime);
    json.put("mllib_warmup", mllibWarmUp);
    json.put("mllib_iterations", mllibTimed);
    json.put("cold_iterations", coldIterations);
    json.put("memory_budget_bytes", budget.bytes());
    json.put("heap_bytes", Runtime.getRuntime().maxMemory());
    Map<String, Object> gemm = new LinkedHashMap<>();
    gemm.put("size", GEMM_SIZE);
    gemm.put("gflops_1_thread", peakOne);
    gemm.put("gflops_all_threads", peaks.float64());
    gemm.put("sgemm_gflops_all_threads", orNull(peaks.float32()));
    gemm.put("threads", threads);
    json.put("gemm", gemm);
    return json;
  }

  /** A JSON null for a value that was not measured (NaN). */
  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** "float64" or "FLOAT64" to a {@link Precision}, naming the ones this build has when it is not one of them. */
  static final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
    @Override
    public Precision convert(String value) {
      for (Precision p : Precision.values()) {
        if (p.name().equalsIgnoreCase(value.trim())) {
          return p;
        }
      }
      throw new CommandLine.TypeConversionException("expected one of " + java.util.Arrays.toString(
          Precision.values()).toLowerCase(java.util.Locale.ROOT) + ", found " + value);
    }
  }
}
