package org.sparkdnn.io;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;

/**
 * A trained model as {@link ModelStore} saves it: the architecture and its parameters, the feature scaling its
 * inputs need (with {@code --scale standardize}, the training data's statistics), the training configuration as plain JSON values and its {@link Provenance}.
 * Immutable: the parameters are copied in and out.
 */
public final class SavedModel {
  private final Parameters parameters;
  private final FeatureScaling scaling;
  /** The statistics of {@code --scale standardize}; null for the other scalings. */
  private final Standardization standardization;
  private final Map<String, Object> config;
  private final Provenance provenance;

  /**
   * @param architecture the network's shape; {@code parameters} must be laid out for it
   * @param parameters the trained parameters (copied)
   * @param scaling the scaling applied to features before {@code parameters} see them
   * @param config the training configuration as JSON values (null, Boolean, String, Character, integers,
   *     finite Double or Float, List, array, Map with String keys), deep-copied and normalised to what reading
   *     the JSON back gives: arrays become lists, a Character a String, numbers Integer, Long, BigInteger or
   *     Double
   * @throws IllegalArgumentException if the parameters are not laid out for {@code architecture} or a config
   *     value has no JSON form; the message names it ({@code config.optimizer.rate}) and its type
   * @param provenance where the model came from
   */
  public SavedModel(Architecture architecture, Parameters parameters, FeatureScaling scaling,
      Map<String, ?> config, Provenance provenance) {
    this(architecture, parameters, scaling, null, config, provenance);
  }

  /**
   * As {@link #SavedModel(Architecture, Parameters, FeatureScaling, Map, Provenance)}, with the statistics a
   * standardizing scaling applies.
   *
   * @param standardization the statistics of {@code --scale standardize} (n[0] of them); null for another scaling
   * @throws IllegalArgumentException also if {@code standardization} is missing for standardize, given for another
   *     scaling, or not of n[0] features
   */
  public SavedModel(Architecture architecture, Parameters parameters, FeatureScaling scaling,
      Standardization standardization, Map<String, ?> config, Provenance provenance) {
    if (scaling.isStandardize() != (standardization != null)) {
      throw new IllegalArgumentException("expected statistics exactly with --scale standardize, found scaling "
          + scaling + (standardization == null ? " without them" : " with them"));
    }
    if (standardization != null && standardization.numFeatures() != architecture.inputSize()) {
      throw new IllegalArgumentException("expected the statistics of n[0] = " + architecture.inputSize()
          + " features, found " + standardization.numFeatures());
    }
    if (!parameters.architecture().equals(architecture)) {
      throw new IllegalArgumentException(
          "expected parameters for " + architecture + ", found parameters for " + parameters.architecture());
    }
    this.parameters = parameters.copy();
    this.scaling = Objects.requireNonNull(scaling, "scaling");
    this.standardization = standardization;
    this.config = JsonValues.copyOfObject(Objects.requireNonNull(config, "config"), "config");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  public Architecture architecture() {
    return parameters.architecture();
  }

  /** A copy of the parameters. */
  public Parameters parameters() {
    return parameters.copy();
  }

  public FeatureScaling scaling() {
    return scaling;
  }

  /** The statistics its inputs are standardized by; empty unless the scaling is standardize. */
  public Optional<Standardization> standardization() {
    return Optional.ofNullable(standardization);
  }

  /** The training configuration, unmodifiable, in its original key order. */
  public Map<String, Object> config() {
    return config;
  }

  /**
   * The precision the model was trained in, which predict and evaluate use too: the config's {@code precision},
   * float64 for a model written before the option existed (no such key).
   *
   * @throws IllegalArgumentException if the key holds something other than float64 or float32
   */
  public Precision precision() {
    return TrainingConfig.recordedPrecision(config);
  }

  public Provenance provenance() {
    return provenance;
  }

  @Override
  public boolean equals(Object o) {
    // scalings compare by their text, which round-trips through FeatureScaling.parse
    return o instanceof SavedModel other && parameters.equals(other.parameters)
        && scaling.toString().equals(other.scaling.toString())
        && Objects.equals(standardization, other.standardization) && config.equals(other.config)
        && provenance.equals(other.provenance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameters, scaling.toString(), config, provenance);
  }

  @Override
  public String toString() {
    return "SavedModel(" + architecture() + ", scaling " + scaling + ", " + provenance + ")";
  }
}
