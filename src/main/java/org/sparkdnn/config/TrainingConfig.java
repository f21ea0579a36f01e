package org.sparkdnn.config;

import static org.sparkdnn.config.TrainSettings.ACTIVATIONS;
import static org.sparkdnn.config.TrainSettings.BATCH_SIZE;
import static org.sparkdnn.config.TrainSettings.CHECKPOINT_DIR;
import static org.sparkdnn.config.TrainSettings.COURSE_COMMAND;
import static org.sparkdnn.config.TrainSettings.EARLY_STOPPING_MIN_DELTA;
import static org.sparkdnn.config.TrainSettings.EARLY_STOPPING_PATIENCE;
import static org.sparkdnn.config.TrainSettings.EPOCHS;
import static org.sparkdnn.config.TrainSettings.EVAL_EVERY;
import static org.sparkdnn.config.TrainSettings.GATE_METRIC;
import static org.sparkdnn.config.TrainSettings.GATE_TOLERANCE;
import static org.sparkdnn.config.TrainSettings.INIT;
import static org.sparkdnn.config.TrainSettings.INIT_FROM;
import static org.sparkdnn.config.TrainSettings.ITERATIONS;
import static org.sparkdnn.config.TrainSettings.LAYERS;
import static org.sparkdnn.config.TrainSettings.OUTPUT;
import static org.sparkdnn.config.TrainSettings.OVERWRITE;
import static org.sparkdnn.config.TrainSettings.PRECISION;
import static org.sparkdnn.config.TrainSettings.PUBLISH_ROOT;
import static org.sparkdnn.config.TrainSettings.PUBLISH_WAIT;
import static org.sparkdnn.config.TrainSettings.RESUME;
import static org.sparkdnn.config.TrainSettings.SCALE;
import static org.sparkdnn.config.TrainSettings.TRAIN_COMMAND;
import static org.sparkdnn.config.TrainSettings.VALIDATION;
import static org.sparkdnn.config.TrainSettings.VALIDATION_FRACTION;
import static org.sparkdnn.config.TrainSettings.WARM_START;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.eval.QualityGate;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.BadRowPolicy;
import org.sparkdnn.train.MiniBatches;

/**
 * A training run's configuration, immutable and valid: the values of {@link TrainSettings#TRAIN_COMMAND} (or of
 * {@link TrainSettings#COURSE_COMMAND}), each checked by its setting, and how they combine checked here. Built by
 * the command line from its options and by a Spark application through {@link #builder()}.
 */
public final class TrainingConfig {
  /** What {@code --warm-start} takes to mean the publish root's current model. */
  public static final String CURRENT = "current";

  private final SettingValues values;

  private TrainingConfig(SettingValues values) {
    this.values = values;
  }

  /** A configuration for {@code train}: set the required settings, then {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder(SettingValues.defaults(TRAIN_COMMAND));
  }

  /**
   * A configuration for training on data already cached ({@link TrainSettings#IN_MEMORY}): nothing to write, so
   * neither {@code --output} nor {@code --publish-root}.
   */
  public static Builder inMemoryBuilder() {
    return new Builder(SettingValues.defaults(TrainSettings.IN_MEMORY));
  }

  /** A configuration for a {@code course} run. */
  public static Builder courseBuilder() {
    return new Builder(SettingValues.defaults(COURSE_COMMAND));
  }

  /**
   * {@code values}, checked as a whole: the required settings given, the activations fitting the layers (and
   * completed with the defaults), labelled data, and exactly one of {@code --output} and {@code --publish-root}
   * with what goes with each.
   *
   * @throws IllegalArgumentException naming the options
   */
  public static TrainingConfig of(SettingValues values) {
    for (Setting<?> setting : values.settings()) {
      if (setting.isRequired() && values.get(setting) == null) {
        throw setting.named("expected a value, found none", null);
      }
    }
    checkLoop(values);
    checkValidation(values);
    SettingValues complete = values.with(ACTIVATIONS, architecture(values).activationsText().split(","));
    if (!DataSettings.format(complete).hasLabel()) {
      throw DataSettings.LABEL_COLUMN.named("training needs labels, found 'none'", null);
    }
    if (complete.settings().contains(PUBLISH_ROOT)) {
      checkPublishing(complete);
    }
    return new TrainingConfig(complete);
  }

