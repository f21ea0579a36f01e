package org.sparkdnn.job;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.eval.QualityGate;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.RunManifest;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkEvaluator;

/**
 * The publishing of a run {@link Trainer} wrote into {@code --publish-root}: adds the manifest, then, holding the
 * root's lock, evaluates the current model on the same --test data and moves ROOT/current to the new run if the
 * quality gate accepts it.
 *
 * <p>Without --test there is nothing to compare: the first model of a root is published (nothing is published to
 * compare it with), and once a model is published a run without --test is refused as a usage error before
 * training, since the gate could not judge it.
 */
public final class Publication {
  private Publication() {}

  /**
   * Publishes {@code trained}, written by a {@link Trainer} with {@code --publish-root}; prints the run and the
   * gate's verdict on {@code out}.
   *
   * @return the verdict: accepted (ROOT/current now names the run) or refused (current unchanged)
   * @throws IllegalArgumentException if a model was published meanwhile and the run has no test data
   * @throws org.sparkdnn.io.PublishLockedException if the root stays locked past --publish-wait
   */
  public static Publisher.Verdict publish(JavaSparkContext sc, TrainedModel trained, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    TrainingConfig config = trained.config();
    QualityGate gate = config.gate();
    Publisher publisher = new Publisher(new Path(config.get(TrainSettings.PUBLISH_ROOT)), conf);
    String runId = trained.output().getName();
    manifest(runId, trained).writeTo(trained.output(), conf);
    out.println("Run " + runId + " written to " + trained.output());

    Publisher.Verdict verdict = publisher.publish(runId, config.lockWait(), current -> {
      if (current.isEmpty()) {
        return new Publisher.Verdict(true, "no model published yet");
      }
      requireTestDataOnceOneIsPublished(true, config);
      double candidate = gate.metric().of(trained.test());
      double published = gate.metric().of(evaluate(sc, current.get(), config, out));
      return new Publisher.Verdict(gate.accepts(candidate, published), gate.describe(candidate, published));
    });
    out.println("Quality gate: " + verdict.reason());
    if (verdict.accepted()) {
      out.println("Published: " + publisher.root() + "/current -> runs/" + runId);
    }
    return verdict;
  }

  static void requireTestDataOnceOneIsPublished(boolean published, TrainingConfig config) {
    if (published && config.get(TrainSettings.TEST) == null) {
      throw TrainSettings.TEST.named("expected test data for the quality gate, since --publish-root "
          + "already has a published model to compare with, found no --test", null);
    }
  }

  /** The current model's metrics on the test data, read with its own scaling and n[0]. */
  private static BinaryMetrics evaluate(JavaSparkContext sc, Path currentRun, TrainingConfig config,
      PrintStream out) {
    SavedModel current = ModelStore.read(currentRun, sc.hadoopConfiguration());
    DistributedBlocks blocks =
        DataLoader.forModel(sc, current, config.get(TrainSettings.TEST), config.values(), true, out);
    try {
      return SparkEvaluator.evaluate(sc, blocks, current.parameters(), TrainingJob.THRESHOLD);
    } finally {
      blocks.unpersist();
    }
  }

  private static RunManifest manifest(String runId, TrainedModel trained) {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("spark_dnn", Versions.sparkDnn());
    versions.put("java", Versions.java());
    versions.put("spark", Versions.spark());
    TrainingConfig config = trained.config();
    Map<String, Object> dataSection = new LinkedHashMap<>();
    dataSection.put("train", config.get(TrainSettings.TRAIN));
    dataSection.put("train_examples", trained.train().m());
    dataSection.put("test", config.get(TrainSettings.TEST));
    dataSection.put("test_examples", Optional.ofNullable(trained.test()).map(BinaryMetrics::m).orElse(null));
    // the options as given: model.json and metrics.json record the partitioning the run found
    Map<String, Object> options = config.toJson();
    options.keySet().removeAll(List.of(DataSettings.PARTITIONS.key(), DataSettings.BLOCK_SIZE.key()));
    return new RunManifest(runId, trained.started().toString(), Instant.now().toString(), versions, options,
        dataSection).withData("train_fingerprint", trained.fingerprint().hex());
  }
}
