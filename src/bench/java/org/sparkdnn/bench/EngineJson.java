package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the report's Engines section: both engines warm (the cases' figures again, side by side), cold (each
 * fresh-JVM run), the course run end to end per engine against numpy's loop, and MLlib and numpy beside the
 * resident engine's cold run at m = 1e5. Seconds are per iteration unless named otherwise; NaN is null.
 */
final class EngineJson {
  private EngineJson() {}

  static Map<String, Object> of(EngineResults engines, NumpyRun.Result numpy) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> warm = new ArrayList<>();
    for (CaseResult c : engines.cases()) {
      if (c.ran()) {
        warm.add(warm(c));
      }
    }
    if (engines.cat().ran()) {
      warm.add(warm(engines.cat()));
    }
    json.put("warm", warm);

    Map<String, Object> cold = new LinkedHashMap<>();
    cold.put("mean_from_iteration", RunMetrics.SETTLING);
    cold.put("overhead_less", "the warm compute_seconds of the same layers and m");
    List<Map<String, Object>> runs = new ArrayList<>();
    for (ColdRun.Result r : engines.cold()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("layers", r.layers().sizes());
      j.put("m", r.numExamples());
      j.put("engine", r.engine().label());
      j.put("iterations", r.iterations());
      j.put("seconds_per_iteration", r.secondsPerIteration());
      j.put("warm_compute_seconds", orNull(engines.warmComputeSeconds(r.layers(), r.numExamples())));
      j.put("overhead_seconds", orNull(engines.coldOverheadSeconds(r)));
      j.put("wall_seconds", r.wallSeconds());
      runs.add(j);
    }
    cold.put("runs", runs);
    if (engines.cold().isEmpty()) {
      cold.put("not_run", engines.coldWhy());
    }
    json.put("cold", cold);

    Map<String, Object> course = new LinkedHashMap<>();
    course.put("case", CourseRun.CASE);
    course.put("iterations", CourseRun.ITERATIONS);
    NumpyRun.Course numpyCourse = numpy == null ? null : numpy.course();
    course.put("numpy_loop_seconds", numpyCourse == null ? null : numpyCourse.loopSeconds());
    course.put("numpy_total_seconds", numpyCourse == null ? null : numpyCourse.totalSeconds());
    List<Map<String, Object>> courseRuns = new ArrayList<>();
    for (CourseRun.Result r : engines.courses()) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("engine", r.engine().label());
      j.put("seconds_end_to_end", r.seconds());
      j.put("seconds_per_iteration", r.secondsPerIteration());
      j.put("warm_compute_seconds", orNull(engines.warmComputeSeconds(engines.cat().layers(),
          engines.cat().numExamples())));
      j.put("overhead_seconds", orNull(engines.courseOverheadSeconds(r)));
      j.put("last_cost", r.lastCost());
      j.put("over_numpy_loop", numpyCourse == null ? null : r.seconds() / numpyCourse.loopSeconds());
      j.put("over_numpy_total", numpyCourse == null ? null : r.seconds() / numpyCourse.totalSeconds());
      courseRuns.add(j);
    }
    course.put("runs", courseRuns);
    if (engines.courses().isEmpty()) {
      course.put("not_run", engines.courseWhy());
    }
    json.put("course", course);

    engines.compared().ifPresent(r -> {
      Map<String, Object> j = new LinkedHashMap<>();
      double mllib = engines.warm(r.layers(), r.numExamples()).filter(CaseResult::hasMllib)
          .map(CaseResult::mllibSeconds).orElse(Double.NaN);
      double numpySeconds = numpy == null ? Double.NaN : numpy.secondsPerIteration(r.layers(), r.numExamples());
      j.put("layers", r.layers().sizes());
      j.put("m", r.numExamples());
      j.put("resident_cold_seconds", r.secondsPerIteration());
      j.put("mllib_seconds", orNull(mllib));
      j.put("numpy_seconds", orNull(numpySeconds));
      j.put("mllib_over_resident_cold", orNull(mllib / r.secondsPerIteration()));
      j.put("numpy_over_resident_cold", orNull(numpySeconds / r.secondsPerIteration()));
      json.put("compared", j);
    });
    return json;
  }

  private static Map<String, Object> warm(CaseResult c) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("layers", c.layers().sizes());
    j.put("m", c.numExamples());
    j.put("precision", c.precision().label());
    j.put("compute_seconds", c.computeSeconds());
    j.put("jobs_seconds", c.sparkSeconds());
    j.put("jobs_overhead_seconds", c.sparkOverheadSeconds());
    j.put("resident_compute_seconds", c.residentComputeSeconds());
    j.put("resident_seconds", c.residentSeconds());
    j.put("resident_overhead_seconds", c.residentOverheadSeconds());
    return j;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
