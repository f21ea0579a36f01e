package org.sparkdnn.cli;

import java.util.concurrent.Callable;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.job.Predictor;
import org.sparkdnn.spark.SparkContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spark-dnn predict}: one output row per input row, in input order. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = PredictCommand.Options.class,
    description = {"Applies a trained model to CSV rows or a table.",
        "Writes --output as a directory of part files (part-00000, …, in input order) with one line per input "
            + "row: 'probability,label', the label being 1 where probability > --threshold, else 0; an --output "
            + "ending in .parquet as Parquet: a table's columns and probability, prediction."})
final class PredictCommand implements Callable<Integer> {
  /** Adds the options of {@link DataSettings#SCORING}; {@code evaluate} has the same. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return SettingOptions.add(spec, DataSettings.SCORING);
    }
  }

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "CSV rows to score: a file, directory or glob; --label-column none when rows hold only features. "
          + "Or the course's HDF5 file (.h5), Parquet, ORC, JSON, LIBSVM, or a table's db.name (--format table).")
  String input;

  @Option(names = "--output", required = true, paramLabel = "PATH",
      description = "Directory to create; Parquet when it ends in .parquet.")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Spec
  CommandSpec spec;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    SettingValues settings = SettingOptions.values(spec, DataSettings.SCORING);
    try (SparkContexts session = parent.sparkContext("spark-dnn predict", settings.get(DataSettings.MASTER))) {
      Predictor.predict(session.context(), settings, input, output, overwrite, System.out);
    }
    return ExitCodes.OK;
  }
}
