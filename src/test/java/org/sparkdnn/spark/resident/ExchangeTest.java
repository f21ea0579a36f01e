package org.sparkdnn.spark.resident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.network.TransportContext;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.client.TransportClientFactory;
import org.apache.spark.network.server.NoOpRpcHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Kind;
import org.sparkdnn.spark.resident.Wire.Work;
import org.sparkdnn.train.Batch;

/**
 * The driver's exchange over the real transport and in memory, with tasks played by threads that speak to it:
 * partition order whatever the arrival order, a silent task named within the timeout, strangers refused.
 */
class ExchangeTest {
  private static final String HOST = "127.0.0.1";
  /** [2, 1]: W (1, 2) and b (1, 1), three parameters. */
  private static final Architecture ARCH = Architecture.withHidden(new int[] {2, 1}, Activation.RELU);

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {false, true})
  void answersAreAddedInPartitionOrderWhateverOrderTheyArriveIn(boolean inMemory) throws Exception {
    // floating-point addition does not associate: (1e16 + 1) − 1e16 = 0, but (−1e16 + 1e16) + 1 = 1
    double[][] values = {{1e16, 1e16, 1e16}, {1.0, 1.0, 1.0}, {-1e16, -1e16, -1e16}};
    Transport transport = transport(30);
    Exchange exchange = new Exchange(ARCH, 3, 30);
    int port = serve(transport, exchange);
    CountDownLatch[] mayAnswer = {new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1)};
    List<CompletableFuture<Integer>> tasks = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      tasks.add(task(link(transport, port, exchange, inMemory), hello(p, 0, 100 + p), values[p], mayAnswer[p]));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      CompletableFuture<Object[]> round =
          CompletableFuture.supplyAsync(() -> exchange.round(Kind.SUMS, 0.0, Batch.ALL, new double[3], "round 0"));
      // arrival order 2, 0, 1
      for (int p : new int[] {2, 0, 1}) {
        int before = exchange.answered();
        mayAnswer[p].countDown();
        while (exchange.answered() == before) {
          Thread.sleep(1);
        }
      }
      Object[] parts = round.get();
      GradientSums sum = GradientSums.inPartitionOrder(ARCH, new GradientSums[] {
          (GradientSums) parts[0], (GradientSums) parts[1], (GradientSums) parts[2]});
      assertArrayEquals(new double[] {0.0, 0.0, 0.0}, sum.values());
      assertEquals(3 * 7, sum.count());
      assertNotEquals((values[2][0] + values[0][0]) + values[1][0], 0.0, "the arrival order would differ");
      exchange.stop();
      for (CompletableFuture<Integer> task : tasks) {
        assertEquals(1, task.get(), "answers of one task");
      }
    });
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {false, true})
  void aSilentTaskFailsTheRoundWithinTheTimeoutNamingItsPartitionAndExecutor(boolean inMemory) throws Exception {
    Transport transport = transport(1);
    Exchange exchange = new Exchange(ARCH, 2, 1);
    int port = serve(transport, exchange);
    Link link = link(transport, port, exchange, inMemory);
    task(link, hello(0, 0, 40), new double[3], new CountDownLatch(0));
    // partition 1 greets, then never answers
    CountDownLatch never = new CountDownLatch(1);
    open.add(never::countDown);
    task(link, hello(1, 0, 41), new double[3], never);
    waitUntilConnected(exchange, 2);
    long started = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> exchange.round(Kind.SUMS, 0.0, Batch.ALL, new double[3], "the gradient sums of iteration 0"));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertTrue(seconds >= 0.9 && seconds < 10, "failed after " + seconds + " s");
    assertTrue(e.getMessage().contains("partition 1's resident task (attempt 41, stage attempt 0) on executor "
        + "executor-1 at host-1 did not answer the gradient sums of iteration 0 within 1 s (--task-timeout)"),
        e.getMessage());
  }

  @Test
  void aPartitionWhoseTaskNeverConnectsFailsTheRoundNamingIt() {
    Transport transport = transport(1);
    Exchange exchange = new Exchange(ARCH, 1, 1);
    serve(transport, exchange);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> exchange.round(Kind.SUMS, 0.0, Batch.ALL, new double[3], "the gradient sums of iteration 3"));
    assertEquals("no resident task of partition 0 connected within 1 s (--task-timeout) to compute the gradient "
        + "sums of iteration 3", e.getMessage());
  }

  @Test
  void connectionsWithoutThisRunsSecretAreRefusedAndCannotInjectSums() throws Exception {
    Transport transport = transport(30);
    Exchange exchange = new Exchange(ARCH, 1, 30);
    int port = serve(transport, exchange);
    // the right run id with another secret (forRun makes a fresh one): the handshake fails
    Transport otherSecret = transport(30);
    assertThrows(Exception.class, () -> ExchangeClient.connect(otherSecret, HOST, port, () -> false).close());
    // no handshake at all: a greeting and an answer are refused, and the connection closed
    TransportContext context = new TransportContext(transport.conf(), new NoOpRpcHandler());
    open.add(context);
    TransportClientFactory factory = context.createClientFactory();
    open.add(factory);
    TransportClient stranger = factory.createUnmanagedClient(HOST, port);
    open.add(stranger);
    assertThrows(RuntimeException.class, () -> stranger.sendRpcSync(hello(0, 0, 1).encode(), 10_000));
    assertEquals(0, exchange.connected());
    TransportClient again = factory.createUnmanagedClient(HOST, port);
    open.add(again);
    again.send(Wire.chunks(null, 0, 0, 1, new double[] {666, 666, 666}));
    ByteBuffer forged = Wire.answer(new AnswerHead(0, 1, 0, Kind.SUMS),
        GradientSums.of(ARCH, new double[] {666, 666, 666}, 666, 7, 0, 0.0, false));
    assertThrows(RuntimeException.class, () -> again.sendRpcSync(forged, 10_000));
    assertEquals(0, exchange.connected());
    // the run's own task still gets in, and its answer is the one counted
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      CompletableFuture<Integer> task = task(link(transport, port, exchange, false), hello(0, 0, 2),
          new double[] {1, 2, 3}, new CountDownLatch(0));
      GradientSums sums = (GradientSums) exchange.round(Kind.SUMS, 0.0, Batch.ALL, new double[3], "round 0")[0];
      assertArrayEquals(new double[] {1, 2, 3}, sums.values());
      exchange.stop();
      assertEquals(1, task.get());
    });
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {false, true})
  void aTaskOfALaterStageAttemptTakesItsPartitionOverAndGetsTheRoundInProgress(boolean inMemory) throws Exception {
    Transport transport = transport(30);
    Exchange exchange = new Exchange(ARCH, 1, 30);
    int port = serve(transport, exchange);
    Link link = link(transport, port, exchange, inMemory);
    CountDownLatch never = new CountDownLatch(1);
    open.add(never::countDown);
    task(link, hello(0, 0, 10), new double[] {9, 9, 9}, never);
    waitUntilConnected(exchange, 1);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      CompletableFuture<Object[]> round =
          CompletableFuture.supplyAsync(() -> exchange.round(Kind.SUMS, 0.0, Batch.ALL, new double[3], "round 0"));
      Thread.sleep(200);
      CompletableFuture<Integer> retried = task(link, hello(0, 1, 11), new double[] {4, 5, 6},
          new CountDownLatch(0));
      assertArrayEquals(new double[] {4, 5, 6}, ((GradientSums) round.get()[0]).values());
      exchange.stop();
      assertEquals(1, retried.get());
    });
  }

  private Transport transport(long timeoutSeconds) {
    return Transport.forRun("test-run", new SparkConf(false), timeoutSeconds, false);
  }

  private int serve(Transport transport, Exchange exchange) {
    ExchangeServer server = ExchangeServer.open(transport, exchange, HOST, 0);
    open.add(server);
    open.add(exchange::stop);
    return server.port();
  }

  private static Hello hello(int partition, int stageAttempt, long taskAttemptId) {
    return new Hello(partition, stageAttempt, taskAttemptId, "executor-" + partition, "host-" + partition);
  }

  /** How a fake task reaches the driver. */
  private interface Link {
    DriverLink open() throws IOException;
  }

  /** Over the network with the transport's secret, or in memory as a task in the driver's JVM. */
  private static Link link(Transport transport, int port, Exchange exchange, boolean inMemory) {
    return inMemory ? () -> new DirectLink(exchange, () -> false)
        : () -> ExchangeClient.connect(transport, HOST, port, () -> false);
  }

  /**
   * A task on a thread of its own: greets, then answers each work with {@code values} (cost 0.5, 7 samples) once
   * {@code mayAnswer} is open, until told to stop; completes with its number of answers.
   */
  private CompletableFuture<Integer> task(Link link, Hello hello, double[] values, CountDownLatch mayAnswer) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try (DriverLink driver = link.open()) {
        int answers = 0;
        Work work = driver.greet(hello);
        while (work != null) {
          if (!mayAnswer.await(60, TimeUnit.SECONDS) || mayAnswer.getCount() > 0) {
            break;
          }
          work = driver.answer(new AnswerHead(hello.partition(), hello.taskAttemptId(), work.number(),
              work.kind()), GradientSums.of(ARCH, values.clone(), 0.5, 7, 0, 0.0, false));
          answers++;
        }
        done.complete(answers);
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    }, "fake task " + hello.partition());
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  private static void waitUntilConnected(Exchange exchange, int tasks) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (exchange.connected() < tasks && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(tasks, exchange.connected());
  }
}
