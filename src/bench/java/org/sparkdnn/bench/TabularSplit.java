package org.sparkdnn.bench;

import java.nio.file.Path;

/**
 * One data set's split as written for both sides: the files spark-dnn and scikit-learn read, and what the report
 * says of the data (sizes, class 1, how far apart the columns' ranges are).
 *
 * @param minRange the smallest column range (max − min) in the training rows; 0 for a constant column
 * @param maxRange the largest
 */
record TabularSplit(String dataSet, Path source, String debianPackage, Path train, Path test, int numExamples,
    int numFeatures, int positives, String positiveClass, String negativeClass, int trainSize, int testSize,
    double minRange, double maxRange) {

  /** The test share of each class. */
  static final double TEST_FRACTION = 0.2;

  /**
   * Splits {@code table} of {@code set} ({@link StratifiedSplit}, {@link #TEST_FRACTION}, {@code seed}) and writes
   * {@code dir}/NAME-train.csv and NAME-test.csv.
   */
  static TabularSplit write(TabularDataSet set, LabelledTable table, long seed, Path dir) throws Exception {
    StratifiedSplit split = StratifiedSplit.of(table.labels(), TEST_FRACTION, seed);
    Path train = dir.resolve(set.label() + "-train.csv");
    Path test = dir.resolve(set.label() + "-test.csv");
    table.writeCsv(split.train(), train);
    table.writeCsv(split.test(), test);
    double[] ranges = table.columnRanges(split.train());
    return new TabularSplit(set.label(), set.file, set.debianPackage, train, test, table.numExamples(),
        table.numFeatures(), table.positives(), table.positiveClass(), table.negativeClass(), split.train().length,
        split.test().length, java.util.Arrays.stream(ranges).min().orElseThrow(),
        java.util.Arrays.stream(ranges).max().orElseThrow());
  }
}
