package org.sparkdnn.model;

import org.sparkdnn.linalg.FloatMatrix;

/**
 * A float copy of the double {@link Parameters}, with the same flat layout and views, for the single-precision
 * passes. The driver keeps the double master copy; an executor rounds it into its float32 {@link Workspace}'s
 * buffer once per task.
 */
public final class FloatParameters extends LayerParameters<FloatMatrix> {
  private final float[] values;
  /** The double vector last rounded into this buffer. */
  private double[] source;

  private FloatParameters(Architecture architecture, float[] values) {
    super(architecture, (rows, cols, offset) -> FloatMatrix.wrap(rows, cols, values, offset));
    this.values = values;
  }

  /** An unloaded buffer for {@code architecture}'s parameters. */
  static FloatParameters buffer(Architecture architecture) {
    return new FloatParameters(architecture, new float[architecture.numParameters()]);
  }

  /** {@code parameters} rounded to float, in a new buffer. */
  public static FloatParameters of(Parameters parameters) {
    return buffer(parameters.architecture()).load(parameters);
  }

  /** Rounds {@code parameters} into this buffer and returns it. */
  FloatParameters load(Parameters parameters) {
    double[] from = parameters.values();
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) from[i];
    }
    source = from;
    return this;
  }

  /** Whether this buffer was last loaded from {@code parameters}' vector (the same array, not equal values). */
  boolean loadedFrom(Parameters parameters) {
    return source == parameters.values();
  }
}
