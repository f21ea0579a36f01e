package org.sparkdnn.bench;

import java.util.Optional;

/**
 * The report's Engines section: both engines warm (this JVM) and cold (fresh JVMs), MLlib and numpy beside the
 * resident engine's cold run at m = 1e5, and the course run end to end with each engine beside numpy's loop.
 */
final class EngineTable {
  private EngineTable() {}

  static String engines(EngineResults engines, NumpyRun.Result numpy, String numpyWhy, String master) {
    StringBuilder out = new StringBuilder("Engines (resident: one barrier stage whose tasks stay for the run; "
        + "jobs: one Spark job per iteration):\n");
    warm(out, engines);
    cold(out, engines, master);
    compared(out, engines, numpy);
    course(out, engines, numpy, numpyWhy, master);
    return out.toString();
  }

  private static void warm(StringBuilder out, EngineResults engines) {
    out.append("  warm, in this JVM: medians per iteration over the same cached blocks; the jobs engine timed in "
        + "turns with the compute (and the empty job), then, as the resident tasks hold every task slot, the "
        + "resident engine in turns with the compute again (compute'); overhead = engine − its compute\n");
    out.append(String.format("  %-17s %8s %-7s %9s %9s %8s %9s %9s %8s%n", "layers", "m", "prec", "compute", "jobs",
        "overhd", "compute'", "resident", "overhd"));
    for (CaseResult c : engines.cases()) {
      warmRow(out, c);
    }
    warmRow(out, engines.cat());
  }

  private static void warmRow(StringBuilder out, CaseResult c) {
    if (!c.ran()) {
      out.append(String.format("  %-17s %8d %-7s skipped: %s%n", c.layers(), c.numExamples(), c.precision().label(),
          c.skipped()));
      return;
    }
    out.append(String.format("  %-17s %8d %-7s %9s %9s %8s %9s %9s %8s%n", c.layers(), c.numExamples(),
        c.precision().label(), ms(c.computeSeconds()), ms(c.sparkSeconds()), ms(c.sparkOverheadSeconds()),
        ms(c.residentComputeSeconds()), ms(c.residentSeconds()), ms(c.residentOverheadSeconds())));
  }

  private static void cold(StringBuilder out, EngineResults engines, String master) {
    out.append(String.format("  cold, spark-dnn train (the cat: course %s) in a fresh JVM per engine, %s, as a "
        + "user's run: the mean of iterations %d..N-1 of metrics.json's iteration_seconds (the first ones hold the "
        + "tasks' launch and the JIT of the very first iteration); overhead = that mean − the warm compute above "
        + "of the same shape and m (nothing in a user's run times the compute alone); wall = the process, JVM "
        + "start to exit%n", CourseRun.CASE, master, RunMetrics.SETTLING));
    out.append(String.format("  %-17s %8s %5s %9s %9s %8s %7s %9s %8s %7s%n", "layers", "m", "it.", "compute",
        "resident", "overhd", "wall", "jobs", "overhd", "wall"));
    if (engines.cold().isEmpty()) {
      out.append("  ").append(Targets.SMALL).append(": ").append(engines.coldWhy()).append('\n');
    }
    for (ColdRun.Result r : engines.cold()) {
      if (r.engine() == Engine.RESIDENT) {
        Optional<ColdRun.Result> jobs = engines.cold(r.layers(), r.numExamples(), Engine.JOBS);
        out.append(String.format("  %-17s %8d %5d %9s %9s %8s %7s %9s %8s %7s%n", r.layers(), r.numExamples(),
            r.iterations(), ms(engines.warmComputeSeconds(r.layers(), r.numExamples())),
            ms(r.secondsPerIteration()), ms(engines.coldOverheadSeconds(r)), s(r.wallSeconds()),
            jobs.map(j -> ms(j.secondsPerIteration())).orElse("-"),
            jobs.map(j -> ms(engines.coldOverheadSeconds(j))).orElse("-"),
            jobs.map(j -> s(j.wallSeconds())).orElse("-")));
      }
    }
    CaseResult cat = engines.cat();
    if (engines.courses().isEmpty()) {
      out.append("  ").append(cat.layers()).append(": ").append(engines.courseWhy()).append('\n');
      return;
    }
    Optional<CourseRun.Result> resident = engines.course(Engine.RESIDENT);
    Optional<CourseRun.Result> jobs = engines.course(Engine.JOBS);
    out.append(String.format("  %-17s %8d %5d %9s %9s %8s %7s %9s %8s %7s%n", cat.layers(), cat.numExamples(),
        CourseRun.ITERATIONS, ms(engines.warmComputeSeconds(cat.layers(), cat.numExamples())),
        resident.map(r -> ms(r.secondsPerIteration())).orElse("-"),
        resident.map(r -> ms(engines.courseOverheadSeconds(r))).orElse("-"),
        resident.map(r -> s(r.seconds())).orElse("-"), jobs.map(r -> ms(r.secondsPerIteration())).orElse("-"),
        jobs.map(r -> ms(engines.courseOverheadSeconds(r))).orElse("-"), jobs.map(r -> s(r.seconds())).orElse("-")));
  }

