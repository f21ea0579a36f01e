package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's bundled data CSVs (sklearn/datasets/data/*.csv, as {@code load_breast_cancer} reads them): a first
 * line {@code m,n,name of target 0,name of target 1}, then m rows of n features and the target index.
 */
final class SklearnCsv {
  private SklearnCsv() {}

  /** The samples of {@code file}, label 1 for the target named {@code positiveClass}. */
  static LabelledTable read(Path file, String positiveClass) throws Exception {
    return parse(Files.readAllLines(file), file.toString(), positiveClass);
  }

  /**
   * The samples of {@code lines}, read from {@code source} (named in errors).
   *
   * @throws IllegalArgumentException naming the source and line of what does not match the first line
   */
  static LabelledTable parse(List<String> lines, String source, String positiveClass) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(source + ": expected a first line m,n,class 0,class 1, found an empty file");
    }
    String[] header = lines.get(0).strip().split(",");
    int m;
    int n;
    try {
      m = Integer.parseInt(header[0]);
      n = Integer.parseInt(header[1]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + ":1: expected m,n,class 0,class 1, found " + lines.get(0), e);
    }
    if (header.length != 4 || m < 1 || n < 1) {
      throw new IllegalArgumentException(source + ":1: expected m ≥ 1, n ≥ 1 and two class names, found "
          + lines.get(0));
    }
    int positive = List.of(header[2], header[3]).indexOf(positiveClass);
    if (positive < 0) {
      throw new IllegalArgumentException(source + ":1: expected the class " + positiveClass + ", found "
          + header[2] + " and " + header[3]);
    }
    List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
    while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
      rows.remove(rows.size() - 1);
    }
    if (rows.size() != m) {
      throw new IllegalArgumentException(source + ": expected " + m + " rows as line 1 says, found " + rows.size());
    }
    double[][] features = new double[m][n];
    int[] labels = new int[m];
    for (int j = 0; j < m; j++) {
      String where = source + ":" + (j + 2) + ": ";
      String[] fields = rows.get(j).strip().split(",", -1);
      if (fields.length != n + 1) {
        throw new IllegalArgumentException(where + "expected " + (n + 1) + " values, found " + fields.length);
      }
      try {
        for (int i = 0; i < n; i++) {
          features[j][i] = Double.parseDouble(fields[i]);
          if (!Double.isFinite(features[j][i])) {
            throw new NumberFormatException(fields[i]);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "expected finite numbers, found " + rows.get(j), e);
      }
      if (!fields[n].equals("0") && !fields[n].equals("1")) {
        throw new IllegalArgumentException(where + "expected the target 0 or 1, found '" + fields[n] + "'");
      }
      labels[j] = Integer.parseInt(fields[n]) == positive ? 1 : 0;
    }
    return new LabelledTable(features, labels, positiveClass, header[positive == 0 ? 3 : 2]);
  }
}
