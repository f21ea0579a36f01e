package org.sparkdnn.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes, documented in the README and in {@code --help}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** Anything not covered below (an I/O failure, a bug). */
  public static final int FAILURE = 1;
  /**
   * Usage or configuration error: unknown or missing option, invalid value, an existing --output or one that cannot
   * be created, a Spark master that does not answer.
   */
  public static final int USAGE = 2;
  /** Invalid input data or model file: missing, empty, malformed, or not matching the layer sizes. */
  public static final int INVALID_INPUT = 3;
  /** Training diverged: the cost became NaN or infinite. */
  public static final int DIVERGED = 4;
  /** The quality gate refused the new model: {@code current} stays, the run directory is left for inspection. */
  public static final int GATE_REFUSED = 5;
  /** Another run held the publish root's lock for longer than {@code --publish-wait}. */
  public static final int PUBLISH_LOCKED = 6;

  /** Code and meaning of each, in the form picocli's {@code --help} lists them. */
  static final Map<String, String> DESCRIPTIONS = descriptions();

  private static Map<String, String> descriptions() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(Integer.toString(OK), "Success.");
    map.put(Integer.toString(FAILURE), "Any other failure.");
    map.put(Integer.toString(USAGE), "Usage or configuration error.");
    map.put(Integer.toString(INVALID_INPUT), "Invalid input data or model file.");
    map.put(Integer.toString(DIVERGED), "Training diverged (NaN or infinite cost).");
    map.put(Integer.toString(GATE_REFUSED), "Quality gate refused the new model; current kept.");
    map.put(Integer.toString(PUBLISH_LOCKED), "Publish root locked by another run.");
    return Collections.unmodifiableMap(map);
  }

  private ExitCodes() {}
}
