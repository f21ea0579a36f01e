package org.sparkdnn.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.spark.SparkUserAppException;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.io.ModelFormatException;
import org.sparkdnn.io.PublishLockedException;
import org.sparkdnn.job.Versions;
import org.sparkdnn.spark.SparkContexts;
import org.sparkdnn.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spark-dnn} command line: {@code train}, {@code predict}, {@code evaluate}. */
@Command(name = "spark-dnn", mixinStandardHelpOptions = true, versionProvider = SparkDnn.Version.class,
    description = "Trains and applies fully-connected binary classifiers on Apache Spark.",
    subcommands = {TrainCommand.class, PredictCommand.class, EvaluateCommand.class, ExportCommand.class,
        CourseCommand.class,
        CommandLine.HelpCommand.class})
public final class SparkDnn {
  /** {@code --version}: spark-dnn's, Spark's and Java's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Versions.line()};
    }
  }

  private final JavaSparkContext existingContext;

  private SparkDnn(JavaSparkContext existingContext) {
    this.existingContext = existingContext;
  }

  /**
   * Runs a command and ends with its exit code. Started by {@code java}, the JVM exits with it. Started by
   * {@code spark-submit} or YARN's ApplicationMaster (which set {@value #DEPLOY_MODE}), success returns and a failure
   * throws {@link SparkUserAppException}: spark-submit exits with its code, and YARN records it as the application's
   * exit status. {@code System.exit(0)} there would make YARN's cluster mode mark the run FAILED ("Shutdown hook called
   * before final status was reported") and start it again.
   */
  public static void main(String[] args) throws SparkUserAppException {
    int code = run(args);
    if (System.getProperty(DEPLOY_MODE) == null) {
      System.exit(code);
    }
    if (code != ExitCodes.OK) {
      throw new SparkUserAppException(code, null);
    }
  }

  /** The system property spark-submit and YARN's ApplicationMaster set for the driver: client or cluster. */
  static final String DEPLOY_MODE = "spark.submit.deployMode";

  /** Runs a command in a Spark context of its own and returns its exit code (see {@link ExitCodes}). */
  public static int run(String... args) {
    return run(null, args);
  }

  /**
   * Runs a command in {@code context} (left running; null: a context of its own) and returns its exit code.
   */
  public static int run(JavaSparkContext context, String... args) {
    CommandLine commandLine = new CommandLine(new SparkDnn(context));
    listExitCodes(commandLine);
    commandLine.setParameterExceptionHandler(SparkDnn::usageError);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
    try {
      ConfigFile.install(commandLine, args);
    } catch (CommandLine.ParameterException e) {
      return usageError(e, args);
    }
    return commandLine.execute(args);
  }

  /** The Spark context for a subcommand. */
  SparkContexts sparkContext(String appName, String master) {
    return SparkContexts.start(existingContext, appName, master);
  }

  private static void listExitCodes(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.DESCRIPTIONS);
    cmd.getSubcommands().values().forEach(SparkDnn::listExitCodes);
  }

  /** One line, exit code 2: "spark-dnn train: Unknown option: '--foo' (see 'spark-dnn train --help')". */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage()
        + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int failure(Exception e, CommandLine cmd) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    int code;
    if (e instanceof InputDataException || e instanceof ModelFormatException) {
      code = ExitCodes.INVALID_INPUT;
    } else if (e instanceof TrainingDivergedException) {
      code = ExitCodes.DIVERGED;
    } else if (e instanceof PublishLockedException) {
      code = ExitCodes.PUBLISH_LOCKED;
    } else if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
      code = ExitCodes.USAGE;
    } else {
      code = ExitCodes.FAILURE;
      if (!(e instanceof UncheckedIOException)) {
        // an I/O failure (disk full, permission denied) says it all in its message; anything else may be a bug
        e.printStackTrace(err);
      }
    }
    err.println(name + ": error: " + e.getMessage());
    err.flush();
    return code;
  }
}
