package org.sparkdnn.data;

import java.util.List;
import java.util.Locale;

/**
 * How an input is read: CSV text and the course's HDF5 by spark-dnn's own readers, the others through Spark SQL
 * ({@link #isTable()}). Given by {@code --format}, or else told by the path's (or its first part file's) name.
 */
public enum InputFormat {
  CSV, HDF5, PARQUET, ORC, JSON, LIBSVM, TABLE;

  /** The names {@code --format} accepts (HDF5 is told by its extension only, as before). */
  public static final List<String> NAMES = List.of("csv", "parquet", "orc", "json", "libsvm", "table");

  /**
   * The format {@code --format} names.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static InputFormat parse(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("expected one of " + String.join("|", NAMES) + ", found '" + name + "'");
    }
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The format a file's name tells: {@code .parquet}, {@code .orc}, {@code .json} (also compressed, e.g.
   * {@code .json.gz}), {@code .libsvm} or {@code .svm}, {@code .h5} or {@code .hdf5}; CSV otherwise.
   */
  public static InputFormat ofName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CourseHdf5.isHdf5(lower)) {
      return HDF5;
    }
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    if (lower.endsWith(".orc")) {
      return ORC;
    }
    if (lower.endsWith(".json") || lower.matches(".*\\.json\\.[a-z0-9]+")) {
      return JSON;
    }
    if (lower.endsWith(".libsvm") || lower.endsWith(".svm")) {
      return LIBSVM;
    }
    return CSV;
  }

  /** Whether Spark SQL reads it (into a DataFrame of named columns). */
  public boolean isTable() {
    return this != CSV && this != HDF5;
  }

  /** The name Spark's {@code DataFrameReader.format} and {@code --format} use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
