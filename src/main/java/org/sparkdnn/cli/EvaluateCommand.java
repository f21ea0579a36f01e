package org.sparkdnn.cli;

import java.util.concurrent.Callable;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.job.Evaluator;
import org.sparkdnn.spark.SparkContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spark-dnn evaluate}: metrics of a trained model on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = PredictCommand.Options.class,
    description = "Prints accuracy, precision, recall, the recall of each class (recall_0, recall_1), F1, log-loss, "
        + "ROC AUC and the confusion matrix of a model on labelled CSV data or a table; --output also writes them as "
        + "JSON.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Labelled CSV data, the course's HDF5 file (.h5), Parquet, ORC, JSON, LIBSVM, or a table's "
          + "db.name (--format table).")
  String input;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the metrics to this JSON file, which must not exist yet unless --overwrite.")
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
    try (SparkContexts session = parent.sparkContext("spark-dnn evaluate", settings.get(DataSettings.MASTER))) {
      Evaluator.evaluate(session.context(), settings, input, output, overwrite, System.out);
    }
    return ExitCodes.OK;
  }
}
