package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTargetsTest {
  private static final LayerSizes SMALL = LayerSizes.parse("100,20,7,5,1");
  private static final LayerSizes CAT = LayerSizes.parse("12288,20,7,5,1");

  /** A warm case: compute, jobs engine, then compute again and the resident engine, in seconds. */
  private static CaseResult warm(LayerSizes layers, long m, double compute, double jobs, double compute2,
      double resident, double mllib) {
    return new CaseResult(layers, m, Precision.FLOAT64, compute, jobs, 0.003, compute2, resident, mllib, "note", 0,
        null);
  }

  private static ColdRun.Result cold(long m, Engine engine, double secondsPerIteration) {
    return new ColdRun.Result(SMALL, m, engine, 110, secondsPerIteration, 15.0);
  }

  private static NumpyRun.Result numpy(long m, double seconds) {
    return new NumpyRun.Result("2.4.6", "openblas", 2, List.of(new NumpyRun.Case(SMALL, m, seconds)),
        new NumpyRun.Course(209, 2500, 20.0, 21.0, 0.088));
  }

  private static Target named(List<Target> targets, String part) {
    return targets.stream().filter(t -> t.name().contains(part)).findFirst().orElseThrow();
  }

  private static EngineResults engines(List<ColdRun.Result> cold, List<CourseRun.Result> courses) {
    List<CaseResult> cases = List.of(warm(SMALL, 10_000, 0.002, 0.006, 0.0021, 0.0027, 0.100),
        warm(SMALL, 100_000, 0.010, 0.015, 0.011, 0.013, 0.200),
        warm(LayerSizes.parse("100,256,128,1"), 10_000, 0.010, 0.015, 0.0100, 0.0112, Double.NaN));
    return new EngineResults(cases, warm(CAT, 209, 0.004, 0.009, 0.0041, 0.0062, Double.NaN), cold, "not run: none",
        courses, "not run (--no-course)");
  }

  @Test
  void warmOverheadIsTheResidentTimeLessItsOwnCompute() {
    List<Target> targets = EngineTargets.evaluate(engines(List.of(), List.of()), null, "numpy: not measured");
    Target small = named(targets, "warm, models < 100k");
    // 100,20,7,5,1 at its smallest m, 0.6 ms; 100,256,128,1 at 1.2 ms is the largest
    assertEquals(1.2, small.measured(), 1e-9);
    assertEquals(Target.Status.FAIL, small.status());
    assertEquals("largest: [100,256,128,1] m=10000", small.where());
    Target cat = named(targets, "warm, cat model");
    assertEquals(2.1, cat.measured(), 1e-9);
    assertEquals(Target.Status.PASS, cat.status());
  }

  @Test
  void coldOverheadSubtractsTheWarmComputeOfTheSameShapeAndSize() {
    List<ColdRun.Result> cold = List.of(cold(10_000, Engine.RESIDENT, 0.0028), cold(10_000, Engine.JOBS, 0.009),
        cold(100_000, Engine.RESIDENT, 0.0105), cold(100_000, Engine.JOBS, 0.020));
    List<CourseRun.Result> courses = List.of(new CourseRun.Result(Engine.RESIDENT, 28.0, 0.088, 0.0075),
        new CourseRun.Result(Engine.JOBS, 40.0, 0.088, 0.012));
    List<Target> targets = EngineTargets.evaluate(engines(cold, courses), numpy(100_000, 0.030), "");
    Target small = named(targets, "cold, models < 100k");
    assertEquals(0.8, small.measured(), 1e-9);
    assertEquals(Target.Status.PASS, small.status());
    assertTrue(small.where().startsWith("largest: [100,20,7,5,1] m=10000"), small.where());
    Target cat = named(targets, "cold, cat model");
    assertEquals(3.5, cat.measured(), 1e-9);
    assertEquals(Target.Status.PASS, cat.status());
    Target course = named(targets, "resident engine, end to end");
    assertEquals(1.4, course.measured(), 1e-12);
    assertEquals(Target.Status.PASS, course.status());
  }

  @Test
  void mllibAndNumpyAreComparedWithTheResidentEnginesColdRunAtTheTargetsSize() {
    List<ColdRun.Result> cold = List.of(cold(10_000, Engine.RESIDENT, 0.0028),
        cold(100_000, Engine.RESIDENT, 0.0125));
    List<Target> targets = EngineTargets.evaluate(engines(cold, List.of()), numpy(100_000, 0.020), "");
    Target mllib = named(targets, "MLlib");
    assertEquals(16.0, mllib.measured(), 1e-9);
    assertEquals(Target.Status.PASS, mllib.status());
    assertEquals("m=100000", mllib.where());
    Target numpy = named(targets, "numpy time");
    assertEquals(1.6, numpy.measured(), 1e-9);
    assertEquals(Target.Status.FAIL, numpy.status());
  }

  @Test
  void aSmallerRunIsComparedAtItsLargestColdSizeAndSaysSo() {
    List<Target> targets = EngineTargets.evaluate(engines(List.of(cold(10_000, Engine.RESIDENT, 0.004)), List.of()),
        numpy(100_000, 0.020), "");
    Target mllib = named(targets, "MLlib");
    assertEquals(25.0, mllib.measured(), 1e-9);
    assertEquals("m=10000 (the target is at m=100000)", mllib.where());
    Target numpy = named(targets, "numpy time");
    assertEquals(Target.Status.NOT_MEASURED, numpy.status());
    assertEquals("numpy did not run at m=10000 (the target is at m=100000)", numpy.where());
  }

  @Test
  void whatDidNotRunIsNotMeasuredWithTheReason() {
    List<Target> targets = EngineTargets.evaluate(engines(List.of(), List.of()), null, "numpy: not measured");
    assertEquals(Target.Status.NOT_MEASURED, named(targets, "cold, models").status());
    assertEquals("not run: none", named(targets, "cold, models").where());
    assertEquals("not run (--no-course)", named(targets, "cold, cat model").where());
    assertEquals("not run (--no-course)", named(targets, "end to end").where());
    assertEquals("not run: none", named(targets, "MLlib").where());
    assertEquals(7, targets.size());
  }
}
