package org.sparkdnn.config;

import java.util.List;
import java.util.Objects;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.InputFormat;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.spark.BadRowPolicy;

/**
 * How inputs are read (CSV files laid out, tables' columns) and cut into partitions, where Spark runs, and the
 * model a command applies.
 */
public final class DataSettings {
  private DataSettings() {}

  /** The label column, or {@link CsvFormat#NO_LABEL} for {@code none}. */
  public static final Setting<Integer> LABEL_COLUMN =
      Setting.of("label-column", Kind.LABEL_COLUMN, "INDEX", "0-based column of the 0/1 label; none when rows "
          + "hold only features.").defaultValue("0").recorded("label_column");
  /** No default: the format is told by the path ({@link InputFormat#ofName}). */
  public static final Setting<String> FORMAT = Setting.of("format", Kind.TEXT, "csv|parquet|orc|json|libsvm|table",
      "How inputs are read: csv (spark-dnn's reader), or through Spark SQL parquet, orc, json, libsvm, or table (the "
          + "path is a db.name in the session's catalog). Default: by the path's or its part files' extension (.parquet, "
          + ".orc, .json, .libsvm/.svm, .h5), else csv.").recorded("format")
      .checked(name -> InputFormat.parse(name).label());
  public static final Setting<String> LABEL_COL = Setting.of("label-col", Kind.TEXT, "NAME",
      "Tables: the numeric 0/1 label column.").defaultValue("label").recorded("label_col");
  public static final Setting<String> FEATURES_COL = Setting.of("features-col", Kind.TEXT, "NAME", "Tables: the "
      + "features, an ML Vector column (dense, or sparse: densified, n[0]·8 bytes a sample, 4 in float32) or "
      + "array<double>.").defaultValue("features").recorded("features_col");
  public static final Setting<String[]> FEATURE_COLS = Setting.of("feature-cols", Kind.TEXTS, "A,B,...",
      "Tables: numeric feature columns, in this order, instead of features-col.").recorded("feature_cols");
  /** Read from the training data only; CSV has no column names, so a CSV or HDF5 training input refuses it. */
  public static final Setting<String> WEIGHT_COL = Setting.of("weight-col", Kind.TEXT, "NAME", "Tables: the "
      + "numeric column of each training sample's weight w >= 0 (times its class weight with class-weight); cost "
      + "and gradients divided by the sum of the weights. Default: every sample weighs 1.").recorded("weight_col");
  public static final Setting<Boolean> HEADER =
      Setting.flag("header", "The first line of every file is a header to skip.").recorded("header");
  public static final Setting<String> DELIMITER =
      Setting.of("delimiter", Kind.TEXT, "CHAR", "Field delimiter, or tab.").defaultValue(",")
          .recorded("delimiter").checked(DataSettings::delimiter);
  public static final Setting<String> ON_BAD_ROW = Setting.of("on-bad-row", Kind.TEXT, "fail|skip",
      "What to do with a row that cannot be parsed: fail (exit 3, naming file, line and field) or skip (count, "
          + "report).").defaultValue("fail").recorded("on_bad_row").checked(DataSettings::onBadRow);
  public static final Setting<Long> MAX_BAD_ROWS = Setting.of("max-bad-rows", Kind.LONG, "N",
      "With skip: more than this many bad rows in an input stops the run.").defaultValue("100")
      .recorded("max_bad_rows").checked(Checks.notNegative(""));
  /** Recorded as the partitions the training data was cached in. */
  public static final Setting<Integer> PARTITIONS = Setting.of("partitions", Kind.INT, "N",
      "Partitions of the cached data; 0 = the input's splits, at least Spark's default parallelism.")
      .defaultValue("0").recorded("partitions").checked(Checks.atLeast(0, "0 (automatic)"));
  /** Recorded as the samples per block the training data was cached in. */
  public static final Setting<Integer> BLOCK_SIZE = Setting.of("block-size", Kind.INT, "SAMPLES",
      "Most samples per column block; 0 = what fits in 256 KiB of features, from 256 to 4096 (at most 64 MiB).")
      .defaultValue("0").recorded("block_size").checked(Checks.atLeast(0, "0 (automatic)"));
  public static final Setting<String> MASTER = Setting.of("master", Kind.TEXT, "URL",
      "Spark master; default: spark.master as spark-submit sets it, else local[*].");
  public static final Setting<String> MODEL = Setting.of("model", Kind.TEXT, "DIR",
      "Model directory written by train, or a publish root (or its current), whose manifest is verified.")
      .required();
  public static final Setting<Double> THRESHOLD = Setting.of("threshold", Kind.DOUBLE, "P",
      "Predict 1 where the probability exceeds P.").defaultValue("0.5").checked(DataSettings::probability);

