package org.sparkdnn.bench;

/**
 * One model's result on one data set's test split: test ROC AUC, accuracy (ŷ > 0.5) and log-loss, the wall
 * seconds of its process from start to exit (cold: a fresh JVM or Python per run) and of its training alone.
 *
 * @param tool "spark-dnn" or "scikit-learn"
 * @param model the configuration's name, or the scikit-learn estimator
 * @param options the spark-dnn options, or the estimator's settings
 * @param failure null for a run that finished; what stopped it otherwise ("diverged (exit 4)"), its metrics NaN
 * @param note what else the run says (the iterations scikit-learn ran, the engine)
 */
record TabularResult(String dataSet, String tool, String model, String options, String failure, double rocAuc,
    double accuracy, double logLoss, double wallSeconds, double trainSeconds, String note) {

  static final String SPARK_DNN = "spark-dnn";
  static final String SCIKIT_LEARN = "scikit-learn";

  static TabularResult failed(String dataSet, String tool, String model, String options, String failure,
      double wallSeconds) {
    return new TabularResult(dataSet, tool, model, options, failure, Double.NaN, Double.NaN, Double.NaN,
        wallSeconds, Double.NaN, "");
  }

  boolean finished() {
    return failure == null;
  }
}
