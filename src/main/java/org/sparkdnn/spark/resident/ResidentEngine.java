package org.sparkdnn.spark.resident;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.train.Batch;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.MiniBatches;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Gradient sums from tasks that stay for the whole run: one barrier stage over the cached blocks, one task per
 * partition, scheduled together. Each iteration the driver's {@link Exchange} hands the parameters to every task,
 * each answers with its partition's sums, and the driver adds them in partition order, so the bits are those of
 * the jobs engine ({@code SparkGradientSource}). Test and validation passes during training go to the same tasks,
 * which hold the test and validation partitions of the same index, since the stage occupies task slots a separate
 * job would wait for.
 *
 * <p>The stage ends in a shuffle, which makes it a shuffle-map stage: Spark retries a failed one (a lost task or
 * executor) where it would abort a failed barrier result stage. The retried tasks greet the exchange again and are
 * given the round in progress, so the model is the one an uninterrupted run gives.
 */
public final class ResidentEngine implements GradientSource, AutoCloseable {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);
  /** How long {@link #close} waits for the tasks to end before cancelling the stage. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final Architecture architecture;
  private final long numExamples;
  /** Null for batch gradient descent only. */
  private final MiniBatches batches;
  /** The class weights the tasks weigh the samples by, null for none. */
  private final ClassWeights weights;
  private final String runId;
  private final Exchange exchange;
  private final ExchangeServer server;
  private final JavaFutureAction<Long> stage;
  private final Thread watcher;
  private int iteration;

  private ResidentEngine(Architecture architecture, long numExamples, MiniBatches batches, ClassWeights weights,
      String runId, Exchange exchange, ExchangeServer server, JavaFutureAction<Long> stage, int firstIteration) {
    this.architecture = architecture;
    this.numExamples = numExamples;
    this.batches = batches;
    this.weights = weights;
    this.runId = runId;
    this.exchange = exchange;
    this.server = server;
    this.stage = stage;
    this.iteration = firstIteration;
    this.watcher = new Thread(this::watch, "spark-dnn resident stage watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Why the resident engine cannot run on {@code sc} with {@code partitions} partitions, if it cannot: Spark runs
   * no barrier stage under dynamic allocation, nor one with more tasks than it has task slots.
   */
  public static Optional<String> unavailable(JavaSparkContext sc, int partitions) {
    if (!sc.isLocal() && sc.getConf().getBoolean("spark.dynamicAllocation.enabled", false)) {
      return Optional.of("dynamic allocation is on (spark.dynamicAllocation.enabled), and Spark runs no barrier "
          + "stage under it");
    }
    int slots = sc.sc().maxNumConcurrentTasks(sc.sc().resourceProfileManager().defaultResourceProfile());
    if (slots < partitions) {
      return Optional.of(partitions + " partitions need " + partitions + " task slots at once, and the cluster "
          + "has " + slots);
    }
    return Optional.empty();
  }

  /**
   * Starts the resident stage over {@code train} and, if not null, {@code test} and {@code validation} (with as many
   * partitions).
   *
   * @param batches the training data's mini-batches, or null for batch gradient descent only
   * @param weights the class weights the tasks weigh the samples by (they travel in the task closure), null for none
   * @param taskTimeoutSeconds how long a task may take to answer one round
   * @param port the driver's port for the tasks, 0 for any free one
   * @param inProcess whether tasks in the driver's JVM (local mode) link to the exchange in memory; if false every
   *     task connects over the network
   * @param firstIteration the iteration the first gradient round computes, for messages
   */
  public static ResidentEngine start(JavaSparkContext sc, DistributedBlocks train, DistributedBlocks test,
      DistributedBlocks validation, Architecture architecture, MiniBatches batches, ClassWeights weights,
      long taskTimeoutSeconds, int port, boolean inProcess, int firstIteration) {
    if (batches != null && batches.numSamples() != train.numExamples()) {
      throw new IllegalArgumentException(batches + " over " + train.numExamples() + " samples");
    }
    for (DistributedBlocks other : new DistributedBlocks[] {test, validation}) {
      if (other != null && other.numPartitions() != train.numPartitions()) {
        throw new IllegalArgumentException("the " + (other == test ? "test" : "validation") + " data has "
            + other.numPartitions() + " partitions, the training data " + train.numPartitions()
            + ": the resident engine needs as many");
      }
    }
    SparkConf conf = sc.getConf();
    Transport transport = Transport.forRun("spark-dnn-" + UUID.randomUUID(), conf, taskTimeoutSeconds,
        inProcess);
    Exchange exchange = new Exchange(architecture, train.numPartitions(), taskTimeoutSeconds);
    String host = conf.get("spark.driver.host", "localhost");
    ExchangeServer server = ExchangeServer.open(transport, exchange, conf.get("spark.driver.bindAddress", host),
        port);
    LocalExchanges.register(transport.runId(), exchange);
    try {
      JavaRDD<Tagged> tagged = train.blocks().map(Tagged::train);
      if (test != null) {
        tagged = tagged.zipPartitions(test.blocks(), (own, more) -> Tagged.append(own, more, Tagged.Role.TEST));
      }
      if (validation != null) {
        tagged = tagged.zipPartitions(validation.blocks(),
            (own, more) -> Tagged.append(own, more, Tagged.Role.VALIDATION));
      }
      JavaRDD<Object> answers = JavaRDD.fromRDD(tagged.rdd().barrier()
          .mapPartitions(new ResidentTask(transport, host, server.port(), architecture, batches, weights,
              train.partitionStarts()), false, ANY), ANY);
      String description = sc.getLocalProperty("spark.job.description");
      String interrupt = sc.getLocalProperty("spark.job.interruptOnCancel");
      sc.setJobDescription("spark-dnn resident training: " + train.numPartitions() + " tasks");
      sc.setLocalProperty("spark.job.interruptOnCancel", "true");
      JavaFutureAction<Long> stage;
      try {
        // the shuffle makes the barrier stage a retryable shuffle-map stage
        stage = answers.repartition(1).countAsync();
      } finally {
        sc.setJobDescription(description);
        sc.setLocalProperty("spark.job.interruptOnCancel", interrupt);
      }
      return new ResidentEngine(architecture, train.numExamples(), batches, weights, transport.runId(), exchange,
          server, stage, firstIteration);
    } catch (RuntimeException e) {
      LocalExchanges.unregister(transport.runId());
      server.close();
      throw e;
    }
  }

  /**
   * The sums over {@code batch} at {@code parameters}; their array is the exchange's own, refilled by the next
   * call.
   */
  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    if (!batch.isAll() && batches == null) {
      throw new IllegalStateException(batch + " asked of an engine started without mini-batches");
    }
    long expected = batch.isAll() ? numExamples : batches.size(batch.index());
    Object[] parts = exchange.round(Wire.Kind.SUMS, 0.0, batch, parameters.values(),
        batch.isAll() ? "the gradient sums of iteration " + iteration : "the gradient sums of " + batch);
    if (batch.isAll()) {
      iteration++;
    }
    GradientSums[] sums = new GradientSums[parts.length];
    for (int p = 0; p < parts.length; p++) {
      sums[p] = (GradientSums) parts[p];
    }
    GradientSums total = GradientSums.inPartitionOrder(architecture, sums);
    if (total.count() != expected) {
      throw new IllegalStateException(
          "gradient sums of " + batch + " cover " + total.count() + " samples, expected " + expected);
    }
    return weights == null ? total : total.weighBy(weights);
  }

  /** The confusion counts of the test data at {@code parameters}, added in partition order. */
  public ConfusionCounts testCounts(Parameters parameters, double threshold) {
    return counts(Wire.Kind.COUNTS, parameters, threshold, "the test counts after " + iteration + " updates");
  }

  /** The confusion counts of the validation data at {@code parameters}, added in partition order. */
  public ConfusionCounts validationCounts(Parameters parameters, double threshold) {
    return counts(Wire.Kind.VALIDATION_COUNTS, parameters, threshold,
        "the validation counts after " + iteration + " updates");
  }

  private ConfusionCounts counts(Wire.Kind kind, Parameters parameters, double threshold, String name) {
    Object[] parts = exchange.round(kind, threshold, Batch.ALL, parameters.values(), name);
    ConfusionCounts[] counts = new ConfusionCounts[parts.length];
    for (int p = 0; p < parts.length; p++) {
      counts[p] = (ConfusionCounts) parts[p];
    }
    return ConfusionCounts.inPartitionOrder(counts);
  }

  /** The partitions whose task runs in this JVM and is linked to the exchange in memory, not over the network. */
  public int tasksInMemory() {
    return exchange.inMemory();
  }

  /** Tells the tasks to stop, waits up to 30 s for the stage to end (then cancels it), and closes the endpoint. */
  @Override
  public void close() {
    exchange.stop();
    try {
      stage.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      stage.cancel(true);
    } catch (InterruptedException e) {
      stage.cancel(true);
      Thread.currentThread().interrupt();
    } finally {
      LocalExchanges.unregister(runId);
      server.close();
    }
  }

  /** Turns the end of the stage into the exchange's failure, so that a round waiting for answers stops waiting. */
  private void watch() {
    try {
      stage.get();
      exchange.fail(new IllegalStateException("the resident stage ended before training did"));
    } catch (ExecutionException e) {
      exchange.fail(e.getCause());
    } catch (InterruptedException | java.util.concurrent.CancellationException e) {
      exchange.fail(e);
    }
  }
}
