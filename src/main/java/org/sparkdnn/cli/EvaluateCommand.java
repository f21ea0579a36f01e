package org.sparkdnn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.JsonFiles;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.spark.SparkEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code spark-dnn evaluate}: metrics of a trained model on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Prints accuracy, precision, recall, F1, log-loss, ROC AUC and the confusion matrix of a model "
        + "on labelled CSV data; --output also writes them as JSON.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by train.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Labelled CSV data, or the course's HDF5 file (.h5).")
  String input;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the metrics to this JSON file.")
  String output;

  @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
      description = "Predict 1 where the probability exceeds P (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Mixin
  DataOptions data;

  @Mixin
  SparkOptions spark;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    Thresholds.check(threshold);
    CsvFormat format = data.format();
    if (format.labelColumn() == CsvFormat.NO_LABEL) {
      throw new IllegalArgumentException("--label-column: evaluation needs labels, found 'none'");
    }
    try (SparkContexts session = parent.sparkContext("spark-dnn evaluate", spark.master)) {
      JavaSparkContext sc = session.context();
      Configuration conf = sc.hadoopConfiguration();
      SavedModel saved = ModelStore.read(new Path(model), conf);
      InputWidth.check(input, format, saved.architecture().inputSize(), "the model", conf);
      int blockColumns = data.blockColumns(saved.architecture().inputSize());
      CsvBlockReader reader =
          new CsvBlockReader(format, saved.scaling(), saved.architecture().inputSize(), blockColumns);
      DistributedBlocks blocks = DistributedBlocks.load(sc, input, reader, data.partitions, blockColumns);
      BinaryMetrics metrics;
      try {
        metrics = SparkEvaluator.evaluate(sc, blocks, saved.parameters(), threshold);
      } finally {
        blocks.unpersist();
      }
      System.out.print(metrics.toTable());
      if (output != null) {
        Map<String, Object> json = new LinkedHashMap<>(metrics.toMap());
        json.put("threshold", threshold);
        json.put("model", model);
        json.put("input", input);
        JsonFiles.writeAtomically(json, new Path(output), conf);
        System.out.println("Metrics written to " + output);
      }
    }
    return ExitCodes.OK;
  }
}
