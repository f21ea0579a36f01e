package org.sparkdnn.eval;

import java.io.Serializable;
import org.sparkdnn.model.CrossEntropy;

/**
 * Confusion-matrix counts and summed log loss of binary predictions, accumulated per sample and
 * combined across partitions with {@link #merge}. A sample is predicted positive when its
 * probability is strictly greater than the threshold, as the course's {@code predict} does.
 * Immutable: {@link #add}, {@link #addLogit} and {@link #merge} return new instances.
 *
 * <p>Ratios whose denominator is zero: {@link #precision}, {@link #recall} and {@link #f1} are 0.0
 * (scikit-learn's {@code zero_division=0}); {@link #accuracy} and {@link #logLoss} are NaN when
 * there are no samples.
 */
public final class ConfusionCounts implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Probabilities are clamped to [{@code PROBABILITY_CLAMP}, 1 - {@code PROBABILITY_CLAMP}] before
   * taking logarithms, so that a confidently wrong prediction costs about 34.5 rather than
   * infinity. This is scikit-learn's {@code log_loss} clamp before version 1.2 (later versions use
   * the float64 machine epsilon, which differs only for probabilities within 1e-15 of 0 or 1).
   */
  public static final double PROBABILITY_CLAMP = 1e-15;

  /** No samples. */
  public static final ConfusionCounts EMPTY = new ConfusionCounts(0, 0, 0, 0, 0.0);

  private final long tp;
  private final long fp;
  private final long tn;
  private final long fn;
  private final double logLossSum;

  private ConfusionCounts(long tp, long fp, long tn, long fn, double logLossSum) {
    this.tp = tp;
    this.fp = fp;
    this.tn = tn;
    this.fn = fn;
    this.logLossSum = logLossSum;
  }

  /**
   * Returns the given counts.
   *
   * @throws IllegalArgumentException if a count is negative, or the log loss sum is negative or
   *     not finite
   */
  public static ConfusionCounts of(long tp, long fp, long tn, long fn, double logLossSum) {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException("expected non-negative counts, found tp=" + tp + ", fp=" + fp
          + ", tn=" + tn + ", fn=" + fn);
    }
    if (!(logLossSum >= 0.0 && logLossSum < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("log loss sum: expected a finite value >= 0, found " + logLossSum);
    }
    return new ConfusionCounts(tp, fp, tn, fn, logLossSum);
  }

  /** The partitions' counts added in partition order, so the log-loss sum does not depend on arrival order. */
  public static ConfusionCounts inPartitionOrder(ConfusionCounts[] parts) {
    ConfusionCounts sum = EMPTY;
    for (ConfusionCounts part : parts) {
      sum = sum.merge(part);
    }
    return sum;
  }

  /**
   * Adds one sample given the predicted probability of class 1. Its log loss is
   * {@code -ln(p)} for label 1 and {@code -ln(1 - p)} for label 0, with {@code p} clamped by
   * {@link #PROBABILITY_CLAMP}.
   *
   * @throws IllegalArgumentException if the probability or threshold is not in [0, 1] or the
   *     label is not 0 or 1
   */
  public ConfusionCounts add(double probability, double label, double threshold) {
    boolean positive = isPositive(label);
    checkUnitInterval("probability", probability);
    checkUnitInterval("threshold", threshold);
    double p = Math.min(Math.max(probability, PROBABILITY_CLAMP), 1.0 - PROBABILITY_CLAMP);
    return plus(probability > threshold, positive, positive ? -Math.log(p) : -Math.log1p(-p));
  }

  /**
   * Adds one sample given the logit {@code z}, the pre-activation of the output sigmoid. The
   * prediction compares {@code sigmoid(z)} with the threshold as {@link #add} does; the log loss
   * is computed from {@code z} without clamping, as {@code ln(1 + e^-z)} for label 1 and
   * {@code ln(1 + e^z)} for label 0, accurately for any finite {@code z}.
   *
   * @throws IllegalArgumentException if {@code z} is not finite, the threshold is not in [0, 1] or
   *     the label is not 0 or 1
   */
  public ConfusionCounts addLogit(double z, double label, double threshold) {
    boolean positive = isPositive(label);
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException("expected a finite logit, found " + z);
    }
    checkUnitInterval("threshold", threshold);
    double loss = CrossEntropy.loss(z, positive ? 1.0 : 0.0);
    return plus(sigmoid(z) > threshold, positive, loss);
  }

  /**
   * Returns the counts of both this and {@code other}'s samples. Counts add exactly; the log loss
   * sums add in floating point, so merging in a different grouping may change the last bits.
   */
  public ConfusionCounts merge(ConfusionCounts other) {
    return new ConfusionCounts(tp + other.tp, fp + other.fp, tn + other.tn, fn + other.fn,
        logLossSum + other.logLossSum);
  }

  private ConfusionCounts plus(boolean predictedPositive, boolean positive, double loss) {
    return new ConfusionCounts(
        tp + (predictedPositive && positive ? 1 : 0),
        fp + (predictedPositive && !positive ? 1 : 0),
        tn + (!predictedPositive && !positive ? 1 : 0),
        fn + (!predictedPositive && positive ? 1 : 0),
        logLossSum + loss);
  }

  private static boolean isPositive(double label) {
    if (label == 1.0) {
      return true;
    }
    if (label == 0.0) {
      return false;
    }
    throw new IllegalArgumentException("expected label 0 or 1, found " + label);
  }

  private static void checkUnitInterval(String what, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException("expected a " + what + " in [0, 1], found " + value);
    }
  }

  private static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  /** True positives: label 1, predicted 1. */
  public long tp() {
    return tp;
  }

  /** False positives: label 0, predicted 1. */
  public long fp() {
    return fp;
  }

  /** True negatives: label 0, predicted 0. */
  public long tn() {
    return tn;
  }

  /** False negatives: label 1, predicted 0. */
  public long fn() {
    return fn;
  }

  /** The sum of the per-sample log losses. */
  public double logLossSum() {
    return logLossSum;
  }

  /** The number of samples, m. */
  public long count() {
    return tp + fp + tn + fn;
  }

  /** (tp + tn) / m, or NaN if there are no samples. */
  public double accuracy() {
    long m = count();
    return m == 0 ? Double.NaN : (double) (tp + tn) / m;
  }

  /** tp / (tp + fp), or 0.0 if nothing was predicted positive. */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** tp / (tp + fn), or 0.0 if there are no positive samples. */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /**
   * The recall of class 0, tn / (tn + fp) (the specificity), or 0.0 if there are no negative samples: beside
   * {@link #recall()}, class 1's, it shows what class weights trade.
   */
  public double recallOfZero() {
    return ratio(tn, tn + fp);
  }

  /**
   * The harmonic mean of precision and recall, computed as 2 tp / (2 tp + fp + fn), or 0.0 if that
   * denominator is zero.
   */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  /** The mean log loss (cross-entropy), or NaN if there are no samples. */
  public double logLoss() {
    long m = count();
    return m == 0 ? Double.NaN : logLossSum / m;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionCounts other
        && tp == other.tp && fp == other.fp && tn == other.tn && fn == other.fn
        && Double.compare(logLossSum, other.logLossSum) == 0;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(tp);
    h = 31 * h + Long.hashCode(fp);
    h = 31 * h + Long.hashCode(tn);
    h = 31 * h + Long.hashCode(fn);
    return 31 * h + Double.hashCode(logLossSum);
  }

  @Override
  public String toString() {
    return "ConfusionCounts[tp=" + tp + ", fp=" + fp + ", tn=" + tn + ", fn=" + fn
        + ", logLossSum=" + logLossSum + "]";
  }
}
