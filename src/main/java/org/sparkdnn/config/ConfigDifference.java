package org.sparkdnn.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A recorded setting whose value differs between a checkpoint and the run resuming from it.
 *
 * @param checkpoint the checkpoint's value, as JSON
 * @param now this run's value, as JSON
 */
public record ConfigDifference(Setting<?> setting, Object checkpoint, Object now) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** "learning_rate: 0.5 in the checkpoint, 0.6 now", values as JSON. */
  @Override
  public String toString() {
    return setting.key() + ": " + json(checkpoint) + " in the checkpoint, " + json(now) + " now";
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a setting's JSON value is always writable", e);
    }
  }
}
