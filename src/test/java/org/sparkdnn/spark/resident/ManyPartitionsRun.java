package org.sparkdnn.spark.resident;

import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.SharedSpark;

/**
 * A JVM of its own with a {@code local[N]} context (the shared test context has 2 task slots): compares the two
 * engines over N partitions and prints "identical" or the first difference.
 */
public final class ManyPartitionsRun {
  private ManyPartitionsRun() {}

  public static void main(String[] args) {
    int partitions = Integer.parseInt(args[0]);
    try (JavaSparkContext sc = new JavaSparkContext(SharedSpark.conf("local[" + partitions + "]"))) {
      EngineComparison runs = new EngineComparison(sc, partitions, Precision.FLOAT64);
      String difference = EngineComparison.difference(runs.jobs(), runs.resident((iteration, cost) -> { }));
      System.out.println(difference == null ? "identical" : "different: " + difference);
    }
  }
}
