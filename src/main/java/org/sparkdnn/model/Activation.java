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
  SIGMOID("sigmoid") {
    @Override
    double apply(double z) {
      return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    double derivative(double z, double a) {
      return a * (1.0 - a);
    }
  },
  /** {@code tanh(z)}; {@code tanh'(z) = 1 − tanh²(z)}. */
  TANH("tanh") {
    @Override
    double apply(double z) {
      return Math.tanh(z);
    }

    @Override
    double derivative(double z, double a) {
      return 1.0 - a * a;
    }
  },
  /** {@code max(0, z)}; derivative 1 if {@code z > 0}, else 0. */
  RELU("relu") {
    @Override
    double apply(double z) {
      return z > 0.0 ? z : 0.0;
    }

    @Override
    double derivative(double z, double a) {
      return z > 0.0 ? 1.0 : 0.0;
    }
  },
  /** {@code max(0.01·z, z)}; derivative 1 if {@code z > 0}, else 0.01. */
  LEAKY_RELU("leaky_relu") {
    @Override
    double apply(double z) {
      return z > 0.0 ? z : LEAKY_SLOPE * z;
    }

    @Override
    double derivative(double z, double a) {
      return z > 0.0 ? 1.0 : LEAKY_SLOPE;
    }
  };

  /** Slope of leaky ReLU for negative inputs. */
  public static final double LEAKY_SLOPE = 0.01;

  private final String label;

  Activation(String label) {
    this.label = label;
  }

  abstract double apply(double z);

  abstract double derivative(double z, double a);

  /** The name used on the command line and in model files: sigmoid, tanh, relu, leaky_relu. */
  public String label() {
    return label;
  }

  /**
   * {@code A = g(Z)} over {@code count} elements from {@code offset}.
   * Shapes: z, a hold the same (n[l], m_b) block.
   */
  public void forward(double[] z, double[] a, int offset, int count) {
    for (int i = offset, end = offset + count; i < end; i++) {
      a[i] = apply(z[i]);
    }
  }

  /**
   * {@code dZ = dA ∘ g'(Z)}, in place: {@code d} holds dA on entry and dZ on return.
   * Shapes: z, a, d hold the same (n[l], m_b) block.
   */
  public void backward(double[] z, double[] a, double[] d, int offset, int count) {
    for (int i = offset, end = offset + count; i < end; i++) {
      d[i] *= derivative(z[i], a[i]);
    }
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
