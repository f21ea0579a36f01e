package org.sparkdnn.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sparkdnn.data.Standardization;

/**
 * The {@code "standardization"} object of model.json and of checkpoints, {@code {"mean": [...], "std": [...]}}:
 * each feature's training mean and population standard deviation, as doubles that read back bit for bit.
 */
final class StandardizationJson {
  static final String KEY = "standardization";
  private static final List<String> KEYS = List.of("mean", "std");

  private StandardizationJson() {}

  static void put(ObjectNode parent, Standardization standardization) {
    ObjectNode node = parent.putObject(KEY);
    ArrayNode mean = node.putArray("mean");
    for (double value : standardization.mean()) {
      mean.add(value);
    }
    ArrayNode std = node.putArray("std");
    for (double value : standardization.std()) {
      std.add(value);
    }
  }

  /**
   * The statistics under {@code parent}'s key, for n[0] features.
   *
   * @throws ModelFormatException if they are missing, malformed or not one pair per feature
   */
  static Standardization read(JsonFieldReader parent, int numFeatures) {
    if (!parent.has(KEY)) {
      throw parent.error("expected \"" + KEY + "\" (the statistics of --scale standardize), found none");
    }
    JsonFieldReader node = parent.object(KEY);
    node.requireKeys(KEYS);
    double[] mean = node.finiteNumbers("mean");
    double[] std = node.finiteNumbers("std");
    if (mean.length != numFeatures || std.length != numFeatures) {
      throw node.error("expected n[0] = " + numFeatures + " means and standard deviations, found " + mean.length
          + " and " + std.length);
    }
    try {
      return new Standardization(mean, std);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage(), e);
    }
  }
}
