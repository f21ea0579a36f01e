package org.sparkdnn.model;

import java.io.Serializable;
import java.util.List;

/**
 * The loss weight of each class, {@code w0} for label 0 and {@code w1} for label 1 ({@code --class-weight}): sample
 * i's loss counts {@code w_{y_i}} times, so the cost is {@code J = −(1/Σw)·Σ_i w_i·[y log a + (1 − y) log(1 − a)]}
 * and {@code dZ[L] = w·(A − Y)}, divided by {@code Σ_i w_i} instead of m (scikit-learn's {@code class_weight},
 * Spark MLlib's {@code weightCol} per class). Σw is {@code w0·m0 + w1·m1} from the class counts, so it does not
 * depend on the order the samples were added in. Immutable.
 *
 * @param negative w0, the weight of a sample labelled 0, positive and finite
 * @param positive w1, the weight of a sample labelled 1, positive and finite
 */
public record ClassWeights(double negative, double positive) implements Serializable {
  /** {@code --class-weight none}: every sample weighs 1, the plain course cost (no multiplication at all). */
  public static final String NONE = "none";
  /** {@code --class-weight balanced}: {@link #balanced}. */
  public static final String BALANCED = "balanced";

  public ClassWeights {
    if (!(negative > 0.0 && negative < Double.POSITIVE_INFINITY && positive > 0.0
        && positive < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("expected two positive finite weights W0,W1, found " + negative + ","
          + positive);
    }
  }

  /**
   * scikit-learn's {@code class_weight='balanced'}: {@code w_c = m / (2·m_c)}, so each class carries half of the
   * total weight.
   *
   * @throws IllegalArgumentException if a class has no sample
   */
  public static ClassWeights balanced(long negatives, long positives) {
    if (negatives <= 0 || positives <= 0) {
      throw new IllegalArgumentException("balanced weights m / (2·m_c) need samples of both classes, found "
          + negatives + " labelled 0 and " + positives + " labelled 1");
    }
    double m = (double) (negatives + positives);
    return new ClassWeights(m / (2.0 * negatives), m / (2.0 * positives));
  }

  /**
   * The canonical text of a {@code --class-weight} value, as it is recorded: {@code none}, {@code balanced}, or
   * {@code W0,W1} with each number as Java prints a double ({@code 1,3} → {@code 1.0,3.0}).
   *
   * @throws IllegalArgumentException saying what was expected and found
   */
  public static String canonical(String text) {
    String trimmed = text.trim();
    if (trimmed.equals(NONE) || trimmed.equals(BALANCED)) {
      return trimmed;
    }
    ClassWeights weights = parse(trimmed);
    return weights.negative + "," + weights.positive;
  }

  /**
   * The weights of a {@code W0,W1} text.
   *
   * @throws IllegalArgumentException unless the text is two positive finite numbers separated by a comma
   */
  public static ClassWeights parse(String text) {
    String[] parts = text.trim().split(",", -1);
    String expected = "expected none, balanced or two positive finite numbers W0,W1, found '" + text + "'";
    if (parts.length != 2) {
      throw new IllegalArgumentException(expected);
    }
    try {
      return new ClassWeights(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected, e);
    }
  }

  /** The weight of a sample labelled {@code label} (1 or 0). */
  public double of(double label) {
    return label == 1.0 ? positive : negative;
  }

  /** Σw over {@code negatives} samples labelled 0 and {@code positives} labelled 1: {@code w0·m0 + w1·m1}. */
  public double total(long negatives, long positives) {
    return negative * negatives + positive * positives;
  }

  /** [w0, w1], as model.json and metrics.json record them. */
  public List<Double> toList() {
    return List.of(negative, positive);
  }

  @Override
  public String toString() {
    return negative + "," + positive;
  }
}
