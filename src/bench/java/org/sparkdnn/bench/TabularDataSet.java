package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The tabular benchmark's public data sets, each a file of a Debian package (scripts/tabular-data.sh installs the
 * missing ones where it can), and which of its classes is label 1: the minority class, the one to detect.
 */
enum TabularDataSet {
  /** Wisconsin diagnostic breast cancer: 569 tumours, 30 cell-nucleus measurements in units from 0.01 to 1000s. */
  BREAST_CANCER("python3-sklearn", "/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv",
      "malignant"),
  /** Pima Indians diabetes: 768 patients, 8 clinical measurements (glucose, blood pressure, age, ...). */
  DIABETES("weka", "/usr/share/doc/weka/examples/diabetes.arff", "tested_positive"),
  /**
   * Radar returns from the ionosphere: 351, 34 values already in [-1, 1] (one column constant); class 1 is 'b',
   * bad: returns that show no structure in the ionosphere.
   */
  IONOSPHERE("weka", "/usr/share/doc/weka/examples/ionosphere.arff", "b");

  final String debianPackage;
  final Path file;
  final String positiveClass;

  TabularDataSet(String debianPackage, String file, String positiveClass) {
    this.debianPackage = debianPackage;
    this.file = Path.of(file);
    this.positiveClass = positiveClass;
  }

  /** "breast-cancer": the name of its files, rows and {@code --data-sets}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Why it cannot be read (its file is missing, with how to get it), or null if it can. */
  String missing() {
    return Files.isReadable(file) ? null : file + " not found: apt-get install " + debianPackage
        + " (scripts/bench.sh tabular does, as root)";
  }

  LabelledTable read() throws Exception {
    return file.toString().endsWith(".arff") ? Arff.read(file, positiveClass)
        : SklearnCsv.read(file, positiveClass);
  }

  /** The data set of {@link #label()} {@code name}. */
  static TabularDataSet named(String name) {
    for (TabularDataSet set : values()) {
      if (set.label().equals(name.strip())) {
        return set;
      }
    }
    throw new IllegalArgumentException("expected one of " + java.util.Arrays.stream(values())
        .map(TabularDataSet::label).toList() + ", found " + name);
  }
}
