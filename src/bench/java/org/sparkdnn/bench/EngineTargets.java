package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Issue 13's targets, the resident engine's: its Spark overhead per iteration warm and cold, for small models and
 * the cat model; the course run end to end against numpy's loop; and, cold, against MLlib and numpy at m = 1e5.
 * Like {@link Targets}, a target measured at another m than its own says so in its {@code where}.
 */
final class EngineTargets {
  static final double SMALL_OVERHEAD_MS = 1;
  static final double CAT_OVERHEAD_MS = 4;
  static final double COURSE_RATIO = 1.5;
  static final double MLLIB_RATIO = 5;
  static final double NUMPY_RATIO = 2;

  private EngineTargets() {}

  static List<Target> evaluate(EngineResults engines, NumpyRun.Result numpy, String numpyWhy) {
    List<Target> targets = new ArrayList<>();
    String small = "models < " + Targets.SMALL_MODEL_PARAMETERS / 1000 + "k parameters";
    String overhead = "resident engine's Spark overhead per iteration, ";

    List<CaseResult> warm = engines.cases().stream()
        .filter(c -> c.ran() && c.precision() == Precision.FLOAT64).toList();
    targets.add(Targets.smallModelsAtSmallestM(warm, CaseResult::layers, CaseResult::numExamples).stream()
        .max(Comparator.comparingDouble(CaseResult::residentOverheadSeconds))
        .map(c -> new Target(overhead + "warm, " + small, 1e3 * c.residentOverheadSeconds(), " ms", false,
            SMALL_OVERHEAD_MS, "largest: " + c.layers() + " m=" + c.numExamples()))
        .orElse(Target.notMeasured(overhead + "warm, " + small, " ms", false, SMALL_OVERHEAD_MS,
            "no such case ran")));

    CaseResult cat = engines.cat();
    String catName = overhead + "warm, cat model " + cat.layers().csv();
    targets.add(cat.ran()
        ? new Target(catName, 1e3 * cat.residentOverheadSeconds(), " ms", false, CAT_OVERHEAD_MS,
            "m=" + cat.numExamples() + " (the course's)")
        : Target.notMeasured(catName, " ms", false, CAT_OVERHEAD_MS, cat.skipped()));

    List<ColdRun.Result> coldResident = engines.cold().stream().filter(r -> r.engine() == Engine.RESIDENT)
        .filter(r -> !Double.isNaN(engines.coldOverheadSeconds(r))).toList();
    targets.add(Targets.smallModelsAtSmallestM(coldResident, ColdRun.Result::layers, ColdRun.Result::numExamples)
        .stream().max(Comparator.comparingDouble(engines::coldOverheadSeconds))
        .map(r -> new Target(overhead + "cold, " + small, 1e3 * engines.coldOverheadSeconds(r), " ms", false,
            SMALL_OVERHEAD_MS, String.format(Locale.ROOT, "largest: %s m=%d, fresh JVM's mean of iterations "
                + "%d..%d less the warm compute", r.layers(), r.numExamples(), RunMetrics.SETTLING,
                r.iterations() - 1)))
        .orElse(Target.notMeasured(overhead + "cold, " + small, " ms", false, SMALL_OVERHEAD_MS,
            engines.cold().isEmpty() ? engines.coldWhy() : "no cold case with its warm compute")));

    String catCold = overhead + "cold, cat model " + cat.layers().csv();
    Optional<CourseRun.Result> course = engines.course(Engine.RESIDENT);
    targets.add(course.filter(r -> !Double.isNaN(engines.courseOverheadSeconds(r)))
        .map(r -> new Target(catCold, 1e3 * engines.courseOverheadSeconds(r), " ms", false, CAT_OVERHEAD_MS,
            String.format(Locale.ROOT, "course %s, m=%d: mean of iterations %d..%d less the warm compute",
                CourseRun.CASE, Benchmark.COURSE_M, RunMetrics.SETTLING, CourseRun.ITERATIONS - 1)))
        .orElse(Target.notMeasured(catCold, " ms", false, CAT_OVERHEAD_MS,
            course.isEmpty() ? engines.courseWhy() : "the cat shape at the course's m did not run warm")));

    String courseName = "course " + CourseRun.CASE + " (" + CourseRun.ITERATIONS + " it.), resident engine, end to "
        + "end / numpy's loop";
    if (course.isEmpty() || numpy == null || numpy.course() == null) {
      targets.add(Target.notMeasured(courseName, "×", false, COURSE_RATIO,
          course.isEmpty() ? engines.courseWhy() : numpyWhy));
    } else {
      targets.add(new Target(courseName, course.get().seconds() / numpy.course().loopSeconds(), "×", false,
          COURSE_RATIO, String.format(Locale.ROOT, "%.1f s against %.1f s", course.get().seconds(),
              numpy.course().loopSeconds())));
    }

    targets.add(againstCold(engines, "MLlib MLP (gd)", MLLIB_RATIO, r -> engines.warm(r.layers(), r.numExamples())
        .filter(CaseResult::hasMllib).map(CaseResult::mllibSeconds).orElse(Double.NaN),
        "MLlib did not run"));
    targets.add(againstCold(engines, "numpy", NUMPY_RATIO,
        r -> numpy == null ? Double.NaN : numpy.secondsPerIteration(r.layers(), r.numExamples()),
        numpy == null ? numpyWhy : "numpy did not run"));
    return targets;
  }

  /**
   * {@code other}'s seconds per iteration over the resident engine's cold ones, where
   * {@link EngineResults#compared} says (NaN from {@code otherSeconds}: not measured, {@code whyNot}).
   */
  private static Target againstCold(EngineResults engines, String other, double ratio,
      ToDoubleFunction<ColdRun.Result> otherSeconds, String whyNot) {
    String name = other + " time per iteration / the resident engine's cold, " + Targets.SMALL;
    Optional<ColdRun.Result> compared = engines.compared();
    if (compared.isEmpty()) {
      return Target.notMeasured(name, "×", true, ratio, engines.cold().isEmpty() ? engines.coldWhy()
          : "no cold case of " + Targets.SMALL);
    }
    ColdRun.Result r = compared.get();
    double seconds = otherSeconds.applyAsDouble(r);
    String at = "m=" + r.numExamples() + (r.numExamples() == Targets.COMPARE_M ? ""
        : " (the target is at m=" + Targets.COMPARE_M + ")");
    return Double.isNaN(seconds) ? Target.notMeasured(name, "×", true, ratio, whyNot + " at " + at)
        : new Target(name, seconds / r.secondsPerIteration(), "×", true, ratio, at);
  }
}
