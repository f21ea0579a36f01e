package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Issue 4's targets, each with its measured value from one run of the benchmark. A target measured at another m
 * than its own (a smaller run, e.g. {@code --quick}) says so in its {@code where}.
 */
final class Targets {
  static final LayerSizes SMALL = LayerSizes.parse("100,20,7,5,1");
  static final LayerSizes WIDE = LayerSizes.parse("100,256,128,1");
  static final long COMPARE_M = 100_000;
  static final long PEAK_M = 1_000_000;
  static final long SMALL_MODEL_PARAMETERS = 100_000;
  static final double MLLIB_RATIO = 5;
  static final double NUMPY_RATIO = 2;
  static final double PEAK_PERCENT = 60;
  static final double OVERHEAD_MS = 5;
  static final double COURSE_RATIO = 2;
  static final double CACHED_RATIO = 1.1;
  static final double LINEAR_GROWTH = 1.2;

  private Targets() {}

  /**
   * What the targets are judged on: our cases, the DGEMM peak of all threads, numpy's results and the course run
   * (null when not measured, with the reason in {@code numpyWhy}, {@code courseWhy}).
   */
  record Measurements(List<CaseResult> cases, double peakGflops, int threads, NumpyRun.Result numpy,
      String numpyWhy, CourseRun.Result course, String courseWhy) {}

  /** The time targets are judged in double precision, the default; the cached-size target in each precision. */
  static List<Target> evaluate(Measurements all) {
    List<Target> targets = new ArrayList<>();
    Measurements in = new Measurements(all.cases().stream().filter(c -> c.precision() == Precision.FLOAT64).toList(),
        all.peakGflops(), all.threads(), all.numpy(), all.numpyWhy(), all.course(), all.courseWhy());
    Optional<CaseResult> compare = pick(in.cases(), SMALL, COMPARE_M, CaseResult::hasMllib);
    targets.add(compare.map(c -> new Target("MLlib MLP time per iteration / ours, " + SMALL,
            c.mllibRatio(), "×", true, MLLIB_RATIO, at(c, COMPARE_M)))
        .orElse(Target.notMeasured("MLlib MLP time per iteration / ours, " + SMALL, "×", true, MLLIB_RATIO,
            "no case of " + SMALL + " with MLlib")));

    Optional<CaseResult> numpyCase = in.numpy() == null ? Optional.empty()
        : pick(in.cases(), SMALL, COMPARE_M,
            c -> !Double.isNaN(in.numpy().secondsPerIteration(SMALL, c.numExamples())));
    String numpyName = "numpy (" + in.threads() + " threads) time per iteration / ours, " + SMALL;
    targets.add(numpyCase.map(c -> new Target(numpyName,
            in.numpy().secondsPerIteration(SMALL, c.numExamples()) / c.sparkSeconds(), "×", true, NUMPY_RATIO,
            at(c, COMPARE_M)))
        .orElse(Target.notMeasured(numpyName, "×", true, NUMPY_RATIO,
            in.numpy() == null ? in.numpyWhy() : "no case of " + SMALL)));

    String peakName = "gradient pass (compute) GFLOP/s, % of the " + in.threads() + "-thread DGEMM peak, " + WIDE;
    targets.add(pick(in.cases(), WIDE, PEAK_M, c -> true)
        .map(c -> new Target(peakName, 100 * c.computeGflops() / in.peakGflops(), " %", true, PEAK_PERCENT,
            at(c, PEAK_M)))
        .orElse(Target.notMeasured(peakName, " %", true, PEAK_PERCENT, "no case of " + WIDE)));

    targets.add(overhead(in.cases()));

    String courseName = "course " + CourseRun.CASE + " (" + CourseRun.ITERATIONS + " it.) end to end / numpy's loop";
    if (in.course() == null || in.numpy() == null || in.numpy().course() == null) {
      targets.add(Target.notMeasured(courseName, "×", false, COURSE_RATIO,
          in.course() == null ? in.courseWhy() : in.numpyWhy()));
    } else {
      targets.add(new Target(courseName, in.course().seconds() / in.numpy().course().loopSeconds(), "×", false,
          COURSE_RATIO, String.format("%.1f s against %.1f s", in.course().seconds(),
              in.numpy().course().loopSeconds())));
    }

    for (Precision precision : Precision.values()) {
      String name = "cached bytes / " + precision.bytes + "·n·m (" + precision.label() + ")";
      targets.add(all.cases().stream().filter(c -> c.ran() && c.precision() == precision)
          .max(Comparator.comparingDouble(CaseResult::cachedRatio))
          .map(c -> new Target(name, c.cachedRatio(), "×", false, CACHED_RATIO, "largest: " + c.layers() + " m="
              + c.numExamples()))
          .orElse(Target.notMeasured(name, "×", false, CACHED_RATIO, "no case ran")));
    }
    targets.add(linearity(in.cases()));
    return targets;
  }

