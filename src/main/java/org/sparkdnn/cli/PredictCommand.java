package org.sparkdnn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkContexts;
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
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by train.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "CSV rows to score: a file, directory or glob; --label-column none when rows hold only features. "
          + "Or the course's HDF5 file (.h5).")
  String input;

  @Option(names = "--output", required = true, paramLabel = "PATH", description = "Directory to create.")
  String output;

  @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
      description = "Predict 1 where the probability exceeds P (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

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
    try (SparkContexts session = parent.sparkContext("spark-dnn predict", spark.master)) {
      JavaSparkContext sc = session.context();
      Configuration conf = sc.hadoopConfiguration();
      try (OutputDirectory target = OutputDirectory.prepare(new Path(output), overwrite, conf)) {
        predict(sc, conf, target, format);
      }
    }
    return ExitCodes.OK;
  }

  private void predict(JavaSparkContext sc, Configuration conf, OutputDirectory target, CsvFormat format) {
      SavedModel saved = ModelStore.read(new Path(model), conf);
      Architecture arch = saved.architecture();
      InputWidth.check(input, format, arch.inputSize(), "the model", conf);
      int blockColumns = data.blockColumns(arch.inputSize());
      CsvBlockReader reader = new CsvBlockReader(format, saved.scaling(), arch.inputSize(), blockColumns);
      DistributedBlocks blocks = DistributedBlocks.load(sc, input, reader, data.partitions, blockColumns);
      Broadcast<double[]> shared = sc.broadcast(saved.parameters().values());
      double cut = threshold;
      try {
        blocks.blocks().flatMap(block -> {
          double[] p = SparkEvaluator.probabilities(new Parameters(arch, shared.value()), block);
          List<String> lines = new ArrayList<>(p.length);
          for (double probability : p) {
            lines.add(probability + "," + (probability > cut ? 1 : 0));
          }
          return lines.iterator();
        }).saveAsTextFile(target.staging().toString());
        target.commit();
      } finally {
        shared.destroy();
        blocks.unpersist();
      }
      System.out.println("Predictions for " + blocks.numExamples() + " rows written to " + target.path());
  }
}
