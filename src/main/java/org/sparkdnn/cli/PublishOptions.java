package org.sparkdnn.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.eval.QualityGate;
import org.sparkdnn.io.ModelFormatException;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Architecture;
import picocli.CommandLine.Option;

/**
 * {@code train}'s versioned, gated publishing and warm start. {@code --publish-root} replaces {@code --output}
 * (one run writes one directory: ROOT/runs/RUN-ID; a copy elsewhere would be a second truth to keep in step).
 */
final class PublishOptions {
  /** What {@code --warm-start} takes to mean the publish root's current model. */
  static final String CURRENT = "current";

  @Option(names = "--publish-root", paramLabel = "ROOT",
      description = "Publish instead of --output: write ROOT/runs/RUN-ID (model, metrics, learning curve, "
          + "manifest.json with the SHA-256 of every file), then, if the quality gate accepts it, point "
          + "ROOT/current at it atomically. Any Hadoop filesystem.")
  String publishRoot;

  @Option(names = "--warm-start", paramLabel = "current|DIR",
      description = "Start from a trained model instead of --init: 'current' (the model published in "
          + "--publish-root; --init while there is none yet), a model directory or a publish root. Its layers, "
          + "activations and scaling must be those of this run.")
  String warmStart;

  @Option(names = "--gate-metric", paramLabel = "METRIC", defaultValue = "accuracy",
      description = "Quality gate metric on the --test data: accuracy, log-loss or auc (default: ${DEFAULT-VALUE}).")
  String gateMetric;

  @Option(names = "--gate-tolerance", paramLabel = "X", defaultValue = "0",
      description = "Publish only if the new model's gate metric is no worse than the current model's by more "
          + "than X (default: ${DEFAULT-VALUE}).")
  double gateTolerance;

  @Option(names = "--publish-wait", paramLabel = "SECONDS", defaultValue = "300",
      description = "Wait this long for another run's lock on --publish-root, then give up with exit code 6 "
          + "(default: ${DEFAULT-VALUE}).")
  long publishWait;

  /** Whether this run publishes. */
  boolean publishing() {
    return publishRoot != null;
  }

  /**
   * Checks how the options combine with {@code train}'s: exactly one of --output and --publish-root, no
   * --overwrite with a publish root, --warm-start not with --init-from, 'current' only with a publish root.
   *
   * @throws IllegalArgumentException naming the options
   */
  void check(String output, boolean overwrite, String initFrom) {
    if ((output == null) == (publishRoot == null)) {
      throw new IllegalArgumentException("--output, --publish-root: expected exactly one of them, found "
          + (output == null ? "neither" : "both"));
    }
    if (publishRoot != null && overwrite) {
      throw new IllegalArgumentException(
          "--overwrite: applies to --output only; a publish root keeps every run, found it with --publish-root");
    }
    if (warmStart != null && initFrom != null) {
      throw new IllegalArgumentException("--warm-start, --init-from: expected at most one starting point, found both");
    }
    if (CURRENT.equals(warmStart) && publishRoot == null) {
      throw new IllegalArgumentException(
          "--warm-start current: expected --publish-root to say whose current model, found no --publish-root");
    }
    gate();
    lockWait();
  }

  QualityGate gate() {
    return new QualityGate(QualityGate.Metric.parse(gateMetric), gateTolerance);
  }

  Duration lockWait() {
    if (publishWait < 0) {
      throw new IllegalArgumentException("--publish-wait: expected 0 or more seconds, found " + publishWait);
    }
    return Duration.ofSeconds(publishWait);
  }

  /**
   * The model to start from, checked against this run's architecture and scaling; empty without --warm-start, or
   * with 'current' while nothing is published yet (said on {@code out}).
   *
   * @throws ModelFormatException if the model is damaged or of another architecture or scaling
   */
  Optional<SavedModel> warmStartModel(Architecture architecture, FeatureScaling scaling, Configuration conf,
      PrintStream out) {
    if (warmStart == null) {
      return Optional.empty();
    }
    Path dir;
    if (warmStart.equals(CURRENT)) {
      Optional<Path> current = new Publisher(new Path(publishRoot), conf).currentRun();
      if (current.isEmpty()) {
        out.println("Warm start: nothing published in " + publishRoot + " yet; starting from --init");
        return Optional.empty();
      }
      dir = current.get();
    } else {
      dir = ModelLocation.resolve(new Path(warmStart), conf);
    }
    SavedModel model = ModelStore.read(dir, conf);
    if (!model.architecture().equals(architecture) || !model.scaling().toString().equals(scaling.toString())) {
      throw new ModelFormatException(new Path(dir, ModelStore.MODEL_FILE), "--warm-start: expected a model of "
          + architecture + ", scaling " + scaling + " (--layers, --activations, --scale), found "
          + model.architecture() + ", scaling " + model.scaling());
    }
    out.println("Warm start from " + dir);
    return Optional.of(model);
  }
}
