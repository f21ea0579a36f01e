package org.sparkdnn.bench;

import java.util.List;

/** The results as text: the table of cases, the comparisons and the targets. */
final class ResultTable {
  private ResultTable() {}

  static String cases(List<CaseResult> results, double peak, int threads) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-17s %7s %8s %-7s %9s %9s %8s %8s %8s %6s %6s %9s %8s %9s %6s%n", "layers", "params",
        "m", "prec", "compute", "Spark", "overhd", "ns/smpl", "GFLOP/s", "%peak", "e2e%", "MLlib", "MLlib/us",
        "cached MB", "/bnm"));
    for (CaseResult r : results) {
      if (!r.ran()) {
        out.append(String.format("%-17s %7d %8d %-7s skipped: %s%n", r.layers(), r.layers().parameterCount(),
            r.numExamples(), r.precision().label(), r.skipped()));
        continue;
      }
      out.append(String.format("%-17s %7d %8d %-7s %7.1fms %7.1fms %6.1fms %8.1f %8.2f %5.1f%% %5.1f%% %9s %8s %9.1f "
              + "%6.3f%n",
          r.layers(), r.layers().parameterCount(), r.numExamples(), r.precision().label(), 1e3 * r.computeSeconds(),
          1e3 * r.sparkSeconds(), 1e3 * r.sparkOverheadSeconds(), r.sparkNanosPerSample(), r.computeGflops(),
          100 * r.computeGflops() / peak, 100 * r.sparkGflops() / peak,
          r.hasMllib() ? String.format("%.1fms", 1e3 * r.mllibSeconds()) : "-",
          r.hasMllib() ? String.format("%.1f×", r.mllibRatio()) : "-",
          r.cachedBytes() / 1e6, r.cachedRatio()));
    }
    for (CaseResult r : results) {
      if (r.ran() && !r.hasMllib()) {
        out.append(String.format("  MLlib %s m=%d: %s%n", r.layers(), r.numExamples(), r.mllibNote()));
      }
    }
    out.append(String.format("compute = Network.accumulateGradients in %d threads without Spark; Spark = "
        + "SparkGradientSource.gradientSums (one iteration's gradient sums through Spark); overhd = Spark − compute; "
        + "ns/smpl = Spark time per iteration / m (flat when linear in m); GFLOP/s of compute, counting the gradient "
        + "pass's matrix products exactly (forward 2·m·Σn[l]n[l-1], backward dW 2·m·Σn[l]n[l-1] and dA[l-1] for "
        + "l ≥ 2); %%peak and e2e%% = compute and Spark GFLOP/s as %% of the %d-thread DGEMM peak (%.1f GFLOP/s); "
        + "MLlib = MultilayerPerceptronClassifier (gd) per iteration, median gap between its gradient-descent "
        + "jobs; all times medians per iteration; cached MB = 10^6 bytes Spark reports for our cached blocks; "
        + "/bnm = cached over b·n·m bytes, b = 8 (float64) or 4 (float32)%n", threads, threads, peak));
    return out.toString();
  }

  static String targets(List<Target> targets, boolean quick) {
    StringBuilder out = new StringBuilder("Issue 4 targets" + (quick ? " (--quick: small sizes, indicative only)"
        : "") + ":\n");
    for (Target t : targets) {
      out.append(String.format("  %-12s %-78s %10s  (%s; %s)%n", t.status().name().replace('_', ' '), t.name(),
          t.measuredText(), t.requirement(), t.where()));
    }
    return out.toString();
  }
}
