package org.sparkdnn.job;

import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.data.InputFormat;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.io.InputFiles;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DataFrameBlocks;
import org.sparkdnn.spark.DistributedBlocks;

/**
 * Input data read into cached blocks as the data settings say, for training or for a trained model: CSV and the
 * course's HDF5 by spark-dnn's readers, Parquet, ORC, JSON, LIBSVM and catalog tables through Spark SQL
 * ({@link DataFrameBlocks}).
 */
final class DataLoader {
  private DataLoader() {}

  /** The reader of a training run's data: its layout, scaling, n[0] and block size. */
  static CsvBlockReader reader(TrainingConfig config) {
    int inputSize = config.architecture().inputSize();
    return new CsvBlockReader(config.format(), config.scaling(), inputSize, blockColumns(config.values(), inputSize),
        config.badRows());
  }

  /**
   * The format {@code path} is read in: {@code --format}'s, else the one the path's name tells, else (a directory
   * or glob) the one its first data file's name tells.
   *
   * @throws InputDataException if the path has to be listed and is missing or holds no data
   */
  static InputFormat formatOf(String path, SettingValues data, Configuration conf) {
    InputFormat given = DataSettings.givenFormat(data);
    if (given != null) {
      return given;
    }
    InputFormat named = InputFormat.ofName(path);
    if (named != InputFormat.CSV) {
      return named;
    }
    return InputFormat.ofName(InputFiles.list(path, conf).get(0).getName());
  }

  /**
   * Checks, before any Spark job runs, that {@code path} fits n[0]: a CSV's first row or an HDF5 file's samples
   * ({@link InputWidth}), a table's columns ({@link DataFrameBlocks#checkColumns}).
   *
   * @param labelled whether the label column is read (not for {@code predict})
   * @param source what fixes n[0], for the message: "--layers" or "the model"
   */
  static void check(JavaSparkContext sc, String path, SettingValues data, int inputSize, boolean labelled,
      String source) {
    InputFormat format = formatOf(path, data, sc.hadoopConfiguration());
    if (!format.isTable()) {
      InputWidth.check(path, DataSettings.format(data), inputSize, source, sc.hadoopConfiguration());
      return;
    }
    DataFrameBlocks.checkColumns(table(sc, path, format, inputSize).schema(), sourceName(path, format),
        columns(data, labelled), inputSize);
  }

  /**
   * A training run's data at {@code path}, cached; with {@code --scale standardize} as read, in float64, for
   * {@link #standardized} (the statistics come from these values before any rounding to float32).
   *
   * @param weighted whether the samples' weights are read ({@code --weight-col}): the training data's, not the test
   *     or validation data's
   * @throws IllegalArgumentException naming {@code --weight-col} if it is given for an input that is not a table
   */
  static DistributedBlocks load(JavaSparkContext sc, String path, TrainingConfig config, CsvBlockReader reader,
      boolean weighted) {
    Precision precision = readPrecision(config);
    InputFormat format = formatOf(path, config.values(), sc.hadoopConfiguration());
    String weight = weighted ? config.get(DataSettings.WEIGHT_COL) : null;
    if (format.isTable()) {
      return DataFrameBlocks.fromDataFrame(table(sc, path, format, reader.numFeatures()), sourceName(path, format),
          columns(config.values(), true).withWeight(weight), reader.numFeatures(), config.scaling(),
          config.badRows(), config.get(DataSettings.PARTITIONS), reader.blockColumns(), precision);
    }
    if (weight != null) {
      throw DataSettings.WEIGHT_COL.named("expected a table input (parquet, orc, json, libsvm or table) for the "
          + "sample weights, found " + format.label() + " (" + path + ")", null);
    }
    return DistributedBlocks.load(sc, path, reader, config.get(DataSettings.PARTITIONS), reader.blockColumns(),
        precision);
  }

  /**
   * The precision a training run's data is read in: float64 with {@code --scale standardize} (standardized, then
   * rounded), else the run's.
   */
  static Precision readPrecision(TrainingConfig config) {
    return config.scaling().isStandardize() ? Precision.FLOAT64 : config.precision();
  }