  /** {@code --iterations} without {@code --batch-size}, {@code --epochs} with it. */
  private static void checkLoop(SettingValues values) {
    int batchSize = values.settings().contains(BATCH_SIZE) ? values.get(BATCH_SIZE) : 0;
    boolean epochs = values.settings().contains(EPOCHS) && values.get(EPOCHS) != null;
    boolean iterations = values.get(ITERATIONS) != null;
    if (batchSize == 0) {
      if (epochs) {
        throw EPOCHS.named("applies with --batch-size B only, found no --batch-size", null);
      }
      if (!iterations) {
        throw ITERATIONS.named("expected a value (or --batch-size B with --epochs E), found none", null);
      }
    } else {
      if (iterations) {
        throw ITERATIONS.named("--batch-size " + batchSize + " counts epochs: expected --epochs E instead, found "
            + "--iterations " + values.get(ITERATIONS), null);
      }
      if (!epochs) {
        throw EPOCHS.named("expected a value with --batch-size " + batchSize + ", found none", null);
      }
    }
  }

  /**
   * At most one of {@code --validation} and {@code --validation-fraction}, checked every {@code --eval-every}
   * (so not 0); the early-stopping options, other than their defaults, only with one of them.
   */
  private static void checkValidation(SettingValues values) {
    if (!values.settings().contains(VALIDATION)) {
      return;
    }
    boolean file = values.get(VALIDATION) != null;
    boolean fraction = values.get(VALIDATION_FRACTION) != null;
    if (file && fraction) {
      throw new IllegalArgumentException("--validation, --validation-fraction: expected at most one source of "
          + "validation data, found both");
    }
    if (!file && !fraction) {
      for (Setting<?> option : List.of(EARLY_STOPPING_PATIENCE, EARLY_STOPPING_MIN_DELTA)) {
        // the command line sets every option, defaults included: only a value other than the default is refused
        if (!Objects.equals(values.get(option), option.defaultValue())) {
          throw option.named("applies with --validation or --validation-fraction only, found neither", null);
        }
      }
    } else if (values.get(EVAL_EVERY) == 0) {
      throw EVAL_EVERY.named("expected 1 or more with " + (file ? "--validation" : "--validation-fraction")
          + ": early stopping checks the validation log-loss every K iterations, found 0", null);
    }
  }

  private static Architecture architecture(SettingValues values) {
    String[] activations = values.get(ACTIVATIONS);
    if (activations == null) {
      return Architecture.withHidden(values.get(LAYERS), Activation.RELU);
    }
    try {
      return Architecture.of(values.get(LAYERS), List.of(activations).stream().map(Activation::parse).toList());
    } catch (IllegalArgumentException e) {
      throw ACTIVATIONS.named(e.getMessage(), e);
    }
  }

  private static void checkPublishing(SettingValues values) {
    String output = values.get(OUTPUT);
    String publishRoot = values.get(PUBLISH_ROOT);
    if ((output == null) == (publishRoot == null)) {
      throw new IllegalArgumentException("--output, --publish-root: expected exactly one of them, found "
          + (output == null ? "neither" : "both"));
    }
    if (publishRoot != null && values.get(OVERWRITE)) {
      throw OVERWRITE.named(
          "applies to --output only; a publish root keeps every run, found it with --publish-root", null);
    }
    if (values.get(WARM_START) != null && values.get(INIT_FROM) != null) {
      throw new IllegalArgumentException("--warm-start, --init-from: expected at most one starting point, found both");
    }
    if (CURRENT.equals(values.get(WARM_START)) && publishRoot == null) {
      throw new IllegalArgumentException(
          "--warm-start current: expected --publish-root to say whose current model, found no --publish-root");
    }
    if (values.get(RESUME) && values.get(CHECKPOINT_DIR) == null) {
      throw RESUME.named("expected --checkpoint-dir DIR to resume from, found none", null);
    }
  }

