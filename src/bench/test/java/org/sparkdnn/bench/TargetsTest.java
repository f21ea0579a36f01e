package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static CaseResult ran(String layers, long m, double compute, double spark, double mllib) {
    return new CaseResult(LayerSizes.parse(layers), m, Precision.FLOAT64, compute, spark, 0.003, compute, spark,
        mllib, "note", (long) (8.4 * 100 * m), null);
  }

  private static Target named(List<Target> targets, String prefix) {
    return targets.stream().filter(t -> t.name().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static Targets.Measurements measurements(List<CaseResult> cases) {
    return new Targets.Measurements(cases, 100, 2, null, "numpy: not measured", null, "not run");
  }

  @Test
  void judgesMllibAtTheTargetsSizeWhenItRan() {
    List<CaseResult> cases = List.of(ran("100,20,7,5,1", 10_000, 0.002, 0.010, 0.100),
        ran("100,20,7,5,1", 100_000, 0.010, 0.020, 0.090));
    Target mllib = named(Targets.evaluate(measurements(cases)), "MLlib");
    assertEquals(4.5, mllib.measured(), 1e-12);
    assertEquals(Target.Status.FAIL, mllib.status());
    assertEquals("m=100000", mllib.where());
  }

  @Test
  void fallsBackToTheLargestSizeAndSaysSo() {
    List<CaseResult> cases = List.of(ran("100,20,7,5,1", 1_000, 0.001, 0.010, 0.080),
        ran("100,20,7,5,1", 10_000, 0.002, 0.010, 0.100), CaseResult.skipped(LayerSizes.parse("100,20,7,5,1"),
            100_000, Precision.FLOAT64, "needs 1 GiB"));
    Target mllib = named(Targets.evaluate(measurements(cases)), "MLlib");
    assertEquals(10.0, mllib.measured(), 1e-12);
    assertEquals(Target.Status.PASS, mllib.status());
    assertEquals("m=10000 (the target is at m=100000)", mllib.where());
  }

  @Test
  void overheadIsTakenAtEachSmallModelsSmallestSize() {
    List<CaseResult> cases = List.of(ran("100,20,7,5,1", 10_000, 0.002, 0.006, Double.NaN),
        ran("100,20,7,5,1", 100_000, 0.020, 0.040, Double.NaN),
        ran("100,256,128,1", 10_000, 0.010, 0.019, Double.NaN),
        ran("1000,256,1", 10_000, 0.010, 0.090, Double.NaN));
    Target overhead = named(Targets.evaluate(measurements(cases)), "Spark overhead");
    assertEquals(9.0, overhead.measured(), 1e-9);
    assertEquals(Target.Status.FAIL, overhead.status());
    assertTrue(overhead.where().contains("[100,256,128,1] m=10000"), overhead.where());
    assertTrue(overhead.where().contains("an empty job over the same blocks: 3.0 ms"), overhead.where());
  }

  @Test
  void linearityIsTheLargestGrowthOfTimePerSample() {
    List<CaseResult> cases = List.of(ran("100,20,7,5,1", 10_000, 0.001, 0.010, Double.NaN),
        ran("100,20,7,5,1", 100_000, 0.010, 0.050, Double.NaN),
        ran("100,20,7,5,1", 1_000_000, 0.100, 0.650, Double.NaN));
    Target linear = named(Targets.evaluate(measurements(cases)), "time per iteration linear");
    assertEquals(1.3, linear.measured(), 1e-9);
    assertEquals(Target.Status.FAIL, linear.status());
    assertEquals("[100,20,7,5,1] m=100000→1000000", linear.where());
  }

  @Test
  void whatWasNotRunIsNotMeasuredWithTheReason() {
    List<Target> targets = Targets.evaluate(measurements(List.of(ran("100,20,7,5,1", 10_000, 0.001, 0.010,
        Double.NaN))));
    Target numpy = named(targets, "numpy");
    assertEquals(Target.Status.NOT_MEASURED, numpy.status());
    assertEquals("numpy: not measured", numpy.where());
    assertEquals(Target.Status.NOT_MEASURED, named(targets, "course").status());
    assertEquals(Target.Status.NOT_MEASURED, named(targets, "MLlib").status());
  }

  @Test
  void timeTargetsAreJudgedInDoublePrecisionAndTheCachedSizeInEach() {
    CaseResult single = new CaseResult(LayerSizes.parse("100,20,7,5,1"), 100_000, Precision.FLOAT32, 0.001, 0.002,
        0.001, 0.001, 0.002, Double.NaN, "note", (long) (4.2 * 100 * 100_000), null);
    List<Target> targets = Targets.evaluate(measurements(List.of(ran("100,20,7,5,1", 100_000, 0.010, 0.020, 0.090),
        single)));
    assertEquals(4.5, named(targets, "MLlib").measured(), 1e-12);
    assertEquals(10.0, named(targets, "Spark overhead").measured(), 1e-9);
    assertEquals(1.05, named(targets, "cached bytes / 8").measured(), 1e-12);
    Target cachedSingle = named(targets, "cached bytes / 4");
    assertEquals(1.05, cachedSingle.measured(), 1e-12);
    assertEquals(Target.Status.PASS, cachedSingle.status());
  }
}
