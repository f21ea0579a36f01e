package org.sparkdnn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context a command runs in: one handed in by the caller (a test suite, an application embedding
 * spark-dnn), which is left running, or a new one that {@link #close()} stops.
 */
public final class SparkContexts implements AutoCloseable {
  /** The master used when neither {@code --master} nor {@code spark-submit} names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  private final JavaSparkContext context;
  private final boolean owned;

  private SparkContexts(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  /**
   * {@code existing} if not null, else a new context for {@code appName}: {@code master} (may be null) overrides
   * {@code spark.master}, which {@code spark-submit} sets, and {@link #DEFAULT_MASTER} applies when neither does.
   * A new context registers spark-dnn's classes with Kryo ({@link KryoClasses}), in case Kryo is configured.
   */
  public static SparkContexts start(JavaSparkContext existing, String appName, String master) {
    if (existing != null) {
      return new SparkContexts(existing, false);
    }
    SparkConf conf = new SparkConf().setAppName(appName);
    KryoClasses.addTo(conf);
    if (master != null) {
      conf.setMaster(master);
    } else {
      conf.setIfMissing("spark.master", DEFAULT_MASTER);
    }
    return new SparkContexts(new JavaSparkContext(conf), true);
  }

  public JavaSparkContext context() {
    return context;
  }

  /** Stops the context if this started it. */
  @Override
  public void close() {
    if (owned) {
      context.stop();
    }
  }
}
