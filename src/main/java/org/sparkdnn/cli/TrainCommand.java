package org.sparkdnn.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.job.Publication;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.job.Trainer;
import org.sparkdnn.spark.SparkContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spark-dnn train}: batch gradient descent on Spark, then accuracy, the model and metrics.json. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = TrainCommand.Options.class,
    description = {"Trains a fully-connected binary classifier with batch gradient descent on Spark.",
        "Prints 'Cost after iteration i: c' every --print-every iterations and the last one, then the train "
            + "(and test) accuracy; writes the model and metrics.json to --output, or publishes them in "
            + "--publish-root through the quality gate."})
final class TrainCommand implements Callable<Integer> {
  /** Adds the options of {@link TrainSettings#TRAIN_COMMAND}. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return SettingOptions.add(spec, TrainSettings.TRAIN_COMMAND);
    }
  }

  @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
      description = "Read options from this properties file (key = option name without --, e.g. "
          + "learning-rate = 0.0075; template: conf/spark-dnn.properties); the command line overrides it.")
  String config;

  @Spec
  CommandSpec spec;

  @ParentCommand
  SparkDnn parent;

  @Override
  public Integer call() {
    TrainingConfig config = TrainingConfig.of(SettingOptions.values(spec, TrainSettings.TRAIN_COMMAND));
    PrintStream out = System.out;
    try (SparkContexts session = parent.sparkContext("spark-dnn train", config.get(DataSettings.MASTER))) {
      TrainedModel trained = new Trainer(session.context(), out, null).train(config);
      out.println("Train accuracy: " + accuracy(trained.train()));
      if (trained.test() != null) {
        out.println("Test accuracy: " + accuracy(trained.test()));
      }
      if (!config.publishing()) {
        out.println("Model and metrics written to " + trained.output());
        return ExitCodes.OK;
      }
      Publisher.Verdict verdict = Publication.publish(session.context(), trained, out);
      if (!verdict.accepted()) {
        Path root = new Path(config.get(TrainSettings.PUBLISH_ROOT));
        System.err.println("spark-dnn train: quality gate refused run " + trained.output().getName() + ": "
            + verdict.reason() + "; " + root + "/current is unchanged; the run stays in " + trained.output()
            + " for inspection");
        return ExitCodes.GATE_REFUSED;
      }
    }
    return ExitCodes.OK;
  }

  /** "0.9856459330143541 (206/209)". */
  private static String accuracy(BinaryMetrics metrics) {
    return metrics.accuracy() + " (" + metrics.correct() + "/" + metrics.m() + ")";
  }
}
