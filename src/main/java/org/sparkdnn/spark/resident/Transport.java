package org.sparkdnn.spark.resident;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.network.sasl.SecretKeyHolder;
import org.apache.spark.network.util.MapConfigProvider;
import org.apache.spark.network.util.TransportConf;
import scala.Tuple2;

/**
 * How the driver's exchange endpoint and the resident tasks talk: Spark's own network layer
 * ({@code org.apache.spark.network}) with its authentication bootstrap, keyed by a secret made for this run and
 * handed to the tasks inside their closure; a client that does not complete the handshake with it is refused. As for
 * Spark's own connections, the handshake is SASL DIGEST-MD5 unless {@code spark.network.crypto.enabled} is on, which
 * switches to Spark's AES-based protocol and encrypts the channel; that and the other
 * {@code spark.network.crypto.*} settings, and {@code spark.authenticate.enableSaslEncryption}, carry over from the
 * Spark configuration.
 */
final class Transport implements Serializable, SecretKeyHolder {
  private static final long serialVersionUID = 1L;

  /** The transport module's name: its settings are {@code spark.dnn.io.*}. */
  static final String MODULE = "dnn";

  private final String runId;
  private final String secret;
  private final long taskTimeoutSeconds;
  /** Whether tasks in the driver's JVM link to its exchange in memory rather than over the network. */
  private final boolean inProcess;
  private final Map<String, String> settings;

  private Transport(String runId, String secret, long taskTimeoutSeconds, boolean inProcess,
      Map<String, String> settings) {
    this.runId = runId;
    this.secret = secret;
    this.taskTimeoutSeconds = taskTimeoutSeconds;
    this.inProcess = inProcess;
    this.settings = settings;
  }

  /**
   * A transport for one run, with a fresh 256-bit secret and the crypto settings of {@code sparkConf}; tasks in
   * the driver's JVM link in memory if {@code inProcess}.
   */
  static Transport forRun(String runId, SparkConf sparkConf, long taskTimeoutSeconds, boolean inProcess) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> settings = new HashMap<>();
    for (Tuple2<String, String> entry : sparkConf.getAll()) {
      if (entry._1().startsWith("spark.network.crypto.")
          || entry._1().equals("spark.authenticate.enableSaslEncryption")) {
        settings.put(entry._1(), entry._2());
      }
    }
    return new Transport(runId, HexFormat.of().formatHex(key), taskTimeoutSeconds, inProcess, settings);
  }

  String runId() {
    return runId;
  }

  boolean inProcess() {
    return inProcess;
  }

  long taskTimeoutSeconds() {
    return taskTimeoutSeconds;
  }

  /**
   * The transport settings. A task waits for the driver's next work while the driver waits for the slowest
   * partition and updates, so a quiet connection is dead only after longer than the task timeout.
   */
  TransportConf conf() {
    Map<String, String> all = new HashMap<>(settings);
    all.put("spark.network.crypto.saslFallback", "false");
    all.put("spark." + MODULE + ".io.connectionTimeout", (2 * taskTimeoutSeconds + 60) + "s");
    all.put("spark." + MODULE + ".io.serverThreads", "2");
    all.put("spark." + MODULE + ".io.clientThreads", "1");
    return new TransportConf(MODULE, new MapConfigProvider(all));
  }

  @Override
  public String getSaslUser(String appId) {
    return runId.equals(appId) ? "spark-dnn" : null;
  }

  @Override
  public String getSecretKey(String appId) {
    return runId.equals(appId) ? secret : null;
  }
}
