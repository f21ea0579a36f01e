package org.sparkdnn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Element-wise activation functions {@code A = g(Z)} and their derivatives {@code g'(Z)} (course week 3).
 * Derivatives that the course writes in terms of the activation use {@code A}, exactly as the course does:
 * {@code σ'(z) = a(1 − a)}, {@code tanh'(z) = 1 − a²}.
 */
public enum Activation {
  /** {@code σ(z) = 1 / (1 + e^(−z))}; {@code σ'(z) = σ(z)(1 − σ(z))}. */
  SIGMOID("sigmoid"),
  /** {@code tanh(z)}; {@code tanh'(z) = 1 − tanh²(z)}. */
  TANH("tanh"),
  /** {@code max(0, z)}; derivative 1 if {@code z > 0}, else 0. */
  RELU("relu"),
  /** {@code max(0.01·z, z)}; derivative 1 if {@code z > 0}, else 0.01. */
  LEAKY_RELU("leaky_relu");

  /** Slope of leaky ReLU for negative inputs. */
  public static final double LEAKY_SLOPE = 0.01;

  private final String label;

  Activation(String label) {
    this.label = label;
  }

  /** The name used on the command line and in model files: sigmoid, tanh, relu, leaky_relu. */
  public String label() {
    return label;
  }

  /**
   * {@code A = g(Z)} over {@code count} elements from {@code offset}. One loop per function, chosen once per
   * call, so the element loop has no dispatch and the JIT can unroll and vectorise it.
   * Shapes: z, a hold the same (n[l], m_b) block, in either layout.
   */
  public void forward(double[] z, double[] a, int offset, int count) {
    int end = offset + count;
    switch (this) {
      case SIGMOID -> {
        for (int i = offset; i < end; i++) {
          a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
      }
      case TANH -> {
        for (int i = offset; i < end; i++) {
          a[i] = Math.tanh(z[i]);
        }
      }
      case RELU -> {
        for (int i = offset; i < end; i++) {
          a[i] = Math.max(z[i], 0.0);
        }
      }
      case LEAKY_RELU -> {
        for (int i = offset; i < end; i++) {
          a[i] = Math.max(z[i], LEAKY_SLOPE * z[i]);
        }
      }
    }
  }

  /**
   * {@code dZ = dA ∘ g'(Z)}, in place: {@code d} holds dA on entry and dZ on return. Derivatives the course
   * writes through the activation use A: {@code σ' = a(1 − a)}, {@code tanh' = 1 − a²}.
   * Shapes: z, a, d hold the same (n[l], m_b) block, in either layout.
   */
  public void backward(double[] z, double[] a, double[] d, int offset, int count) {
    int end = offset + count;
    switch (this) {
      case SIGMOID -> {
        for (int i = offset; i < end; i++) {
          d[i] *= a[i] * (1.0 - a[i]);
        }
      }
      case TANH -> {
        for (int i = offset; i < end; i++) {
          d[i] *= 1.0 - a[i] * a[i];
        }
      }
      case RELU -> {
        for (int i = offset; i < end; i++) {
          long positive = positiveMask(z[i]);
          d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) & positive);
        }
      }
      case LEAKY_RELU -> {
        for (int i = offset; i < end; i++) {
          long positive = positiveMask(z[i]);
          d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) & positive
              | Double.doubleToRawLongBits(LEAKY_SLOPE * d[i]) & ~positive);
        }
      }
    }
  }

  /**
   * {@code A = g(Z)} in single precision, as {@link #forward(double[], double[], int, int)}; the exponential and
   * tanh are evaluated in double and rounded to float.
   * Shapes: z, a hold the same (n[l], m_b) block, in either layout.
   */
  public void forward(float[] z, float[] a, int offset, int count) {
    int end = offset + count;
    switch (this) {
      case SIGMOID -> {
        for (int i = offset; i < end; i++) {
          a[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
      }
      case TANH -> {
        for (int i = offset; i < end; i++) {
          a[i] = (float) Math.tanh(z[i]);
        }
      }
      case RELU -> {
        for (int i = offset; i < end; i++) {
          a[i] = Math.max(z[i], 0.0f);
        }
      }
      case LEAKY_RELU -> {
        for (int i = offset; i < end; i++) {
          a[i] = Math.max(z[i], (float) LEAKY_SLOPE * z[i]);
        }
      }
    }
  }

  /**
   * {@code dZ = dA ∘ g'(Z)} in place, in single precision, as {@link #backward(double[], double[], double[], int,
   * int)}.
   * Shapes: z, a, d hold the same (n[l], m_b) block, in either layout.
   */
  public void backward(float[] z, float[] a, float[] d, int offset, int count) {
    int end = offset + count;
    switch (this) {
      case SIGMOID -> {
        for (int i = offset; i < end; i++) {
          d[i] *= a[i] * (1.0f - a[i]);
        }
      }
      case TANH -> {
        for (int i = offset; i < end; i++) {
          d[i] *= 1.0f - a[i] * a[i];
        }
      }
      case RELU -> {
        for (int i = offset; i < end; i++) {
          int positive = positiveMask(z[i]);
          d[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & positive);
        }
      }
      case LEAKY_RELU -> {
        for (int i = offset; i < end; i++) {
          int positive = positiveMask(z[i]);
          d[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & positive
              | Float.floatToRawIntBits((float) LEAKY_SLOPE * d[i]) & ~positive);
        }
      }
    }
  }

  /**
   * All ones where {@code z > 0}, else zero: the sign of {@code −bits & ~bits} is set exactly when z's bits are a
   * positive long (z > 0, or a NaN with its sign clear; ±0 give zero). A mask rather than a comparison keeps the
   * ReLU derivative loops free of branches, which mispredict on every other unit and cost ten times the loop.
   */
  private static long positiveMask(double z) {
    long bits = Double.doubleToRawLongBits(z);
    return (-bits & ~bits) >> 63;
  }

  /** {@link #positiveMask(double)} for a float. */
  private static int positiveMask(float z) {
    int bits = Float.floatToRawIntBits(z);
    return (-bits & ~bits) >> 31;
  }

  /** Parses a label (case-insensitive; {@code leaky-relu} is accepted for {@code leaky_relu}). */
  public static Activation parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Activation activation : values()) {
      if (activation.label.equals(key)) {
        return activation;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + text + "': expected one of " + names());
  }

  /** "sigmoid, tanh, relu, leaky_relu". */
  public static String names() {
    return Arrays.stream(values()).map(Activation::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
