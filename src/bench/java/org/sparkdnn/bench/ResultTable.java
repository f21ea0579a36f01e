package org.sparkdnn.bench;

import java.util.Arrays;
import java.util.List;

/** The results as a text table. */
final class ResultTable {
  private ResultTable() {}

  static String text(List<CaseResult> results, double peak, int threads) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-20s %8s %10s %10s %10s %8s %7s %8s %10s %8s %10s %10s%n", "layers", "m",
        "compute ms", "Spark ms", "overhd ms", "GFLOP/s", "%peak", "e2e %pk", "MLlib ms", "MLlib/us",
        "cached MB", "8nm MB"));
    for (CaseResult r : results) {
      String layers = Arrays.toString(r.sizes()).replace(" ", "");
      if (r.skipped() != null) {
        out.append(String.format("%-20s %8d skipped: %s%n", layers, r.numExamples(), r.skipped()));
        continue;
      }
      out.append(String.format("%-20s %8d %10.1f %10.1f %10.1f %8.2f %6.1f%% %7.1f%% %10s %8s %10.1f %10.1f%n",
          layers, r.numExamples(), 1e3 * r.computeSeconds(), 1e3 * r.sparkSeconds(),
          1e3 * r.sparkOverheadSeconds(), r.computeGflops(), 100 * r.computeGflops() / peak,
          100 * r.sparkGflops() / peak,
          Double.isNaN(r.mllibSeconds()) ? "-" : String.format("%.1f", 1e3 * r.mllibSeconds()),
          Double.isNaN(r.mllibSeconds()) ? "-" : String.format("%.1f×", r.mllibRatio()),
          r.cachedBytes() / 1e6, r.featureBytes() / 1e6));
    }
    out.append(String.format("compute = Network.accumulateGradients in %d threads without Spark; Spark = "
        + "SparkGradientSource.gradientSums; overhead = Spark − compute; GFLOP/s of compute, %% of the %d-thread "
        + "DGEMM peak (%.1f GFLOP/s) for compute and end to end; MLlib = MultilayerPerceptronClassifier (gd) per "
        + "iteration; medians; MB = 10^6 bytes%n", threads, threads, peak));
    return out.toString();
  }
}
