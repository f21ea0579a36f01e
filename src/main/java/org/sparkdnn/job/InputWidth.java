package org.sparkdnn.job;

import org.apache.hadoop.conf.Configuration;
import org.sparkdnn.data.CourseHdf5;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.spark.CsvBlockReader;

/** Checks, before any Spark job runs, that an input's first row (or a course HDF5 file's samples) fits n[0]. */
final class InputWidth {
  private InputWidth() {}

  /**
   * @param source what fixes n[0], for the message: "--layers" or "the model"
   * @throws InputDataException naming the file, what n[0] requires and what the first row holds
   */
  static void check(String path, CsvFormat format, int inputSize, String source, Configuration conf) {
    if (CourseHdf5.isHdf5(path)) {
      checkCourseHdf5(path, inputSize, source, conf);
      return;
    }
    boolean labelled = format.labelColumn() != CsvFormat.NO_LABEL;
    int expected = inputSize + (labelled ? 1 : 0);
    CsvBlockReader.FirstRow first = CsvBlockReader.firstRow(path, format, conf);
    int fields = first.fields();
    if (fields != expected) {
      throw new InputDataException(first.file(), first.line(), 0,
          expected + " fields (" + (labelled ? "a label and " : "") + "n[0] = " + inputSize
              + " features, as " + source + " says)",
          fields + " fields");
    }
  }

  /** The label column options do not apply: the file keeps its labels in a dataset of their own. */
  private static void checkCourseHdf5(String path, int inputSize, String source, Configuration conf) {
    CourseHdf5.FeatureSet features = CourseHdf5.featureSet(path, conf);
    if (features.numFeatures() != inputSize) {
      throw InputDataException.ofFile(path, "n[0] = " + inputSize + " features per sample, as " + source + " says",
          features.numFeatures() + " features per sample (" + features.name() + " has shape " + features.shape()
              + ")");
    }
  }
}
