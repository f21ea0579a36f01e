package org.sparkdnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparkdnn.linalg.Blas;

/**
 * The one {@code local[2]} Spark context all tests share (UI off, bound to 127.0.0.1, quiet logs through
 * conf/log4j2.properties), with the settings a command's own context gets ({@link SparkContexts.Setting}).
 * Created on first use; Spark's shutdown hook stops it when the test JVM exits.
 */
public final class SharedSpark {
  private static JavaSparkContext context;
  private static SparkSession session;

  private SharedSpark() {}

  /** The tests' Spark settings with {@code master}: for a test JVM of its own that needs more task slots. */
  public static SparkConf conf(String master) {
    return SparkContexts.applySettings(new SparkConf())
        .setMaster(master)
        .setAppName("spark-dnn tests")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
  }

  public static synchronized JavaSparkContext context() {
    if (context == null) {
      context = new JavaSparkContext(conf("local[2]").set("spark.default.parallelism", "2"));
      System.out.println("spark-dnn tests: BLAS " + Blas.implementationName() + ", Spark " + context.version());
    }
    return context;
  }

  /**
   * The Spark SQL session on {@link #context()}, its catalog in memory and its tables (saveAsTable) under
   * target/test-warehouse, emptied first: an earlier test JVM's tables are gone from the catalog, and a table's
   * directory left behind would refuse a new table of its name.
   */
  public static synchronized SparkSession session() {
    if (session == null) {
      Path warehouse = Path.of("target", "test-warehouse").toAbsolutePath();
      try {
        FileUtils.deleteDirectory(warehouse.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session = SparkSession.builder().sparkContext(context().sc())
          .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
          .getOrCreate();
    }
    return session;
  }
}
