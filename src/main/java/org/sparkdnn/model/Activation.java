package org.sparkdnn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sparkdnn.linalg.DenseMatrix;

/**
 * Element-wise activation functions {@code A = g(Z)} and their derivatives {@code g'(Z)} (course week 3).
 * Derivatives that the course writes in terms of the activation use {@code A}, exactly as the course does:
 * {@code σ'(z) = a(1 − a)}, {@code tanh'(z) = 1 − a²}.
 */
public enum Activation {
  /** {@code σ(z) = 1 / (1 + e^(−z))}; {@code σ'(z) = σ(z)(1 − σ(z))}. */
  SIGMOID("sigmoid") {
    @Override
    public void forward(double[] z, double[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
      }
    }

    @Override
    public void forward(float[] z, float[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
      }
    }

    @Override
    public void backward(double[] z, double[] a, double[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] *= a[i] * (1.0 - a[i]);
      }
    }

    @Override
    public void backward(float[] z, float[] a, float[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] *= a[i] * (1.0f - a[i]);
      }
    }
  },
  /** {@code tanh(z)}; {@code tanh'(z) = 1 − tanh²(z)}. */
  TANH("tanh") {
    @Override
    public void forward(double[] z, double[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = Math.tanh(z[i]);
      }
    }

    @Override
    public void forward(float[] z, float[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = (float) Math.tanh(z[i]);
      }
    }

    @Override
    public void backward(double[] z, double[] a, double[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] *= 1.0 - a[i] * a[i];
      }
    }

    @Override
    public void backward(float[] z, float[] a, float[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] *= 1.0f - a[i] * a[i];
      }
    }
  },
  /** {@code max(0, z)}; derivative 1 if {@code z > 0}, else 0. */
  RELU("relu") {
    @Override
    public void forward(double[] z, double[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = Math.max(z[i], 0.0);
      }
    }

    @Override
    public void forward(float[] z, float[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = Math.max(z[i], 0.0f);
      }
    }

    @Override
    public void backward(double[] z, double[] a, double[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) & positiveMask(z[i]));
      }
    }

    @Override
    public void backward(float[] z, float[] a, float[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        d[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & positiveMask(z[i]));
      }
    }
  },
  /** {@code max(0.01·z, z)}; derivative 1 if {@code z > 0}, else 0.01. */
  LEAKY_RELU("leaky_relu") {
    @Override
    public void forward(double[] z, double[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = Math.max(z[i], LEAKY_SLOPE * z[i]);
      }
    }

    @Override
    public void forward(float[] z, float[] a, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        a[i] = Math.max(z[i], (float) LEAKY_SLOPE * z[i]);
      }
    }

    @Override
    public void backward(double[] z, double[] a, double[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        long positive = positiveMask(z[i]);
        d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[i]) & positive
            | Double.doubleToRawLongBits(LEAKY_SLOPE * d[i]) & ~positive);
      }
    }

    @Override
    public void backward(float[] z, float[] a, float[] d, int offset, int count) {
      for (int i = offset, end = offset + count; i < end; i++) {
        int positive = positiveMask(z[i]);
        d[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & positive
            | Float.floatToRawIntBits((float) LEAKY_SLOPE * d[i]) & ~positive);
      }
    }
  };

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
   * {@code A = g(Z)} on views of either precision, with the same offsets.
   * Shapes: Z, A (m_b, n[l]).
   */
  public void forward(DenseMatrix<?> Z, DenseMatrix<?> A) {
    if (Z.data() instanceof float[] z) {
      forward(z, (float[]) A.data(), Z.offset(), Z.size());
    } else {
      forward((double[]) Z.data(), (double[]) A.data(), Z.offset(), Z.size());
    }
  }

  /**
   * {@code dZ = dA ∘ g'(Z)} in place in {@code d}, on views of either precision, with the same offsets.
   * Shapes: Z, A, d (m_b, n[l]).
   */
  public void backward(DenseMatrix<?> Z, DenseMatrix<?> A, DenseMatrix<?> d) {
    if (Z.data() instanceof float[] z) {
      backward(z, (float[]) A.data(), (float[]) d.data(), Z.offset(), Z.size());
    } else {
      backward((double[]) Z.data(), (double[]) A.data(), (double[]) d.data(), Z.offset(), Z.size());
    }
  }

  /**
   * {@code A = g(Z)} over {@code count} elements from {@code offset}. One loop per function and precision, chosen
   * once per call, so the element loop has no dispatch and the JIT can unroll and vectorise it.
   * Shapes: z, a hold the same (m_b, n[l]) block.
   */
  public abstract void forward(double[] z, double[] a, int offset, int count);

  /**
   * {@code A = g(Z)} in single precision; the exponential and tanh are evaluated in double and rounded to float.
   * Shapes: z, a hold the same (m_b, n[l]) block.
   */
  public abstract void forward(float[] z, float[] a, int offset, int count);

  /**
   * {@code dZ = dA ∘ g'(Z)}, in place: {@code d} holds dA on entry and dZ on return. Derivatives the course
   * writes through the activation use A: {@code σ' = a(1 − a)}, {@code tanh' = 1 − a²}.
   * Shapes: z, a, d hold the same (m_b, n[l]) block.
   */
  public abstract void backward(double[] z, double[] a, double[] d, int offset, int count);

  /**
   * {@code dZ = dA ∘ g'(Z)} in place, in single precision.
   * Shapes: z, a, d hold the same (m_b, n[l]) block.
   */
  public abstract void backward(float[] z, float[] a, float[] d, int offset, int count);

  /**
   * All ones where {@code z > 0}, else zero: the sign of {@code −bits & ~bits} is set exactly when z's bits are a
   * positive long (z > 0, or a NaN with its sign clear; ±0 give zero). A mask rather than a comparison keeps the
   * ReLU derivative loops free of branches, which would mispredict on half the units.
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
