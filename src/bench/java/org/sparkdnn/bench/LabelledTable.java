package org.sparkdnn.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A public tabular data set in memory: m samples (rows) of n numeric features and a 0/1 label each, with the names
 * of the two classes (class 1 is {@code positiveClass}).
 *
 * @param features m rows of n features
 * @param labels m labels, 0 or 1
 */
record LabelledTable(double[][] features, int[] labels, String positiveClass, String negativeClass) {
  LabelledTable {
    if (features.length != labels.length || features.length == 0) {
      throw new IllegalArgumentException("expected as many labels as rows, at least one, found " + features.length
          + " rows and " + labels.length + " labels");
    }
    for (double[] row : features) {
      if (row.length != features[0].length) {
        throw new IllegalArgumentException("expected " + features[0].length + " features in every row, found "
            + row.length);
      }
    }
  }

  int numExamples() {
    return labels.length;
  }

  int numFeatures() {
    return features[0].length;
  }

  /** The samples of class 1. */
  int positives() {
    int count = 0;
    for (int label : labels) {
      count += label;
    }
    return count;
  }

  /** Each feature's range, max − min over the rows {@code rows} (n values): how far apart the columns' units are. */
  double[] columnRanges(int[] rows) {
    int n = numFeatures();
    double[] min = new double[n];
    double[] max = new double[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int row : rows) {
      for (int i = 0; i < n; i++) {
        min[i] = Math.min(min[i], features[row][i]);
        max[i] = Math.max(max[i], features[row][i]);
      }
    }
    double[] range = new double[n];
    for (int i = 0; i < n; i++) {
      range[i] = max[i] - min[i];
    }
    return range;
  }

  /**
   * Writes the rows {@code rows}, in that order, as spark-dnn's input CSV (README, File formats): the label in
   * column 0 (the default {@code --label-column}), then the features as {@link Double#toString} gives them, which
   * numpy and spark-dnn parse back to the same doubles.
   */
  void writeCsv(int[] rows, Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder line = new StringBuilder();
      for (int row : rows) {
        line.setLength(0);
        line.append(labels[row]);
        for (double value : features[row]) {
          line.append(',').append(value);
        }
        out.append(line).append('\n');
      }
    }
  }
}
