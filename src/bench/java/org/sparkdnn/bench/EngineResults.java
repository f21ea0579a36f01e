package org.sparkdnn.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Both engines' figures. Warm: the cases (this JVM, medians over cached blocks, {@link CaseResult}) and the cat
 * shape at the course's m. Cold: fresh JVMs, each synthetic cold case per engine ({@link ColdRun}) and the course
 * run per engine ({@link CourseRun}), empty with the reason ({@code coldWhy}, {@code courseWhy}) when not run.
 * A user's run never times its compute alone, so a cold overhead subtracts the warm compute (float64) of the same
 * shape and m.
 */
record EngineResults(List<CaseResult> cases, CaseResult cat, List<ColdRun.Result> cold, String coldWhy,
    List<CourseRun.Result> courses, String courseWhy) {

  /** The cold run of {@code layers} at m with {@code engine}, if there was one. */
  Optional<ColdRun.Result> cold(LayerSizes layers, long m, Engine engine) {
    return cold.stream().filter(r -> r.layers().equals(layers) && r.numExamples() == m && r.engine() == engine)
        .findFirst();
  }

  /** The course run with {@code engine}, if there was one. */
  Optional<CourseRun.Result> course(Engine engine) {
    return courses.stream().filter(r -> r.engine() == engine).findFirst();
  }

  /**
   * The resident engine's cold run that issue 13 compares with MLlib and numpy: {@link Targets#SMALL} at
   * {@link Targets#COMPARE_M}, else at the largest m that ran cold.
   */
  Optional<ColdRun.Result> compared() {
    List<ColdRun.Result> small = cold.stream()
        .filter(r -> r.engine() == Engine.RESIDENT && r.layers().equals(Targets.SMALL)).toList();
    return small.stream().filter(r -> r.numExamples() == Targets.COMPARE_M).findFirst()
        .or(() -> small.stream().max(Comparator.comparingLong(ColdRun.Result::numExamples)));
  }

  /** The warm float64 case of {@code layers} at m that ran (the cat at the course's m among them), if any. */
  Optional<CaseResult> warm(LayerSizes layers, long m) {
    return Stream.concat(cases.stream(), Stream.of(cat))
        .filter(c -> c.ran() && c.precision() == Precision.FLOAT64 && c.layers().equals(layers)
            && c.numExamples() == m)
        .findFirst();
  }

  /** The warm compute's seconds per iteration of {@code layers} at m (of the jobs engine's turns); NaN if none. */
  double warmComputeSeconds(LayerSizes layers, long m) {
    return warm(layers, m).map(CaseResult::computeSeconds).orElse(Double.NaN);
  }

  /** The cold run's seconds per iteration less the warm compute of its shape and m; NaN without that case. */
  double coldOverheadSeconds(ColdRun.Result run) {
    return run.secondsPerIteration() - warmComputeSeconds(run.layers(), run.numExamples());
  }

  /** The course run's seconds per iteration less the warm compute of the cat shape at the course's m. */
  double courseOverheadSeconds(CourseRun.Result run) {
    return run.secondsPerIteration() - warmComputeSeconds(cat.layers(), cat.numExamples());
  }
}
