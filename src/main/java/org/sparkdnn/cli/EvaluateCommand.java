package org.sparkdnn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.JsonFiles;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
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
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Labelled CSV data, or the course's HDF5 file (.h5).")
  String input;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the metrics to this JSON file, which must not exist yet unless --overwrite.")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Mixin
  ModelOptions model;

  @Mixin
  DataOptions data;

  @Mixin
  SparkOptions spark;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    double threshold = model.threshold();
    CsvFormat format = data.format();
    if (!format.hasLabel()) {
      throw new IllegalArgumentException("--label-column: evaluation needs labels, found 'none'");
    }
    try (SparkContexts session = parent.sparkContext("spark-dnn evaluate", spark.master)) {
      JavaSparkContext sc = session.context();
      // refused before any work: an existing file without --overwrite, a place where no file can be created
      Path target = output == null ? null
          : OutputDirectory.prepare(new Path(output), overwrite, sc.hadoopConfiguration()).path();
      SavedModel saved = model.read(sc);
      DistributedBlocks blocks = ModelOptions.load(sc, saved, input, format, data);
      BinaryMetrics metrics;
      try {
        metrics = SparkEvaluator.evaluate(sc, blocks, saved.parameters(), threshold);
      } finally {
        blocks.unpersist();
      }
      System.out.print(metrics.toTable());
      if (target != null) {
        Map<String, Object> json = new LinkedHashMap<>(metrics.toMap());
        json.put("threshold", threshold);
        json.put("model", model.model);
        json.put("input", input);
        json.put("bad_rows", blocks.skippedRows().toMap());
        JsonFiles.writeAtomically(json, target, sc.hadoopConfiguration());
        System.out.println("Metrics written to " + output);
      }
    }
    return ExitCodes.OK;
  }
}
