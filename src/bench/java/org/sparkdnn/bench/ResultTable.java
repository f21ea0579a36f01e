package org.sparkdnn.bench;

import java.util.List;

/** The results as text: the table of cases, the comparisons and the targets. */
final class ResultTable {
  private ResultTable() {}

  static String cases(List<CaseResult> results, Peaks peaks, int threads) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-17s %7s %8s %-7s %9s %9s %8s %7s %9s %8s %8s %8s %6s %6s %9s %8s %9s %6s%n",
        "layers", "params", "m", "prec", "compute", "Spark", "overhd", "floor", "resident", "r.overhd", "ns/smpl",
        "GFLOP/s", "%peak", "e2e%", "MLlib", "MLlib/us", "cached MB", "/bnm"));
    for (CaseResult r : results) {
      if (!r.ran()) {
        out.append(String.format("%-17s %7d %8d %-7s skipped: %s%n", r.layers(), r.layers().parameterCount(),
            r.numExamples(), r.precision().label(), r.skipped()));
        continue;
      }
      out.append(String.format("%-17s %7d %8d %-7s %7.1fms %7.1fms %6.1fms %5.1fms %7.1fms %6.2fms %8.1f %8.2f "
              + "%5.1f%% %5.1f%% %9s %8s %9.1f %6.3f%n",
          r.layers(), r.layers().parameterCount(), r.numExamples(), r.precision().label(), 1e3 * r.computeSeconds(),
          1e3 * r.sparkSeconds(), 1e3 * r.sparkOverheadSeconds(), 1e3 * r.emptyJobSeconds(),
          1e3 * r.residentSeconds(), 1e3 * r.residentOverheadSeconds(), r.sparkNanosPerSample(),
          r.computeGflops(),
          100 * r.computeGflops() / peaks.of(r.precision()), 100 * r.sparkGflops() / peaks.of(r.precision()),
          r.hasMllib() ? String.format("%.1fms", 1e3 * r.mllibSeconds()) : "-",
          r.hasMllib() ? String.format("%.1f×", r.mllibRatio()) : "-",
          r.cachedBytes() / 1e6, r.cachedRatio()));
    }
    for (CaseResult r : results) {
      if (r.ran() && !r.hasMllib()) {
        out.append(String.format("  MLlib %s m=%d %s: %s%n", r.layers(), r.numExamples(), r.precision().label(),
            r.mllibNote()));
      }
    }
    out.append(String.format("compute = Network.accumulateGradients in %d threads without Spark; Spark = "
        + "SparkGradientSource.gradientSums (one iteration's gradient sums through Spark, the jobs engine); overhd = "
        + "Spark − compute; floor = an empty job over the same cached blocks (Spark's own cost of a job, timed in "
        + "turns with both); resident = ResidentEngine.gradientSums over the same blocks, r.overhd = resident − the "
        + "compute timed in turns with it (see Engines); "
        + "ns/smpl = Spark time per iteration / m (flat when linear in m); GFLOP/s of compute, counting the gradient "
        + "pass's matrix products exactly (forward 2·m·Σn[l]n[l-1], backward dW 2·m·Σn[l]n[l-1] and dA[l-1] for "
        + "l ≥ 2); %%peak and e2e%% = compute and Spark GFLOP/s as %% of the %d-thread GEMM peak of the case's "
        + "precision (DGEMM %.1f, SGEMM %.1f GFLOP/s); "
        + "MLlib = MultilayerPerceptronClassifier (gd) per iteration, median gap between its gradient-descent "
        + "jobs; all times medians per iteration; cached MB = 10^6 bytes Spark reports for our cached blocks; "
        + "/bnm = cached over b·n·m bytes, b = 8 (float64) or 4 (float32)%n", threads, threads, peaks.float64(),
        peaks.float32()));
    return out.toString();
  }

  /** numpy against ours (the jobs engine), and our cat shape at the course's m against numpy's course loop. */
  static String comparisons(List<CaseResult> results, CaseResult cat, NumpyRun.Result numpy, String numpyWhy) {
    StringBuilder out = new StringBuilder("Comparisons:\n");
    if (numpy == null) {
      out.append("  ").append(numpyWhy).append('\n');
    } else {
      out.append(String.format("  numpy %s, %s, %d threads%n", numpy.version(), numpy.blas(), numpy.threads()));
      for (NumpyRun.Case c : numpy.cases()) {
        out.append(String.format("  numpy %s m=%d: %.1f ms per iteration (the course's loop)", c.layers(),
            c.numExamples(), 1e3 * c.secondsPerIteration()));
        results.stream().filter(r -> r.ran() && r.layers().equals(c.layers()) && r.numExamples() == c.numExamples())
            .findFirst().ifPresent(r -> out.append(String.format("; ours %.1f ms: numpy / ours %.2f×",
                1e3 * r.sparkSeconds(), c.secondsPerIteration() / r.sparkSeconds())));
        out.append('\n');
      }
    }
    if (cat.ran()) {
      out.append(String.format("  ours %s m=%d (the course's m): %.1f ms per iteration through Spark (compute %.1f "
          + "ms; an empty job over the same blocks %.1f ms)", cat.layers(), cat.numExamples(), 1e3 * cat.sparkSeconds(),
          1e3 * cat.computeSeconds(), 1e3 * cat.emptyJobSeconds()));
      if (numpy != null && numpy.course() != null) {
        out.append(String.format("; numpy's course loop %.1f ms: numpy / ours %.2f×",
            1e3 * numpy.course().secondsPerIteration(), numpy.course().secondsPerIteration() / cat.sparkSeconds()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code title} ("Issue 4 targets") and each target's status, name, measured value, requirement and where. */
  static String targets(String title, List<Target> targets, boolean quick) {
    StringBuilder out = new StringBuilder(title + (quick ? " (--quick: small sizes, indicative only)" : "")
        + ":\n");
    for (Target t : targets) {
      out.append(String.format("  %-12s %-78s %10s  (%s; %s)%n", t.status().name().replace('_', ' '), t.name(),
          t.measuredText(), t.requirement(), t.where()));
    }
    return out.toString();
  }
}
