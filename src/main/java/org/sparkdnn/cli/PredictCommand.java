package org.sparkdnn.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.spark.SparkErrors;
import org.sparkdnn.spark.SparkEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code spark-dnn predict}: one output row per input row, in input order. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Applies a trained model to CSV rows.",
        "Writes --output as a directory of part files (part-00000, …, in input order) with one line per input "
            + "row: 'probability,label', the label being 1 where probability > --threshold, else 0."})
final class PredictCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "CSV rows to score: a file, directory or glob; --label-column none when rows hold only features. "
          + "Or the course's HDF5 file (.h5).")
  String input;

  @Option(names = "--output", required = true, paramLabel = "PATH", description = "Directory to create.")
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
    try (SparkContexts session = parent.sparkContext("spark-dnn predict", spark.master);
        OutputDirectory target =
            OutputDirectory.prepare(new Path(output), overwrite, session.context().hadoopConfiguration())) {
      JavaSparkContext sc = session.context();
      SavedModel saved = model.read(sc);
      DistributedBlocks blocks = ModelOptions.load(sc, saved, input, format, data);
      try {
        SparkEvaluator.withProbabilities(sc, blocks, saved.parameters(), probabilities -> {
          JavaRDD<String> predictions = probabilities.flatMap(p -> {
            List<String> lines = new ArrayList<>(p.length);
            for (double probability : p) {
              lines.add(probability + "," + (probability > threshold ? 1 : 0));
            }
            return lines.iterator();
          });
          try {
            SparkErrors.unwrap(() -> predictions.saveAsTextFile(target.staging().toString()));
          } catch (UncheckedIOException e) {
            throw target.writeFailure(e);
          }
          return null;
        });
        target.commit();
      } finally {
        blocks.unpersist();
      }
      System.out.println("Predictions for " + blocks.numExamples() + " rows written to " + target.path());
    }
    return ExitCodes.OK;
  }
}
