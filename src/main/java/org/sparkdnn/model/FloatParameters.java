package org.sparkdnn.model;

import org.sparkdnn.linalg.FloatMatrix;

/**
 * A float copy of the double {@link Parameters}, with the same flat layout and views {@code W(l)}, {@code b(l)},
 * for the single-precision passes of {@link FloatNetwork}. The driver keeps the double master copy; an executor
 * converts it once per task into this thread's reused buffer ({@link #reusable}).
 */
public final class FloatParameters {
  private static final ThreadLocal<FloatParameters> PER_THREAD = new ThreadLocal<>();

  private final Architecture architecture;
  private final float[] values;
  private final FloatMatrix[] weights;
  private final FloatMatrix[] biases;
  /** The double vector last rounded into this buffer. */
  private double[] source;

  private FloatParameters(Architecture architecture) {
    this.architecture = architecture;
    this.values = new float[architecture.numParameters()];
    int layers = architecture.numLayers();
    this.weights = new FloatMatrix[layers + 1];
    this.biases = new FloatMatrix[layers + 1];
    for (int l = 1; l <= layers; l++) {
      weights[l] = FloatMatrix.wrap(architecture.units(l), architecture.units(l - 1), values,
          architecture.weightOffset(l));
      biases[l] = FloatMatrix.wrap(architecture.units(l), 1, values, architecture.biasOffset(l));
    }
  }

  /** {@code parameters} rounded to float, in a new buffer. */
  public static FloatParameters of(Parameters parameters) {
    return new FloatParameters(parameters.architecture()).load(parameters);
  }

  /**
   * {@code parameters} rounded to float into this thread's buffer for their architecture (made on first use, kept
   * across tasks). The result is overwritten by the thread's next call.
   */
  public static FloatParameters reusable(Parameters parameters) {
    FloatParameters current = PER_THREAD.get();
    if (current == null || !current.architecture.equals(parameters.architecture())) {
      current = new FloatParameters(parameters.architecture());
      PER_THREAD.set(current);
    }
    return current.load(parameters);
  }

  private FloatParameters load(Parameters parameters) {
    double[] from = parameters.values();
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) from[i];
    }
    source = from;
    return this;
  }

  /** Whether this buffer was last loaded from {@code parameters}' vector (the same array, not equal values). */
  public boolean loadedFrom(Parameters parameters) {
    return source == parameters.values();
  }

  public Architecture architecture() {
    return architecture;
  }

  /** W[l], an (n[l], n[l-1]) view, l = 1..L. */
  public FloatMatrix W(int l) {
    return weights[architecture.checkLayer(l)];
  }

  /** b[l], an (n[l], 1) view, l = 1..L. */
  public FloatMatrix b(int l) {
    return biases[architecture.checkLayer(l)];
  }
}