  /** The case of {@code layers} at {@code m} if it ran and passes {@code usable}, else the largest m that did. */
  static Optional<CaseResult> pick(List<CaseResult> cases, LayerSizes layers, long m,
      java.util.function.Predicate<CaseResult> usable) {
    List<CaseResult> candidates = cases.stream()
        .filter(c -> c.ran() && c.layers().equals(layers) && usable.test(c)).toList();
    return candidates.stream().filter(c -> c.numExamples() == m).findFirst()
        .or(() -> candidates.stream().max(Comparator.comparingLong(CaseResult::numExamples)));
  }

  private static String at(CaseResult c, long wanted) {
    return "m=" + c.numExamples() + (c.numExamples() == wanted ? "" : " (the target is at m=" + wanted + ")");
  }

  /**
   * Spark's overhead per iteration (Spark − compute) for models under {@value #SMALL_MODEL_PARAMETERS} parameters,
   * the largest over those shapes, each at its smallest m, where the compute's own jitter matters least.
   */
  private static Target overhead(List<CaseResult> cases) {
    String name = "Spark overhead per iteration, models < " + SMALL_MODEL_PARAMETERS / 1000 + "k parameters";
    return smallModelsAtSmallestM(cases.stream().filter(CaseResult::ran).toList(), CaseResult::layers,
            CaseResult::numExamples).stream()
        .max(Comparator.comparingDouble(CaseResult::sparkOverheadSeconds))
        .map(c -> new Target(name, 1e3 * c.sparkOverheadSeconds(), " ms", false, OVERHEAD_MS,
            String.format(Locale.ROOT, "largest: %s m=%d; Spark's floor there, an empty job over the same "
                + "blocks: %.1f ms", c.layers(), c.numExamples(), 1e3 * c.emptyJobSeconds())))
        .orElse(Target.notMeasured(name, " ms", false, OVERHEAD_MS, "no such case ran"));
  }

  /**
   * Of {@code items}, those of models under {@value #SMALL_MODEL_PARAMETERS} parameters, each model's at its
   * smallest m, where the compute's own jitter matters least in an overhead.
   */
  static <T> List<T> smallModelsAtSmallestM(List<T> items, Function<T, LayerSizes> layers, ToLongFunction<T> m) {
    List<T> smallest = new ArrayList<>();
    items.stream().map(layers).filter(l -> l.parameterCount() < SMALL_MODEL_PARAMETERS).distinct()
        .forEach(shape -> items.stream().filter(i -> layers.apply(i).equals(shape))
            .min(Comparator.comparingLong(m)).ifPresent(smallest::add));
    return smallest;
  }

  /**
   * Linearity in m: for each shape, the time per sample at each m over that at the next smaller m; the largest such
   * growth (≤ 1 where fixed costs are still being amortised, > 1 if the time grows faster than m).
   */
  private static Target linearity(List<CaseResult> cases) {
    String name = "time per iteration linear in m: largest growth of time per sample";
    double worst = Double.NaN;
    String where = "needs two sizes of one shape";
    for (LayerSizes layers : cases.stream().map(CaseResult::layers).distinct().toList()) {
      List<CaseResult> ran = cases.stream().filter(c -> c.ran() && c.layers().equals(layers))
          .sorted(Comparator.comparingLong(CaseResult::numExamples)).toList();
      for (int i = 1; i < ran.size(); i++) {
        double growth = ran.get(i).sparkNanosPerSample() / ran.get(i - 1).sparkNanosPerSample();
        if (Double.isNaN(worst) || growth > worst) {
          worst = growth;
          where = layers + " m=" + ran.get(i - 1).numExamples() + "→" + ran.get(i).numExamples();
        }
      }
    }
    return new Target(name, worst, "×", false, LINEAR_GROWTH, where);
  }
}
