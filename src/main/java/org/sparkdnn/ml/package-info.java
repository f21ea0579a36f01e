/**
 * The Spark ML API: {@link org.sparkdnn.ml.DnnClassifier}, a {@code ProbabilisticClassifier} trained by
 * {@code job.Trainer.fit} (the engine and loop of {@code train}), and {@link org.sparkdnn.ml.DnnClassificationModel},
 * whose {@code save} writes the model directory {@code train} writes. The parameters are {@code train}'s settings
 * ({@link org.sparkdnn.ml.DnnParams}), under Spark's names where Spark has one.
 */
package org.sparkdnn.ml;
