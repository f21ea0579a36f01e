package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.InputFormat;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.OutputDirectory;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.DataFrameBlocks;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.ShippedParameters;
import org.sparkdnn.spark.SparkErrors;
import org.sparkdnn.spark.SparkEvaluator;

/**
 * Scores rows with a trained model, as {@code spark-dnn predict} does: one output row per input row, as CSV lines,
 * or as Parquet when the output's name ends in {@code .parquet}.
 */
public final class Predictor {
  private Predictor() {}

  /**
   * Writes {@code output} as a directory of part files, in input order, one row per input row: a CSV line
   * {@code probability,label} (the label 1 where the probability exceeds the threshold); for an output named
   * {@code *.parquet}, Parquet with a table input's columns and {@code probability} and {@code prediction} (1.0 or
   * 0.0), or for CSV input (whose fields have no names) these two columns only. Prints where, on {@code out}.
   * Every input row is read and checked (and bad ones counted) before anything is written.
   *
   * @param settings values of {@link DataSettings#SCORING}: the model, the threshold, the data layout
   * @param overwrite whether an existing {@code output} is replaced (otherwise it is refused, before any work)
   * @return the number of rows scored
   */
  public static long predict(JavaSparkContext sc, SettingValues settings, String input, String output,
      boolean overwrite, PrintStream out) {
    double threshold = settings.get(DataSettings.THRESHOLD);
    boolean parquet = output.toLowerCase(Locale.ROOT).endsWith(".parquet");
    try (OutputDirectory target = OutputDirectory.prepare(new Path(output), overwrite, sc.hadoopConfiguration())) {
      SavedModel saved = ModelLocation.read(new Path(settings.get(DataSettings.MODEL)), sc.hadoopConfiguration());
      DistributedBlocks blocks = DataLoader.forModel(sc, saved, input, settings, false, out);
      InputFormat format = DataLoader.formatOf(input, settings, sc.hadoopConfiguration());
      try {
        if (parquet && format.isTable()) {
          writeTable(sc, saved, settings, input, format, target, threshold);
        } else {
          SparkEvaluator.withProbabilities(sc, blocks, saved.parameters(), probabilities -> {
            write(sc, probabilities, parquet, threshold, target);
            return null;
          });
        }
        target.commit();
      } finally {
        blocks.unpersist();
      }
      out.println("Predictions for " + blocks.numExamples() + " rows written to " + target.path());
      return blocks.numExamples();
    }
  }

  /** The blocks' probabilities as CSV lines, or as Parquet columns {@code probability} and {@code prediction}. */
  private static void write(JavaSparkContext sc, JavaRDD<double[]> probabilities, boolean parquet,
      double threshold, OutputDirectory target) {
    String staging = target.staging().toString();
    try {
      if (!parquet) {
        JavaRDD<String> lines = probabilities.flatMap(p -> {
          List<String> rows = new ArrayList<>(p.length);
          for (double probability : p) {
            rows.add(probability + "," + (probability > threshold ? 1 : 0));
          }
          return rows.iterator();
        });
        SparkErrors.unwrap(() -> lines.saveAsTextFile(staging));
        return;
      }
      JavaRDD<Row> rows = probabilities.flatMap(p -> {
        List<Row> scored = new ArrayList<>(p.length);
        for (double probability : p) {
          scored.add(RowFactory.create(probability, probability > threshold ? 1.0 : 0.0));
        }
        return scored.iterator();
      });
      StructType schema = new StructType().add("probability", DataTypes.DoubleType, false)
          .add("prediction", DataTypes.DoubleType, false);
      SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
      SparkErrors.unwrap(() -> spark.createDataFrame(rows, schema).write().parquet(staging));
    } catch (UncheckedIOException e) {
      throw target.writeFailure(e);
    }
  }

  /**
   * A table input's rows with their probability and prediction, as Parquet: scored a block at a time by the
   * model's standardization and precision, as the cached blocks are.
   */
  private static void writeTable(JavaSparkContext sc, SavedModel saved, SettingValues settings, String input,
      InputFormat format, OutputDirectory target, double threshold) {
    int inputSize = saved.architecture().inputSize();
    Standardization standardization = saved.standardization().orElse(null);
    Precision precision = saved.precision();
    try (ShippedParameters shipped = ShippedParameters.of(sc, saved.parameters())) {
      DataFrameBlocks.BlockScorer scorer = block -> {
        ColumnBlock scaled = standardization == null ? block : standardization.apply(block);
        return SparkEvaluator.probabilities(shipped.get(),
            precision == Precision.FLOAT32 ? scaled.toFloat32() : scaled);
      };
      Dataset<Row> scored = DataFrameBlocks.withPredictions(DataLoader.table(sc, input, format, inputSize),
          DataLoader.sourceName(input, format), DataLoader.columns(settings, false), inputSize, saved.scaling(),
          DataSettings.badRows(settings), DataLoader.blockColumns(settings, inputSize), scorer, threshold);
      SparkErrors.unwrap(() -> scored.write().parquet(target.staging().toString()));
    } catch (UncheckedIOException e) {
      throw target.writeFailure(e);
    }
  }
}
