package org.sparkdnn.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Seeded parameter initialisation. All biases start at zero. The weights of every layer come from one
 * {@link NumpyRandom} stream seeded once, drawn layer by layer as {@code randn(n[l], n[l-1])} in row-major
 * order, exactly as the course does, so the course's seeds give the course's initial weights bit for bit.
 */
public enum Initializer {
  /** {@code W = 0}: course week 2 (logistic regression). */
  ZEROS("zeros"),
  /** {@code W[l] = randn(n[l], n[l-1]) · 0.01}: course week 3 (seed 2) and week 4 two-layer (seed 1). */
  COURSE_SMALL("course-small"),
  /** {@code W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])}: course week 4 L-layer (seed 1); a division. */
  COURSE_DEEP("course-deep"),
  /** He: {@code W[l] = randn(n[l], n[l-1]) · sqrt(2 / n[l-1])}, for ReLU layers. */
  HE("he"),
  /** Xavier/Glorot normal: {@code W[l] = randn(n[l], n[l-1]) · sqrt(2 / (n[l-1] + n[l]))}, for tanh/sigmoid. */
  XAVIER("xavier");

  private final String label;

  Initializer(String label) {
    this.label = label;
  }

  /** The name used on the command line and in model files. */
  public String label() {
    return label;
  }

  /** Fresh parameters for {@code architecture}, weights from {@code np.random.seed(seed)}'s stream. */
  public Parameters initialize(Architecture architecture, long seed) {
    Parameters parameters = Parameters.zeros(architecture);
    if (this == ZEROS) {
      return parameters;
    }
    NumpyRandom random = new NumpyRandom(seed);
    double[] values = parameters.values();
    for (int l = 1; l <= architecture.numLayers(); l++) {
      int rows = architecture.units(l);
      int cols = architecture.units(l - 1);
      int offset = architecture.weightOffset(l);
      double[] rowMajor = new double[rows * cols];
      random.nextGaussians(rowMajor, 0, rowMajor.length);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          values[offset + i + j * rows] = scale(rowMajor[i * cols + j], rows, cols);
        }
      }
    }
    return parameters;
  }

  /** One weight from a standard-normal draw; fanIn = n[l-1], fanOut = n[l]. */
  private double scale(double draw, int fanOut, int fanIn) {
    return switch (this) {
      case COURSE_SMALL -> draw * 0.01;
      case COURSE_DEEP -> draw / Math.sqrt(fanIn);
      case HE -> draw * Math.sqrt(2.0 / fanIn);
      case XAVIER -> draw * Math.sqrt(2.0 / (fanIn + fanOut));
      case ZEROS -> 0.0;
    };
  }

  /** Parses a label such as {@code course-deep} (case-insensitive; '_' accepted for '-'). */
  public static Initializer parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Initializer init : values()) {
      if (init.label.equals(key)) {
        return init;
      }
    }
    throw new IllegalArgumentException("unknown initialisation '" + text + "': expected one of "
        + Arrays.stream(values()).map(Initializer::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label;
  }
}
