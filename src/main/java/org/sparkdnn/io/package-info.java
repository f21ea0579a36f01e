/**
 * Files, through Hadoop's {@code FileSystem} (local, {@code hdfs://}, {@code s3a://}), Spark-free: model
 * directories ({@link org.sparkdnn.io.ModelStore}: {@code model.json} and {@code parameters.bin} with its
 * SHA-256), checkpoints ({@link org.sparkdnn.io.CheckpointStore}), the course's parameter JSON, metrics and
 * learning curves, and the publish root ({@link org.sparkdnn.io.Publisher}: {@code runs/}, the {@code current}
 * pointer, the lock and each run's manifest).
 *
 * <p>Every write goes through a temporary name and a rename, or a staging directory committed whole
 * ({@link org.sparkdnn.io.OutputDirectory}), so a reader never sees half a file and nothing already published is
 * lost. Every read validates completely and fails with a {@link org.sparkdnn.io.ModelFormatException} naming the
 * file and field, what was expected and what was found.
 */
package org.sparkdnn.io;