  /** The settings of {@code predict} and {@code evaluate}: the model, the threshold, the data and Spark. */
  public static final List<Setting<?>> SCORING = List.of(MODEL, THRESHOLD, FORMAT, LABEL_COL, FEATURES_COL,
      FEATURE_COLS, LABEL_COLUMN, HEADER, DELIMITER, PARTITIONS, BLOCK_SIZE, ON_BAD_ROW, MAX_BAD_ROWS, MASTER);

  /** The input settings of tables, which {@code course} has none of. */
  public static final List<Setting<?>> TABLES = List.of(FORMAT, LABEL_COL, FEATURES_COL, FEATURE_COLS);

  /** The CSV layout {@code values} describe. */
  public static CsvFormat format(SettingValues values) {
    return CsvFormat.defaults().withHeader(values.get(HEADER)).withDelimiter(values.get(DELIMITER).charAt(0))
        .withLabelColumn(values.get(LABEL_COLUMN));
  }

  /**
   * The format {@code --format} names; null when not given (the path tells it). Reading settings without it (a
   * course run's) reads CSV or HDF5, as the path says.
   */
  public static InputFormat givenFormat(SettingValues values) {
    if (!values.settings().contains(FORMAT)) {
      return null;
    }
    String name = values.get(FORMAT);
    return name == null ? null : InputFormat.parse(name);
  }

  /**
   * A table's label and feature columns, as {@code --label-col} and {@code --features-col} or
   * {@code --feature-cols} say.
   *
   * @throws IllegalArgumentException if both --feature-cols and a --features-col other than the default are given
   */
  public static TableColumns columns(SettingValues values) {
    String[] names = values.get(FEATURE_COLS);
    if (names == null) {
      return TableColumns.ofVector(values.get(LABEL_COL), values.get(FEATURES_COL));
    }
    // the command line sets every option, defaults included: only a value other than the default is refused
    if (!Objects.equals(values.get(FEATURES_COL), FEATURES_COL.defaultValue())) {
      throw new IllegalArgumentException("--features-col, --feature-cols: expected one of a vector column and "
          + "feature columns, found both (" + values.get(FEATURES_COL) + "; " + String.join(",", names) + ")");
    }
    return TableColumns.ofColumns(values.get(LABEL_COL), List.of(names));
  }

  /** What a bad row does, as {@code --on-bad-row} and {@code --max-bad-rows} say. */
  public static BadRowPolicy badRows(SettingValues values) {
    return values.get(ON_BAD_ROW).equals("skip") ? BadRowPolicy.skipUpTo(values.get(MAX_BAD_ROWS))
        : BadRowPolicy.FAIL;
  }

  private static String delimiter(String text) {
    if (text.equals("tab") || text.equals("\\t")) {
      return "\t";
    }
    if (text.length() != 1) {
      throw new IllegalArgumentException("expected one character or 'tab', found '" + text + "'");
    }
    return text;
  }

  private static String onBadRow(String text) {
    if (!text.equals("fail") && !text.equals("skip")) {
      throw new IllegalArgumentException("expected fail or skip, found '" + text + "'");
    }
    return text;
  }

  private static Double probability(Double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("expected a probability in [0, 1], found " + p);
    }
    return p;
  }
}
