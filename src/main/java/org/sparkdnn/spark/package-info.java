/**
 * The numeric core on Spark: {@link org.sparkdnn.spark.DistributedBlocks} (the training set cached as
 * {@link org.sparkdnn.data.ColumnBlock}s, read by {@link org.sparkdnn.spark.CsvBlockReader} or from HDF5),
 * {@link org.sparkdnn.spark.ShippedParameters} (the one way parameters reach executors),
 * {@link org.sparkdnn.spark.BlockPasses} (forward and backward over a block in its precision),
 * {@link org.sparkdnn.spark.SparkGradientSource} (one iteration's gradient sums as one Spark job; the resident
 * engine, one stage for the whole run, is in {@code spark.resident}),
 * {@link org.sparkdnn.spark.SparkEvaluator} (probabilities and metrics), {@link org.sparkdnn.spark.DnnModel} (scoring in Spark's own types) and
 * {@link org.sparkdnn.spark.DataFingerprint}. Builds on {@code model}, {@code data}, {@code eval}, {@code train} and
 * {@code io}; never on {@code cli} or the application layer.
 */
package org.sparkdnn.spark;
