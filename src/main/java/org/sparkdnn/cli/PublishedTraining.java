package org.sparkdnn.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.eval.QualityGate;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.RunManifest;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.train.IterationListener;

/**
 * {@code train --publish-root ROOT}: trains into ROOT/runs/RUN-ID, adds the manifest, then, holding the root's
 * lock, evaluates the current model on the same --test data and moves ROOT/current to the new run if the quality
 * gate accepts it.
 *
 * <p>Without --test there is nothing to compare: the first model of a root is published (nothing is published to
 * compare it with), and once a model is published a run without --test is refused as a usage error before
 * training, since the gate could not judge it.
 */
final class PublishedTraining {
  private final PublishOptions options;
  private final DataOptions data;
  private final CsvFormat format;

  PublishedTraining(PublishOptions options, DataOptions data, CsvFormat format) {
    this.options = options;
    this.data = data;
    this.format = format;
  }

  /**
   * Runs {@code spec} and publishes it; returns the exit code: {@link ExitCodes#OK} when published,
   * {@link ExitCodes#GATE_REFUSED} when the gate kept the current model.
   *
   * @throws IllegalArgumentException if a model is published and {@code spec} has no test data
   * @throws org.sparkdnn.io.PublishLockedException if the root stays locked past --publish-wait
   */
  int run(JavaSparkContext sc, TrainingJob.Spec spec, IterationListener listener, PrintStream out) {
    Configuration conf = sc.hadoopConfiguration();
    QualityGate gate = options.gate();
    Publisher publisher = new Publisher(new Path(options.publishRoot), conf);
    requireTestDataOnceOneIsPublished(publisher.currentRun().isPresent(), spec);
    Instant started = Instant.now();
    String runId = Publisher.newRunId(started);
    TrainingJob.Outcome outcome;
    try (OutputDirectory target = OutputDirectory.prepare(publisher.runPath(runId), false, conf)) {
      outcome = TrainingJob.run(sc, spec, target, listener, out);
    }
    TrainCommand.printAccuracies(outcome, out);
    manifest(runId, started, spec, outcome).writeTo(outcome.output(), conf);
    out.println("Run " + runId + " written to " + outcome.output());

    Publisher.Verdict verdict = publisher.publish(runId, options.lockWait(), current -> {
      if (current.isEmpty()) {
        return new Publisher.Verdict(true, "no model published yet");
      }
      requireTestDataOnceOneIsPublished(true, spec);
      double candidate = gate.metric().of(outcome.test());
      double published = gate.metric().of(evaluate(sc, current.get(), spec.testPath()));
      return new Publisher.Verdict(gate.accepts(candidate, published), gate.describe(candidate, published));
    });
    out.println("Quality gate: " + verdict.reason());
    if (!verdict.accepted()) {
      System.err.println("spark-dnn train: quality gate refused run " + runId + ": " + verdict.reason()
          + "; " + publisher.root() + "/current is unchanged; the run stays in " + outcome.output()
          + " for inspection");
      return ExitCodes.GATE_REFUSED;
    }
    out.println("Published: " + publisher.root() + "/current -> runs/" + runId);
    return ExitCodes.OK;
  }

  private static void requireTestDataOnceOneIsPublished(boolean published, TrainingJob.Spec spec) {
    if (published && spec.testPath() == null) {
      throw new IllegalArgumentException("--test: expected test data for the quality gate, since --publish-root "
          + "already has a published model to compare with, found no --test");
    }
  }

  /** The current model's metrics on the test data, read with its own scaling and n[0]. */
  private BinaryMetrics evaluate(JavaSparkContext sc, Path currentRun, String testPath) {
    SavedModel current = ModelStore.read(currentRun, sc.hadoopConfiguration());
    DistributedBlocks blocks = ModelOptions.load(sc, current, testPath, format, data);
    try {
      return SparkEvaluator.evaluate(sc, blocks, current.parameters(), TrainingJob.THRESHOLD);
    } finally {
      blocks.unpersist();
    }
  }

  private static RunManifest manifest(String runId, Instant started, TrainingJob.Spec spec,
      TrainingJob.Outcome outcome) {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("spark_dnn", Versions.sparkDnn());
    versions.put("java", Versions.java());
    versions.put("spark", Versions.spark());
    Map<String, Object> dataSection = new LinkedHashMap<>();
    dataSection.put("train", spec.trainPath());
    dataSection.put("train_examples", outcome.train().m());
    dataSection.put("test", spec.testPath());
    dataSection.put("test_examples", Optional.ofNullable(outcome.test()).map(BinaryMetrics::m).orElse(null));
    return new RunManifest(runId, started.toString(), Instant.now().toString(), versions, spec.config(),
        dataSection).withData("train_fingerprint", outcome.fingerprint().hex());
  }
}
