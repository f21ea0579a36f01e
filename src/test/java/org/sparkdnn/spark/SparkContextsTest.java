package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkContextsTest {
  @Test
  void settingsApplyWhereTheJobSetsNone() {
    SparkConf conf = SparkContexts.applySettings(new SparkConf(false));
    assertEquals("1", conf.get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
    assertEquals("256k", conf.get("spark.broadcast.blockSize"));
    assertEquals("false", conf.get("spark.broadcast.compress"));
    assertEquals("64m", conf.get("spark.task.maxDirectResultSize"));
  }

  @Test
  void theJobsOwnSettingsWin() {
    SparkConf conf = new SparkConf(false)
        .set("spark.broadcast.blockSize", "4m")
        .set("spark.executorEnv.OPENBLAS_NUM_THREADS", "2");
    SparkContexts.applySettings(conf);
    assertEquals("4m", conf.get("spark.broadcast.blockSize"));
    assertEquals("2", conf.get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
    assertEquals("64m", conf.get("spark.task.maxDirectResultSize"));
  }

  @Test
  void aDirectResultFitsInOneRpcMessage() {
    SparkConf conf = SparkContexts.applySettings(new SparkConf(false));
    long direct = conf.getSizeAsBytes("spark.task.maxDirectResultSize");
    long message = conf.getSizeAsMb("spark.rpc.message.maxSize", "128") << 20;
    assertEquals(true, direct < message, direct + " bytes must stay below the RPC limit of " + message);
  }
}
