package org.sparkdnn.config;

import java.util.List;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.spark.BadRowPolicy;

/** How input CSV files are laid out and cut into partitions, where Spark runs, and the model a command applies. */
public final class DataSettings {
  private DataSettings() {}

  /** The label column, or {@link CsvFormat#NO_LABEL} for {@code none}. */
  public static final Setting<Integer> LABEL_COLUMN =
      Setting.of("label-column", Kind.LABEL_COLUMN, "INDEX", "0-based column of the 0/1 label; none when rows "
          + "hold only features.").defaultValue("0").recorded("label_column");
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
      "Most samples per column block; 0 = what fits in 64 MiB of features, at most 4096.")
      .defaultValue("0").recorded("block_size").checked(Checks.atLeast(0, "0 (automatic)"));
  public static final Setting<String> MASTER = Setting.of("master", Kind.TEXT, "URL",
      "Spark master; default: spark.master as spark-submit sets it, else local[*].");
  public static final Setting<String> MODEL = Setting.of("model", Kind.TEXT, "DIR",
      "Model directory written by train, or a publish root (or its current), whose manifest is verified.")
      .required();
  public static final Setting<Double> THRESHOLD = Setting.of("threshold", Kind.DOUBLE, "P",
      "Predict 1 where the probability exceeds P.").defaultValue("0.5").checked(DataSettings::probability);

  /** The settings of {@code predict} and {@code evaluate}: the model, the threshold, the data and Spark. */
  public static final List<Setting<?>> SCORING = List.of(MODEL, THRESHOLD, LABEL_COLUMN, HEADER, DELIMITER,
      PARTITIONS, BLOCK_SIZE, ON_BAD_ROW, MAX_BAD_ROWS, MASTER);

  /** The CSV layout {@code values} describe. */
  public static CsvFormat format(SettingValues values) {
    return CsvFormat.defaults().withHeader(values.get(HEADER)).withDelimiter(values.get(DELIMITER).charAt(0))
        .withLabelColumn(values.get(LABEL_COLUMN));
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
