/**
 * The driver's training loop, Spark-free: {@link org.sparkdnn.train.GradientDescent} asks a
 * {@link org.sparkdnn.train.GradientSource} for the gradient sums over all m samples at the current parameters,
 * records the cost, takes the step {@code θ := θ − α·(1/m)·Σ∇} and tells its
 * {@link org.sparkdnn.train.IterationListener}s; a {@link org.sparkdnn.train.Checkpointer} saves the
 * {@link org.sparkdnn.train.TrainingState} every K iterations, from which a resumed run continues bit for bit.
 *
 * <p>The Spark implementation of the source is {@code org.sparkdnn.spark.SparkGradientSource}; tests use local
 * ones, so the loop is tested without a cluster.
 */
package org.sparkdnn.train;
