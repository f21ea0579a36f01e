package org.sparkdnn.job;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.JsonFiles;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkEvaluator;

/** Measures a trained model on labelled data, as {@code spark-dnn evaluate} does. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * The model's metrics on {@code input}, printed as a table on {@code out}; with {@code output}, also written
   * there as JSON (with the threshold, the model, the input and the bad rows skipped).
   *
   * @param settings values of {@link DataSettings#SCORING}: the model, the threshold, the data layout
   * @param output the JSON file to write, or null; an existing one is refused before any work unless
   *     {@code overwrite}
   * @throws IllegalArgumentException if the data has no labels ({@code --label-column none})
   */
  public static BinaryMetrics evaluate(JavaSparkContext sc, SettingValues settings, String input, String output,
      boolean overwrite, PrintStream out) {
    if (!DataSettings.format(settings).hasLabel()) {
      throw DataSettings.LABEL_COLUMN.named("evaluation needs labels, found 'none'", null);
    }
    double threshold = settings.get(DataSettings.THRESHOLD);
    // refused before any work: an existing file without --overwrite, a place where no file can be created
    Path target = output == null ? null
        : OutputDirectory.prepare(new Path(output), overwrite, sc.hadoopConfiguration()).path();
    String model = settings.get(DataSettings.MODEL);
    SavedModel saved = ModelLocation.read(new Path(model), sc.hadoopConfiguration());
    DistributedBlocks blocks = DataLoader.forModel(sc, saved, input, settings, true, out);
    BinaryMetrics metrics;
    try {
      metrics = SparkEvaluator.evaluate(sc, blocks, saved.parameters(), threshold);
    } finally {
      blocks.unpersist();
    }
    out.print(metrics.toTable());
    if (target != null) {
      Map<String, Object> json = new LinkedHashMap<>(metrics.toMap());
      json.put("threshold", threshold);
      json.put("model", model);
      json.put("input", input);
      json.put("bad_rows", blocks.skippedRows().toMap());
      JsonFiles.writeAtomically(json, target, sc.hadoopConfiguration());
      out.println("Metrics written to " + output);
    }
    return metrics;
  }

  /**
   * Whether {@code parameters} classify each sample of {@code path} correctly, in input order, with the data read
   * as {@code config} reads its training data (the course's week 4 sums these in numpy's order).
   */
  public static boolean[] correctInOrder(JavaSparkContext sc, TrainingConfig config, String path,
      Parameters parameters) {
    if (config.scaling().isStandardize()) {
      throw TrainSettings.SCALE.named("expected none or a divisor for the course's per-sample order, found "
          + config.scaling(), null);
    }
    CsvBlockReader reader = DataLoader.reader(config);
    DistributedBlocks blocks = DataLoader.load(sc, path, config, reader, false);
    try {
      return SparkEvaluator.correctInOrder(sc, blocks, parameters, TrainingJob.THRESHOLD);
    } finally {
      blocks.unpersist();
    }
  }
}
