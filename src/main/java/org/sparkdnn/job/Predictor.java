package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkErrors;
import org.sparkdnn.spark.SparkEvaluator;

/** Scores CSV rows with a trained model, as {@code spark-dnn predict} does: one output row per input row. */
public final class Predictor {
  private Predictor() {}

  /**
   * Writes {@code output} as a directory of part files, in input order, one line {@code probability,label} per
   * input row (the label 1 where the probability exceeds the threshold); prints where, on {@code out}.
   *
   * @param settings values of {@link DataSettings#SCORING}: the model, the threshold, the data layout
   * @param overwrite whether an existing {@code output} is replaced (otherwise it is refused, before any work)
   * @return the number of rows scored
   */
  public static long predict(JavaSparkContext sc, SettingValues settings, String input, String output,
      boolean overwrite, PrintStream out) {
    double threshold = settings.get(DataSettings.THRESHOLD);
    try (OutputDirectory target = OutputDirectory.prepare(new Path(output), overwrite, sc.hadoopConfiguration())) {
      SavedModel saved = ModelLocation.read(new Path(settings.get(DataSettings.MODEL)), sc.hadoopConfiguration());
      DistributedBlocks blocks = DataLoader.forModel(sc, saved, input, settings, out);
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
      out.println("Predictions for " + blocks.numExamples() + " rows written to " + target.path());
      return blocks.numExamples();
    }
  }
}
