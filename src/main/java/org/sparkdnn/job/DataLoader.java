package org.sparkdnn.job;

import java.io.PrintStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainingConfig;
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

  /** A training run's data at {@code path}, cached. */
  static DistributedBlocks load(JavaSparkContext sc, String path, TrainingConfig config, CsvBlockReader reader) {
    return DistributedBlocks.load(sc, path, reader, config.get(DataSettings.PARTITIONS), reader.blockColumns(),
        config.precision());
  }

  /**
   * {@code input} as cached blocks, read with the model's n[0], scaling and precision after its width was checked;
   * prints the bad rows skipped, if any.
   */
  static DistributedBlocks forModel(JavaSparkContext sc, SavedModel model, String input, SettingValues data,
      PrintStream out) {
    int inputSize = model.architecture().inputSize();
    InputWidth.check(input, DataSettings.format(data), inputSize, "the model", sc.hadoopConfiguration());
    int blockColumns = blockColumns(data, inputSize);
    CsvBlockReader reader = new CsvBlockReader(DataSettings.format(data), model.scaling(), inputSize, blockColumns,
        DataSettings.badRows(data));
    Precision precision = model.precision();
    DistributedBlocks blocks =
        DistributedBlocks.load(sc, input, reader, data.get(DataSettings.PARTITIONS), blockColumns, precision);
    reportSkipped(blocks, input, out);
    return blocks;
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
