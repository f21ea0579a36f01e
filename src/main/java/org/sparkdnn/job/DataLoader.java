package org.sparkdnn.job;

import java.io.PrintStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;

/** Input data read into cached blocks as the data settings say, for training or for a trained model. */
final class DataLoader {
  private DataLoader() {}

  /** The reader of a training run's data: its layout, scaling, n[0] and block size. */
  static CsvBlockReader reader(TrainingConfig config) {
    int inputSize = config.architecture().inputSize();
    return new CsvBlockReader(config.format(), config.scaling(), inputSize, blockColumns(config.values(), inputSize),
        config.badRows());
  }

  /**
   * A training run's data at {@code path}, cached; with {@code --scale standardize} as read, in float64, for
   * {@link #standardized} (the statistics come from these values before any rounding to float32).
   */
  static DistributedBlocks load(JavaSparkContext sc, String path, TrainingConfig config, CsvBlockReader reader) {
    Precision precision = config.scaling().isStandardize() ? Precision.FLOAT64 : config.precision();
    return DistributedBlocks.load(sc, path, reader, config.get(DataSettings.PARTITIONS), reader.blockColumns(),
        precision);
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
   */
  static DistributedBlocks forModel(JavaSparkContext sc, SavedModel model, String input, SettingValues data,
      PrintStream out) {
    int inputSize = model.architecture().inputSize();
    InputWidth.check(input, DataSettings.format(data), inputSize, "the model", sc.hadoopConfiguration());
    int blockColumns = blockColumns(data, inputSize);
    CsvBlockReader reader = new CsvBlockReader(DataSettings.format(data), model.scaling(), inputSize, blockColumns,
        DataSettings.badRows(data));
    Precision precision = model.precision();
    Standardization standardization = model.standardization().orElse(null);
    DistributedBlocks read = DistributedBlocks.load(sc, input, reader, data.get(DataSettings.PARTITIONS),
        blockColumns, standardization == null ? precision : Precision.FLOAT64);
    reportSkipped(read, input, out);
    return standardized(read, standardization, precision);
  }

  static void reportSkipped(DistributedBlocks blocks, String path, PrintStream out) {
    if (blocks.skippedRows().count() > 0) {
      out.println(blocks.skippedRows().describe(path));
    }
  }

  private static int blockColumns(SettingValues data, int numFeatures) {
    int blockSize = data.get(DataSettings.BLOCK_SIZE);
    return blockSize > 0 ? blockSize : CsvBlockReader.automaticBlockColumns(numFeatures);
  }
}
