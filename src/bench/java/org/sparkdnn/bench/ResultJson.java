package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results as JSON: the run's settings, every case, the comparisons, both engines warm and cold, and the
 * targets of issues 4 and 13 with their status.
 */
final class ResultJson {
  private ResultJson() {}

  /** Writes {@code settings} (the run's options, BLAS and peak) followed by the results to {@code output}. */
  static void write(Path output, Map<String, Object> settings, EngineResults engines, NumpyRun.Result numpy,
      List<Target> targets, List<Target> engineTargets, Peaks peaks) throws Exception {
    Map<String, Object> json = new LinkedHashMap<>(settings);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CaseResult r : engines.cases()) {
      cases.add(caseJson(r, peaks));
    }
    json.put("cases", cases);
    json.put("comparisons", comparisonsJson(engines.cases(), engines.cat(), numpy, peaks));
    json.put("engines", EngineJson.of(engines, numpy));
    json.put("targets", targetsJson(targets));
    json.put("issue_13_targets", targetsJson(engineTargets));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), json);
  }

  private static List<Map<String, Object>> targetsJson(List<Target> targets) {
    List<Map<String, Object>> judged = new ArrayList<>();
    for (Target t : targets) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("target", t.name());
      j.put("requirement", t.requirement());
      j.put("measured", Double.isNaN(t.measured()) ? null : t.measured());
      j.put("unit", t.unit().trim());
      j.put("status", t.status().name());
      j.put("where", t.where());
      judged.add(j);
    }
    return judged;
  }

  private static Map<String, Object> comparisonsJson(List<CaseResult> results, CaseResult cat, NumpyRun.Result numpy,
      Peaks peaks) {
    Map<String, Object> comparisons = new LinkedHashMap<>();
    Map<String, Object> ourCat = caseJson(cat, peaks);
    comparisons.put("ours_cat_at_course_m", ourCat);
    if (numpy != null) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("version", numpy.version());
      n.put("blas", numpy.blas());
      n.put("threads", numpy.threads());
      List<Map<String, Object>> cases = new ArrayList<>();
      for (NumpyRun.Case c : numpy.cases()) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("layers", c.layers().sizes());
        j.put("m", c.numExamples());
        j.put("seconds_per_iteration", c.secondsPerIteration());
        results.stream().filter(r -> r.ran() && r.layers().equals(c.layers()) && r.numExamples() == c.numExamples())
            .findFirst().ifPresent(r -> j.put("numpy_over_ours", c.secondsPerIteration() / r.sparkSeconds()));
        cases.add(j);
      }
      n.put("cases", cases);
      if (numpy.course() != null) {
        NumpyRun.Course c = numpy.course();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("m", c.numExamples());
        j.put("iterations", c.iterations());
        j.put("loop_seconds", c.loopSeconds());
        j.put("total_seconds", c.totalSeconds());
        j.put("seconds_per_iteration", c.secondsPerIteration());
        j.put("last_cost", c.lastCost());
        if (cat.ran()) {
          j.put("numpy_over_ours_cat_at_course_m", c.secondsPerIteration() / cat.sparkSeconds());
        }
        n.put("course", j);
      }
      comparisons.put("numpy", n);
    }
    return comparisons;
  }

  private static Map<String, Object> caseJson(CaseResult r, Peaks peaks) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("layers", r.layers().sizes());
    c.put("parameters", r.layers().parameterCount());
    c.put("m", r.numExamples());
    c.put("precision", r.precision().label());
    c.put("gradient_flops_per_iteration", r.gradientFlops());
    c.put("feature_bytes", r.featureBytes());
    if (!r.ran()) {
      c.put("skipped", r.skipped());
      return c;
    }
    c.put("compute_seconds", r.computeSeconds());
    c.put("spark_seconds", r.sparkSeconds());
    c.put("spark_overhead_seconds", r.sparkOverheadSeconds());
    c.put("spark_empty_job_seconds", r.emptyJobSeconds());
    c.put("spark_nanos_per_sample", r.sparkNanosPerSample());
    c.put("compute_gflops", r.computeGflops());
    c.put("compute_percent_of_peak", 100 * r.computeGflops() / peaks.of(r.precision()));
    c.put("spark_gflops", r.sparkGflops());
    c.put("spark_percent_of_peak", 100 * r.sparkGflops() / peaks.of(r.precision()));
    c.put("resident_compute_seconds", r.residentComputeSeconds());
    c.put("resident_seconds", r.residentSeconds());
    c.put("resident_overhead_seconds", r.residentOverheadSeconds());
    c.put("mllib_seconds", r.hasMllib() ? r.mllibSeconds() : null);
    c.put("mllib_over_ours", r.hasMllib() ? r.mllibRatio() : null);
    c.put("mllib_note", r.mllibNote());
    c.put("cached_bytes", r.cachedBytes());
    c.put("cached_over_feature_bytes", r.cachedRatio());
    return c;
  }
}
