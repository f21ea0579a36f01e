package org.sparkdnn.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.spark.SharedSpark;

/** One in-process run of the command line, in the shared Spark context unless said otherwise, output captured. */
record CommandRun(int exitCode, String out, String err) {
  static CommandRun of(String... args) {
    return run(SharedSpark.context(), args);
  }

  /** A run that starts a Spark context of its own, as {@code spark-dnn} does (to test {@code --master}). */
  static CommandRun withOwnContext(String... args) {
    return run(null, args);
  }

  private static synchronized CommandRun run(JavaSparkContext context, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = SparkDnn.run(context, args);
      return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
