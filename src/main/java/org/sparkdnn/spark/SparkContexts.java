package org.sparkdnn.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context a command runs in: one handed in by the caller (a test suite, an application embedding
 * spark-dnn), which is left running, or a new one that {@link #close()} stops.
 */
public final class SparkContexts implements AutoCloseable {
  /** The master used when neither {@code --master} nor {@code spark-submit} names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** How long a standalone master ({@code spark://}) has to accept a connection before the run gives up. */
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  /**
   * Spark settings a new context gets unless the job sets them. Training runs one Spark job per iteration, so
   * costs Spark pays per job count as much as the arithmetic ({@code SparkOverheadBench} measures them).
   */
  enum Setting {
    /** The executors' cores already run one task each. */
    BLAS_THREADS("spark.executorEnv.OPENBLAS_NUM_THREADS", "1"),
    /**
     * Every job broadcasts its task binary, and Spark allocates a whole broadcast block for it however small it
     * is: the default 4 MiB block is a humongous object for G1, allocated and collected every iteration.
     */
    BROADCAST_BLOCK("spark.broadcast.blockSize", "256k"),
    /** What spark-dnn broadcasts is parameters, whose bits LZ4 cannot shrink, and small task binaries. */
    BROADCAST_COMPRESS("spark.broadcast.compress", "false"),
    /**
     * A partition's gradient sums are 8 bytes per parameter; above Spark's default 1 MiB (131,072 parameters)
     * each task result would go through the block manager and cost the driver one more fetch per partition.
     * Kept below {@code spark.rpc.message.maxSize} (128 MiB by default), which bounds a direct result.
     */
    DIRECT_RESULT("spark.task.maxDirectResultSize", "64m");

    final String key;
    final String value;

    Setting(String key, String value) {
      this.key = key;
      this.value = value;
    }
  }

  private final JavaSparkContext context;
  private final boolean owned;

  private SparkContexts(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  /**
   * {@code existing} if not null, else a new context for {@code appName}: {@code master} (may be null) overrides
   * {@code spark.master}, which {@code spark-submit} sets, and {@link #DEFAULT_MASTER} applies when neither does.
   * A new context registers spark-dnn's classes with Kryo ({@link KryoClasses}), in case Kryo is configured, and
   * applies each {@link Setting} the configuration does not set.
   * A standalone master ({@code spark://host:port}, or several for high availability) must accept a TCP connection
   * within {@value #CONNECT_TIMEOUT_SECONDS} s, or the run stops before Spark's own retries begin.
   *
   * @throws IllegalArgumentException if no standalone master answers, or its URL has no host and port
   */
  public static SparkContexts start(JavaSparkContext existing, String appName, String master) {
    if (existing != null) {
      return new SparkContexts(existing, false);
    }
    SparkConf conf = new SparkConf().setAppName(appName);
    KryoClasses.addTo(conf);
    applySettings(conf);
    if (master != null) {
      conf.setMaster(master);
    } else {
      conf.setIfMissing("spark.master", DEFAULT_MASTER);
    }
    requireReachable(conf.get("spark.master"), master != null ? "--master" : "spark.master");
    return new SparkContexts(new JavaSparkContext(conf), true);
  }

  /** Sets each {@link Setting} that {@code conf} leaves unset; returns {@code conf}. */
  static SparkConf applySettings(SparkConf conf) {
    for (Setting setting : Setting.values()) {
      conf.setIfMissing(setting.key, setting.value);
    }
    return conf;
  }

  /** For a {@code spark://} URL, connects to each of its masters in turn until one answers. */
  private static void requireReachable(String url, String option) {
    String prefix = "spark://";
    if (!url.startsWith(prefix)) {
      return;
    }
    List<String> failures = new ArrayList<>();
    for (String hostPort : url.substring(prefix.length()).split(",")) {
      InetSocketAddress address = address(hostPort, url, option);
      if (address.isUnresolved()) {
        failures.add(hostPort + " (unknown host)");
        continue;
      }
      try (Socket socket = new Socket()) {
        socket.connect(address, CONNECT_TIMEOUT_SECONDS * 1000);
        return;
      } catch (IOException e) {
        failures.add(hostPort + " (" + e.getMessage() + ")");
      }
    }
    throw new IllegalArgumentException(option + " " + url + ": expected a reachable Spark master, found no answer at "
        + String.join(", ", failures) + " within " + CONNECT_TIMEOUT_SECONDS + " s");
  }

  /** "host:port" or "[ipv6]:port", resolved if the name is known. */
  private static InetSocketAddress address(String hostPort, String url, String option) {
    int colon = hostPort.lastIndexOf(':');
    String port = colon > 0 ? hostPort.substring(colon + 1) : "";
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException(option + " " + url + ": expected spark://HOST:PORT[,HOST:PORT...], "
          + "found '" + hostPort + "'");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new InetSocketAddress(host, Integer.parseInt(port));
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
