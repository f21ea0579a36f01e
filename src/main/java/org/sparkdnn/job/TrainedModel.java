package org.sparkdnn.job;

import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DataFingerprint;
import org.sparkdnn.train.TrainingResult;

/**
 * What {@link Trainer#train} produced, written to {@link #output()}, or what {@link Trainer#fit} produced in memory.
 *
 * @param config the configuration as given
 * @param model the model as written to model.json; its configuration records the partitions and block size the
 *     training data was cached in
 * @param result the final parameters and the cost of every iteration
 * @param train the metrics on the training data at the final parameters
 * @param test the metrics on the test data; null without test data
 * @param output the model directory written (a publish root's run directory when publishing); null when trained
 *     in memory ({@link Trainer#fit}), nothing written
 * @param fingerprint the training data's fingerprint (also in metrics.json and the checkpoints)
 * @param started when the run started; a publish root's run id is made from it
 */
public record TrainedModel(TrainingConfig config, SavedModel model, TrainingResult result, BinaryMetrics train,
    BinaryMetrics test, Path output, DataFingerprint fingerprint, Instant started) {
  /** The metrics file written beside the model. */
  public static final String METRICS_FILE = "metrics.json";

  /** The learning curve written beside the model. */
  public static final String LEARNING_CURVE_FILE = "learning-curve.png";

  /** The test metrics, if there was test data. */
  public Optional<BinaryMetrics> testMetrics() {
    return Optional.ofNullable(test);
  }
}
