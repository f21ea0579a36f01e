package org.sparkdnn.ml;

import java.io.Serializable;

/**
 * What {@link DnnClassifier#fit} reports of its training: the cost of every iteration (epoch, with mini-batches),
 * the ROC AUC of the DataFrame it was given (by Spark's {@code BinaryClassificationMetrics}), and the accuracy and
 * log-loss of the samples trained on (those {@code validationFraction} held out left out), at the model's parameters.
 */
public final class DnnTrainingSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] objectiveHistory;
  private final double areaUnderROC;
  private final double accuracy;
  private final double logLoss;

  DnnTrainingSummary(double[] objectiveHistory, double areaUnderROC, double accuracy, double logLoss) {
    this.objectiveHistory = objectiveHistory.clone();
    this.areaUnderROC = areaUnderROC;
    this.accuracy = accuracy;
    this.logLoss = logLoss;
  }

  /** The cost J of every iteration, as {@code train}'s metrics.json {@code costs} (a copy). */
  public double[] objectiveHistory() {
    return objectiveHistory.clone();
  }

  /** The iterations run (fewer than {@code maxIter} when early stopping ended the run). */
  public int totalIterations() {
    return objectiveHistory.length;
  }

  /** The area under the ROC curve of the probabilities of the DataFrame {@code fit} was given. */
  public double areaUnderROC() {
    return areaUnderROC;
  }

  /** The share of training samples predicted right (ŷ > 0.5 for 1). */
  public double accuracy() {
    return accuracy;
  }

  /** The training samples' mean cross-entropy. */
  public double logLoss() {
    return logLoss;
  }
}
