package org.sparkdnn.eval;

import java.io.Serializable;

/**
 * Exact area under the ROC curve, computed as the Mann–Whitney statistic: the fraction of
 * (positive, negative) sample pairs in which the positive has the higher score, counting ties as
 * one half. It is NaN when there are no positives or no negatives, where the ROC curve is undefined.
 * The pair count is accumulated in double arithmetic, exact while 2 · positives · negatives stays
 * below 2^53 (e.g. up to 67 million samples of each class).
 */
public final class RocAuc {

  private RocAuc() {
  }

  /**
   * Returns the AUC from sample counts grouped by distinct score, in ascending score order:
   * group {@code i} has {@code positives[i]} positive and {@code negatives[i]} negative samples.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold a negative count
   */
  public static double auc(long[] positives, long[] negatives) {
    if (positives.length != negatives.length) {
      throw new IllegalArgumentException("expected arrays of equal length, found " + positives.length
          + " positive and " + negatives.length + " negative counts");
    }
    Accumulator accumulator = new Accumulator();
    for (int i = 0; i < positives.length; i++) {
      accumulator.add(i, positives[i], negatives[i]);
    }
    return accumulator.auc();
  }

  /**
   * Mutable AUC accumulator fed with sample counts in ascending score order, for example streamed
   * from a sorted distributed data set. Counts for the same score may arrive in several
   * consecutive {@link #add} calls, and accumulators of consecutive score ranges (such as the
   * partitions of a data set sorted by score) can be combined in order with {@link #merge},
   * including when a run of equal scores spans the boundary.
   */
  public static final class Accumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private long positives;
    private long negatives;
    /** Twice the Mann–Whitney U: each correctly ordered pair counts 2, each tied pair 1. */
    private double twiceU;
    /** The lowest score seen and its counts, meaningful once a sample was added. */
    private double firstScore;
    private long firstPositives;
    private long firstNegatives;
    /** The highest score seen and its counts, meaningful once a sample was added. */
    private double lastScore;
    private long lastPositives;
    private long lastNegatives;

    /**
     * Adds the samples having the given score, which must be at least every score added before;
     * groups without samples are ignored.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the score is NaN or lower than a previous score, or a
     *     count is negative
     */
    public Accumulator add(double score, long positives, long negatives) {
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("expected a score that is not NaN, found NaN");
      }
      if (positives < 0 || negatives < 0) {
        throw new IllegalArgumentException("expected non-negative counts, found " + positives
            + " positives and " + negatives + " negatives at score " + score);
      }
      append(score, positives, negatives, score, positives, negatives, positives, negatives,
          (double) positives * negatives);
      return this;
    }

    /**
     * Appends the samples of {@code higher}, whose scores must all be at least every score of
     * this accumulator; {@code higher} is not modified.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if {@code higher} has a score lower than one of this
     */
    public Accumulator merge(Accumulator higher) {
      append(higher.firstScore, higher.firstPositives, higher.firstNegatives,
          higher.lastScore, higher.lastPositives, higher.lastNegatives,
          higher.positives, higher.negatives, higher.twiceU);
      return this;
    }

    /** Appends a non-overlapping, higher run of scores described by its summary. */
    private void append(double lowScore, long lowPositives, long lowNegatives,
        double highScore, long highPositives, long highNegatives,
        long addedPositives, long addedNegatives, double addedTwiceU) {
      if (addedPositives + addedNegatives == 0) {
        return;
      }
      if (isEmpty()) {
        firstScore = lowScore;
        firstPositives = lowPositives;
        firstNegatives = lowNegatives;
      } else {
        if (lowScore < lastScore) {
          throw new IllegalArgumentException(
              "expected scores in ascending order, found " + lowScore + " after " + lastScore);
        }
        // Every added positive outranks every negative so far, except in a group tied
        // across the boundary, where pairs count one half either way.
        double cross = 2.0 * addedPositives * negatives;
        boolean tie = lowScore == lastScore;
        if (tie) {
          cross += (double) lastPositives * lowNegatives - (double) lowPositives * lastNegatives;
          if (firstScore == lastScore) {
            firstPositives += lowPositives;
            firstNegatives += lowNegatives;
          }
        }
        addedTwiceU += cross;
        if (tie && lowScore == highScore) {
          highPositives += lastPositives;
          highNegatives += lastNegatives;
        }
      }
      lastScore = highScore;
      lastPositives = highPositives;
      lastNegatives = highNegatives;
      positives += addedPositives;
      negatives += addedNegatives;
      twiceU += addedTwiceU;
    }

    private boolean isEmpty() {
      return positives + negatives == 0;
    }

    /** The number of positive samples added. */
    public long positives() {
      return positives;
    }

    /** The number of negative samples added. */
    public long negatives() {
      return negatives;
    }

    /** The AUC of the samples added so far, or NaN if there are no positives or no negatives. */
    public double auc() {
      if (positives == 0 || negatives == 0) {
        return Double.NaN;
      }
      return twiceU / (2.0 * positives * negatives);
    }
  }
}