  /** The value of {@code setting}: given, or its default (null for none). */
  public <T> T get(Setting<T> setting) {
    return values.get(setting);
  }

  /** This configuration with {@code setting} = {@code value}, checked again as a whole. */
  public <T> TrainingConfig with(Setting<T> setting, T value) {
    return of(values.with(setting, value));
  }

  public SettingValues values() {
    return values;
  }

  public Architecture architecture() {
    return architecture(values);
  }

  /** The iterations of the training loop: {@code --iterations}, or the {@code --epochs} of mini-batches. */
  public int iterations() {
    return miniBatched() ? get(EPOCHS) : get(ITERATIONS);
  }

  /** Whether the run updates once per mini-batch ({@code --batch-size} above 0). */
  public boolean miniBatched() {
    return values.settings().contains(BATCH_SIZE) && get(BATCH_SIZE) > 0;
  }

  /** The mini-batches of {@code numSamples} training samples, null without {@code --batch-size}. */
  public MiniBatches miniBatches(long numSamples) {
    return miniBatched() ? new MiniBatches(numSamples, get(BATCH_SIZE), get(TrainSettings.SEED)) : null;
  }

  /** Whether the run stops early on validation data ({@code --validation} or {@code --validation-fraction}). */
  public boolean earlyStopping() {
    return values.settings().contains(VALIDATION)
        && (get(VALIDATION) != null || get(VALIDATION_FRACTION) != null);
  }

  public FeatureScaling scaling() {
    return FeatureScaling.parse(get(SCALE));
  }

  public Initializer initializer() {
    return Initializer.parse(get(INIT));
  }

  public Precision precision() {
    return Precision.parse(get(PRECISION));
  }

  public CsvFormat format() {
    return DataSettings.format(values);
  }

  public BadRowPolicy badRows() {
    return DataSettings.badRows(values);
  }

  public QualityGate gate() {
    return new QualityGate(QualityGate.Metric.parse(get(GATE_METRIC)), get(GATE_TOLERANCE));
  }

  /** How long to wait for another run's lock on the publish root. */
  public Duration lockWait() {
    return Duration.ofSeconds(get(PUBLISH_WAIT));
  }

  /** Whether the run publishes into {@code --publish-root} rather than writing {@code --output}. */
  public boolean publishing() {
    return get(PUBLISH_ROOT) != null;
  }

  /** The recorded configuration, in model.json, metrics.json, manifest.json and checkpoints. */
  public Map<String, Object> toJson() {
    return values.toJson();
  }

  /**
   * How this run differs from the one that recorded {@code json} (a checkpoint's) in the settings compared on
   * resume; a key the recording lacks counts as its default.
   */
  public List<ConfigDifference> differencesFrom(Map<String, ?> json) {
    return SettingValues.fromJson(values.settings(), json).differencesTo(values);
  }

  /**
   * The precision recorded in a model's configuration: float64 for a model written before the setting existed.
   *
   * @throws IllegalArgumentException if the value is not float64 or float32
   */
  public static Precision recordedPrecision(Map<String, ?> json) {
    return Precision.parse(SettingValues.fromJson(List.of(PRECISION), json).get(PRECISION));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingConfig other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "TrainingConfig" + toJson();
  }

  /** Sets settings one by one; {@link #build()} checks them as a whole. */
  public static final class Builder {
    private SettingValues values;

    private Builder(SettingValues values) {
      this.values = values;
    }

    /**
     * @throws IllegalArgumentException "--name: expected …", at once
     */
    public <T> Builder set(Setting<T> setting, T value) {
      values = values.with(setting, value);
      return this;
    }

    /** What the command line parsed for {@code setting}. */
    public Builder setParsed(Setting<?> setting, Object raw) {
      values = values.withParsed(setting, raw);
      return this;
    }

    /** @throws IllegalArgumentException naming the options, see {@link TrainingConfig#of} */
    public TrainingConfig build() {
      return of(values);
    }
  }
}
