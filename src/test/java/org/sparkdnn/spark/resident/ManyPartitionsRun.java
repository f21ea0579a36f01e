package org.sparkdnn.spark.resident;

import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.SharedSpark;

/**
 * A JVM of its own with a {@code local[N]} context (the shared test context has 2 task slots): compares the two
 * engines over N partitions, without and with class weights, and prints "identical" or the first difference.
 */
public final class ManyPartitionsRun {
  private ManyPartitionsRun() {}

  public static void main(String[] args) {
    int partitions = Integer.parseInt(args[0]);
    try (JavaSparkContext sc = new JavaSparkContext(SharedSpark.conf("local[" + partitions + "]"))) {
      String difference = null;
      for (ClassWeights weights : new ClassWeights[] {null, new ClassWeights(0.4, 2.5)}) {
        EngineComparison runs = new EngineComparison(sc, partitions, Precision.FLOAT64, weights);
        for (boolean inMemory : new boolean[] {true, false}) {
          String found = EngineComparison.difference(runs.jobs(), runs.resident(inMemory, (iteration, cost) -> { }));
          if (difference == null && found != null) {
            difference = "class weights " + weights + ", in memory " + inMemory + ": " + found;
          }
        }
        runs.unpersist();
      }
      System.out.println(difference == null ? "identical" : "different: " + difference);
    }
  }
}
