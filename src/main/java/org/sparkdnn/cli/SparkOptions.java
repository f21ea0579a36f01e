package org.sparkdnn.cli;

import picocli.CommandLine.Option;

/** Where the Spark job runs. */
final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark.master as spark-submit "
          + "sets it, else local[*]).")
  String master;
}
