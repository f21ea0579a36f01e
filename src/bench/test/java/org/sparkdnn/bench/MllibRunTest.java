package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.sparkdnn.spark.SharedSpark;

class MllibRunTest {
  /** A session over the tests' shared context (getOrCreate picks up the running one). */
  private static SparkSession sparkSession() {
    SharedSpark.context();
    return SparkSession.builder().getOrCreate();
  }

  @Test
  void mllibRunsEveryRequestedIterationAndEachIsTimed() throws Exception {
    SparkSession spark = sparkSession();
    MllibRun mllib = new MllibRun(spark);
    SyntheticData data = new SyntheticData(3, 40, 2, 16, 1);
    // 1 warm-up + 2 timed iterations: maxIter 3, and Spark 4.1's gd adds one job for the final loss
    MllibRun.Timed timed = mllib.secondsPerIteration(data, LayerSizes.parse("3,4,1"), 1, 2);
    assertEquals(4, timed.jobs());
    assertTrue(timed.secondsPerIteration() >= 0, "seconds per iteration: " + timed.secondsPerIteration());
  }
}
