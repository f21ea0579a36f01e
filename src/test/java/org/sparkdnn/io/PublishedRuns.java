package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/**
 * Runs written and published with the production code but without Spark or training: every parameter of
 * run "value" equals value, so a reader can tell which run it got and that the model is not a mix of two.
 */
final class PublishedRuns {
  /** 200·100 + 100 + 100 + 1 parameters: big enough (160 kB) that a kill can land inside a write. */
  static final Architecture ARCHITECTURE =
      Architecture.of(new int[] {200, 100, 1}, List.of(Activation.RELU, Activation.SIGMOID));

  private PublishedRuns() {}

  /** A model whose parameters all equal {@code value}. */
  static SavedModel model(double value) {
    double[] values = new double[ARCHITECTURE.numParameters()];
    Arrays.fill(values, value);
    return new SavedModel(ARCHITECTURE, new Parameters(ARCHITECTURE, values), FeatureScaling.parse("none"),
        Map.of("value", value), new Provenance("test", "17", "4.1.0", Instant.now().toString(), "he", 1,
            "train.csv", 10));
  }

  /** Writes run directory {@code runId} with the model of {@code value}, a metrics file and the manifest. */
  static void write(Publisher publisher, String runId, double value, Configuration conf) {
    try (OutputDirectory target = OutputDirectory.prepare(publisher.runPath(runId), false, conf)) {
      ModelStore.write(model(value), target.staging(), conf);
      JsonFiles.writeAtomically(Map.of("value", value), new Path(target.staging(), "metrics.json"), conf);
      target.commit();
    }
    new RunManifest(runId, Instant.now().toString(), Instant.now().toString(), Map.of("spark_dnn", "test"),
        Map.of("value", value), Map.of("train", "train.csv", "train_examples", 10)).writeTo(
        publisher.runPath(runId), conf);
  }

  /** Writes and publishes the run of {@code value} with a gate that accepts it; returns its id. */
  static String publish(Publisher publisher, double value, Configuration conf) {
    String runId = Publisher.newRunId(Instant.now());
    write(publisher, runId, value, conf);
    publisher.publish(runId, Duration.ofSeconds(30), current -> new Publisher.Verdict(true, "accepted"));
    return runId;
  }

  /** Replaces the model directory {@code dir} by the model of {@code value}, as {@code train --overwrite} does. */
  static void replace(Path dir, double value, Configuration conf) {
    try (OutputDirectory target = OutputDirectory.prepare(dir, true, conf)) {
      ModelStore.write(model(value), target.staging(), conf);
      target.commit();
    }
  }

  /** The value of a model written by {@link #model}, after checking that every parameter has it. */
  static double valueOf(SavedModel model) {
    double[] values = model.parameters().values();
    for (double v : values) {
      assertEquals(values[0], v, 0.0, "a model mixing two runs");
    }
    return values[0];
  }
}
