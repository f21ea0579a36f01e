package org.sparkdnn.io;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a saved model came from (stored in {@code model.json} under {@code "provenance"}).
 *
 * @param sparkDnnVersion the spark-dnn version that trained it
 * @param javaVersion the driver's {@code java.version}
 * @param sparkVersion the Spark version
 * @param createdAt when it was saved, an ISO-8601 instant such as {@code 2025-06-01T12:00:00Z}
 * @param initializer the label of the weight initialiser ({@code course-deep}, {@code he}, …)
 * @param seed the initialiser's seed
 * @param trainingData the path of the training data
 * @param numExamples m, the number of training examples
 */
public record Provenance(String sparkDnnVersion, String javaVersion, String sparkVersion, String createdAt,
    String initializer, long seed, String trainingData, long numExamples) {

  /** Validates every field: strings present, {@code createdAt} an ISO-8601 instant, m ≥ 0. */
  public Provenance {
    requirePresent("sparkDnnVersion", sparkDnnVersion);
    requirePresent("javaVersion", javaVersion);
    requirePresent("sparkVersion", sparkVersion);
    requirePresent("createdAt", createdAt);
    requirePresent("initializer", initializer);
    requirePresent("trainingData", trainingData);
    try {
      Instant.parse(createdAt);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "createdAt: expected an ISO-8601 instant such as 2025-06-01T12:00:00Z, found '" + createdAt + "'", e);
    }
    if (numExamples < 0) {
      throw new IllegalArgumentException("numExamples: expected m >= 0, found " + numExamples);
    }
  }

  private static void requirePresent(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + ": expected a string, found null");
    }
  }
}
