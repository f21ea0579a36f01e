package org.sparkdnn.cli;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;
import picocli.CommandLine.Option;

/** The trained model a command applies and its decision threshold; shared by predict and evaluate. */
final class ModelOptions {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by train, or a publish root (or its current) for the published "
          + "model, whose manifest is verified.")
  String model;

  @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
      description = "Predict 1 where the probability exceeds P (default: ${DEFAULT-VALUE}).")
  double threshold;

  /** The threshold, validated to be a probability. */
  double threshold() {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("--threshold: expected a probability in [0, 1], found " + threshold);
    }
    return threshold;
  }

  /** Reads and validates the model directory (of a publish root's current run, manifest verified). */
  SavedModel read(JavaSparkContext sc) {
    return ModelLocation.read(new Path(model), sc.hadoopConfiguration());
  }

  /**
   * {@code input} as cached blocks, read with the model's n[0], scaling and precision after its width was checked;
   * prints the bad rows skipped, if any.
   */
  static DistributedBlocks load(JavaSparkContext sc, SavedModel saved, String input, CsvFormat format,
      DataOptions data) {
    int inputSize = saved.architecture().inputSize();
    InputWidth.check(input, format, inputSize, "the model", sc.hadoopConfiguration());
    int blockColumns = data.blockColumns(inputSize);
    CsvBlockReader reader = new CsvBlockReader(format, saved.scaling(), inputSize, blockColumns, data.badRows());
    DistributedBlocks blocks =
        DistributedBlocks.load(sc, input, reader, data.partitions, blockColumns, saved.precision());
    if (blocks.skippedRows().count() > 0) {
      System.out.println(blocks.skippedRows().describe(input));
    }
    return blocks;
  }
}