  /**
   * Blocks loaded as read ({@link #load}) standardized by {@code standardization} into {@code precision}; the
   * blocks as they are when it is null (another scaling).
   */
  static DistributedBlocks standardized(DistributedBlocks read, Standardization standardization,
      Precision precision) {
    return standardization == null ? read : read.standardized(standardization, precision);
  }

  /**
   * {@code input} as cached blocks, read with the model's n[0], scaling (standardized by its statistics) and
   * precision after its width was checked; prints the bad rows skipped, if any.
   *
   * @param labelled whether labels are read: a table's label column for {@code evaluate}, not {@code predict}
   */
  static DistributedBlocks forModel(JavaSparkContext sc, SavedModel model, String input, SettingValues data,
      boolean labelled, PrintStream out) {
    int inputSize = model.architecture().inputSize();
    check(sc, input, data, inputSize, labelled, "the model");
    int blockColumns = blockColumns(data, inputSize);
    Precision precision = model.precision();
    Standardization standardization = model.standardization().orElse(null);
    Precision read = standardization == null ? precision : Precision.FLOAT64;
    InputFormat format = formatOf(input, data, sc.hadoopConfiguration());
    DistributedBlocks blocks;
    if (format.isTable()) {
      blocks = DataFrameBlocks.fromDataFrame(table(sc, input, format, inputSize), sourceName(input, format),
          columns(data, labelled), inputSize, model.scaling(), DataSettings.badRows(data),
          data.get(DataSettings.PARTITIONS), blockColumns, read);
    } else {
      CsvBlockReader reader = new CsvBlockReader(DataSettings.format(data), model.scaling(), inputSize,
          blockColumns, DataSettings.badRows(data));
      blocks = DistributedBlocks.load(sc, input, reader, data.get(DataSettings.PARTITIONS), blockColumns, read);
    }
    reportSkipped(blocks, input, out);
    return standardized(blocks, standardization, precision);
  }

  /**
   * The DataFrame of a table input: {@code path}'s files read by Spark SQL in {@code format}, or the catalog
   * table or view {@code path} names. Lazy: only the schema is read (LIBSVM's is fixed by n[0]).
   *
   * @throws InputDataException if the path does not exist or holds no data, or no such table is known
   */
  static Dataset<Row> table(JavaSparkContext sc, String path, InputFormat format, int inputSize) {
    SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
    if (format == InputFormat.TABLE) {
      if (!spark.catalog().tableExists(path)) {
        throw InputDataException.ofFile(sourceName(path, format), "a table or view in the session's catalog",
            "none of that name");
      }
      return spark.table(path);
    }
    InputFiles.list(path, sc.hadoopConfiguration());
    try {
      if (format == InputFormat.LIBSVM) {
        return spark.read().format("libsvm").option("numFeatures", inputSize).load(path);
      }
      return spark.read().format(format.label()).load(path);
    } catch (RuntimeException e) {
      throw InputDataException.ofFile(path, "a " + format.label() + " input", "one Spark cannot read ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** A table input as messages name it: its path, or "table db.name". */
  static String sourceName(String path, InputFormat format) {
    return format == InputFormat.TABLE ? "table " + path : path;
  }

  /** The table columns the settings name, without the label unless {@code labelled}. */
  static TableColumns columns(SettingValues data, boolean labelled) {
    TableColumns columns = DataSettings.columns(data);
    return labelled ? columns : columns.withoutLabel();
  }

  static void reportSkipped(DistributedBlocks blocks, String path, PrintStream out) {
    if (blocks.skippedRows().count() > 0) {
      out.println(blocks.skippedRows().describe(path));
    }
  }

  static int blockColumns(SettingValues data, int numFeatures) {
    int blockSize = data.get(DataSettings.BLOCK_SIZE);
    return blockSize > 0 ? blockSize : CsvBlockReader.automaticBlockColumns(numFeatures);
  }
}
