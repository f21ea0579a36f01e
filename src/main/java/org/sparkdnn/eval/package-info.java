/**
 * Binary classification metrics, Spark-free: {@link org.sparkdnn.eval.ConfusionCounts} (counts and summed log
 * loss, merged across partitions in partition order), {@link org.sparkdnn.eval.RocAuc} (the exact
 * Mann–Whitney AUC from per-score counts), {@link org.sparkdnn.eval.BinaryMetrics} (what {@code evaluate} prints
 * and metrics.json records), {@link org.sparkdnn.eval.IterationMetrics} (one point of the test learning curve)
 * and {@link org.sparkdnn.eval.QualityGate} (whether a new model may replace the published one).
 *
 * <p>The Spark passes that fill these live in {@code org.sparkdnn.spark}; everything here is plain values that
 * add up, so partitions combine exactly.
 */
package org.sparkdnn.eval;