  /** MLlib and numpy per iteration beside the resident engine's cold run that issue 13 compares them with. */
  private static void compared(StringBuilder out, EngineResults engines, NumpyRun.Result numpy) {
    engines.compared().ifPresent(r -> {
      double mllib = engines.warm(r.layers(), r.numExamples()).filter(CaseResult::hasMllib)
          .map(CaseResult::mllibSeconds).orElse(Double.NaN);
      double numpySeconds = numpy == null ? Double.NaN : numpy.secondsPerIteration(r.layers(), r.numExamples());
      out.append(String.format("  %s m=%d per iteration: resident engine cold %s; MLlib MLP (gd) %s%s; numpy %s%s%n",
          r.layers(), r.numExamples(), ms(r.secondsPerIteration()), ms(mllib), times(mllib, r), ms(numpySeconds),
          times(numpySeconds, r)));
    });
  }

  private static void course(StringBuilder out, EngineResults engines, NumpyRun.Result numpy, String numpyWhy,
      String master) {
    if (engines.courses().isEmpty()) {
      out.append("  course ").append(CourseRun.CASE).append(": ").append(engines.courseWhy()).append('\n');
      return;
    }
    NumpyRun.Course numpyCourse = numpy == null ? null : numpy.course();
    out.append(String.format("  course %s end to end (spark-dnn course, %s, %d iterations, own JVM):",
        CourseRun.CASE, master, CourseRun.ITERATIONS));
    for (CourseRun.Result r : engines.courses()) {
      out.append(String.format(" %s %.1f s, last cost %s%s;", r.engine().label(), r.seconds(), r.lastCost(),
          numpyCourse == null ? ""
              : String.format(" (%.2f× numpy's loop)", r.seconds() / numpyCourse.loopSeconds())));
    }
    out.append(numpyCourse == null ? " numpy's loop: " + numpyWhy + "\n"
        : String.format(" numpy's loop %.1f s (%.1f s with loading the CSV), last cost %s%n",
            numpyCourse.loopSeconds(), numpyCourse.totalSeconds(), numpyCourse.lastCost()));
    for (CourseRun.Result r : engines.courses()) {
      if (numpyCourse != null
          && Math.abs(numpyCourse.lastCost() - r.lastCost()) > 1e-6 * Math.abs(numpyCourse.lastCost())) {
        out.append("  WARNING: the ").append(r.engine().label())
            .append(" engine's last cost differs from numpy's: not the same loop\n");
      }
    }
  }

  /** " (12.3× the resident's)" for {@code seconds} against the cold run {@code r}, or "" for NaN. */
  private static String times(double seconds, ColdRun.Result r) {
    return Double.isNaN(seconds) ? "" : String.format(" (%.2f× the resident's)", seconds / r.secondsPerIteration());
  }

  /** "1.23ms", or "-" for NaN. */
  private static String ms(double seconds) {
    return Double.isNaN(seconds) ? "-" : String.format("%.2fms", 1e3 * seconds);
  }

  /** "12.3s". */
  private static String s(double seconds) {
    return String.format("%.1fs", seconds);
  }
}
