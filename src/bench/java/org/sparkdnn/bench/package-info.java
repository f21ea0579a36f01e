/**
 * The benchmark harness behind {@code scripts/bench.sh} (Maven profile {@code bench}, never in the product jars):
 * seeded synthetic data, our compute alone and through Spark beside Spark's empty-job floor, both engines warm (in
 * its JVM) and cold (a fresh {@code spark-dnn} JVM per run), Spark MLlib's {@code MultilayerPerceptronClassifier} and
 * numpy on the same work, the GEMM peaks, and the targets as PASS/FAIL in text and JSON. Timings are medians of turns
 * taken round robin, so a noisy machine's drift falls on every way alike. {@code TabularBenchmark}
 * ({@code scripts/bench.sh tabular}) is the other benchmark, of quality: spark-dnn's configurations against
 * scikit-learn on public tabular data sets from Debian packages, each run in a fresh process on the same split.
 */
package org.sparkdnn.bench;
