package org.sparkdnn.io;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.EarlyStoppingState;
import org.sparkdnn.train.OptimizerState;

/**
 * The state of a training run after some iterations, as {@link CheckpointStore} saves it: the parameters after
 * {@link #iteration()} updates, the cost of each of those iterations, the run's recorded configuration and the
 * fingerprint of its training data, which a run resuming from it must match.
 *
 * @param parameters the parameters after {@code costs.length} updates
 * @param costs the cost of iteration i at index i; finite
 * @param config the training configuration as plain JSON values (as {@link SavedModel} takes it)
 * @param dataFingerprint the training data's fingerprint, 64 lowercase hex digits
 * @param numExamples m, the training samples the fingerprint covers
 * @param optimizer the update rule's state (momentum's and Adam's moving averages), {@link OptimizerState#NONE}
 *     for plain gradient descent
 * @param stopping early stopping's state (the best parameters checked), {@link EarlyStoppingState#NONE} without
 * @param standardization the statistics the training data is standardized by ({@code --scale standardize}),
 *     which a resumed run keeps; null for another scaling
 */
public record Checkpoint(Parameters parameters, double[] costs, Map<String, Object> config, String dataFingerprint,
    long numExamples, OptimizerState optimizer, EarlyStoppingState stopping, Standardization standardization) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A checkpoint of plain gradient descent. */
  public Checkpoint(Parameters parameters, double[] costs, Map<String, Object> config, String dataFingerprint,
      long numExamples) {
    this(parameters, costs, config, dataFingerprint, numExamples, OptimizerState.NONE);
  }

  /** A checkpoint without early stopping or standardization. */
  public Checkpoint(Parameters parameters, double[] costs, Map<String, Object> config, String dataFingerprint,
      long numExamples, OptimizerState optimizer) {
    this(parameters, costs, config, dataFingerprint, numExamples, optimizer, EarlyStoppingState.NONE, null);
  }

  /**
   * Validated; {@code config} deep-copied and normalised as reading it back from JSON gives it.
   *
   * @throws IllegalArgumentException if no iteration is done, a cost is not finite, the fingerprint is not 64
   *     lowercase hex digits, m is below 1, or a config value has no JSON form
   */
  public Checkpoint {
    Objects.requireNonNull(parameters, "parameters");
    if (costs.length < 1) {
      throw new IllegalArgumentException("a checkpoint needs at least one iteration done, found none");
    }
    for (int i = 0; i < costs.length; i++) {
      if (!Double.isFinite(costs[i])) {
        throw new IllegalArgumentException("a checkpoint needs finite costs, found " + costs[i] + " at " + i);
      }
    }
    if (!SHA256_HEX.matcher(dataFingerprint).matches()) {
      throw new IllegalArgumentException(
          "expected a data fingerprint of 64 lowercase hex digits, found \"" + dataFingerprint + "\"");
    }
    if (numExamples < 1) {
      throw new IllegalArgumentException("expected m ≥ 1 samples, found " + numExamples);
    }
    config = JsonValues.copyOfObject(Objects.requireNonNull(config, "config"), "config");
    Objects.requireNonNull(optimizer, "optimizer");
    int p = parameters.values().length;
    if ((optimizer.velocity() != null && optimizer.velocity().length != p)
        || (optimizer.squares() != null && optimizer.squares().length != p)) {
      throw new IllegalArgumentException("expected optimizer moments of " + p + " values, the parameters' count");
    }
    Objects.requireNonNull(stopping, "stopping");
    if (stopping.bestIteration() > costs.length
        || (stopping.best() != null && !stopping.best().architecture().equals(parameters.architecture()))) {
      throw new IllegalArgumentException("expected early stopping's best parameters of the same architecture from "
          + "at most " + costs.length + " iterations, found them from " + stopping.bestIteration());
    }
    if (standardization != null && standardization.numFeatures() != parameters.architecture().inputSize()) {
      throw new IllegalArgumentException("expected the statistics of n[0] = "
          + parameters.architecture().inputSize() + " features, found " + standardization.numFeatures());
    }
  }

  /** The iterations done: the next one to compute. */
  public int iteration() {
    return costs.length;
  }

  public Architecture architecture() {
    return parameters.architecture();
  }
}
