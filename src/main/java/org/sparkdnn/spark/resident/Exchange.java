package org.sparkdnn.spark.resident;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.network.client.RpcResponseCallback;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.server.OneForOneStreamManager;
import org.apache.spark.network.server.RpcHandler;
import org.apache.spark.network.server.StreamManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.resident.Wire.AnswerHead;
import org.sparkdnn.spark.resident.Wire.ChunkHead;
import org.sparkdnn.spark.resident.Wire.Hello;
import org.sparkdnn.spark.resident.Wire.Kind;
import org.sparkdnn.train.Batch;

/**
 * The driver's end of the resident engine: hands each round's work to the task of every partition and collects
 * their answers into slots indexed by partition, so that the caller adds them in partition order whatever order
 * they arrived in.
 *
 * <p>A task asks (its greeting, then each answer) and the reply is its next work, held back until the driver has
 * it. Over the network the parameters go ahead of the reply as chunks, and a task's sums ahead of its answer,
 * decoded into an array per partition that the next round refills ({@link Wire}); a task in the driver's JVM
 * ({@link DirectLink}) is handed the parameters and hands back its sums by reference. A task of a later stage
 * attempt (Spark retrying the stage after a lost task) takes its partition over; it is given the round in progress
 * unless its partition has answered it. Answers from a task that no longer holds its partition, or for another
 * round, are refused. A partition that has not answered within the task timeout of the round starting (or of its
 * task connecting) fails the round with a message naming it and its executor.
 */
final class Exchange extends RpcHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

  private final Architecture architecture;
  private final long timeoutNanos;
  private final long timeoutSeconds;
  private final Slot[] slots;
  /** The connections that greeted: a {@link TransportClient} or a {@link DirectLink}. */
  private final Set<Object> greeted = Collections.newSetFromMap(new IdentityHashMap<>());
  private final StreamManager streams = new OneForOneStreamManager();
  /** Two chunk buffers in turn: a buffer is rewritten only after every task has read it and answered. */
  private final ByteBuffer[] buffers = new ByteBuffer[2];

  private int number = -1;
  private Kind kind;
  private double threshold;
  private Batch batch;
  /** The round's parameters, which tasks in this JVM read in place. */
  private double[] parameters;
  /** The round's parameters as chunks, written when the first task over the network is given the round. */
  private ByteBuffer[] workChunks;
  private ByteBuffer work;
  private Object[] answers;
  private int answered;
  private long roundStarted;
  private String roundName;
  private boolean stopped;
  private Throwable failure;

  /** Who holds a partition, and the reply it waits for. */
  private static final class Slot {
    Hello hello;
    /** A {@link TransportClient} or a {@link DirectLink}. */
    Object client;
    RpcResponseCallback waiting;
    long since;
    /** The partition's gradient sums as its chunks arrive, reused from round to round. */
    double[] values;
    int valuesNumber = -1;
    int received;
  }

  Exchange(Architecture architecture, int partitions, long timeoutSeconds) {
    this.architecture = architecture;
    this.timeoutSeconds = timeoutSeconds;
    this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    this.slots = new Slot[partitions];
    for (int p = 0; p < partitions; p++) {
      slots[p] = new Slot();
    }
  }

  /**
   * Hands {@code parameters} to every partition's task and returns their answers, indexed by partition:
   * {@code GradientSums} for {@link Kind#SUMS}, {@code ConfusionCounts} for {@link Kind#COUNTS}. The sums' arrays
   * are the exchange's own, refilled by the next round: use them before asking for it.
   * Shapes: parameters (P).
   *
   * @param batch the training samples a {@link Kind#SUMS} round sums over
   * @param name what the round computes, for messages ("the gradient sums of iteration 12")
   * @throws IllegalStateException if the stage failed, the exchange was stopped, or a partition did not answer in
   *     time
   */
  synchronized Object[] round(Kind kind, double threshold, Batch batch, double[] parameters, String name) {
    checkUsable();
    number++;
    this.parameters = parameters;
    workChunks = null;
    work = new Wire.WorkHead(number, kind, threshold, batch, parameters.length).encode();
    this.kind = kind;
    this.threshold = threshold;
    this.batch = batch;
    answers = new Object[slots.length];
    answered = 0;
    roundStarted = System.nanoTime();
    roundName = name;
    for (Slot slot : slots) {
      if (slot.waiting != null) {
        RpcResponseCallback reply = slot.waiting;
        slot.waiting = null;
        sendWork(slot.client, reply);
      }
    }
    while (answered < slots.length) {
      checkUsable();
      long now = System.nanoTime();
      long wait = Long.MAX_VALUE;
      for (int p = 0; p < slots.length; p++) {
        if (answers[p] == null) {
          long left = Math.max(roundStarted, slots[p].since) + timeoutNanos - now;
          if (left <= 0) {
            throw new IllegalStateException(silent(p));
          }
          wait = Math.min(wait, left);
        }
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
    Object[] done = answers;
    answers = null;
    return done;
  }

  /** The stage failed or ended: the round in progress, and any later one, fails with {@code cause}. */
  synchronized void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
    notifyAll();
  }

  /** Training has ended: every task waiting, and any that greets later, is told to stop. */
  synchronized void stop() {
    stopped = true;
    for (Slot slot : slots) {
      if (slot.waiting != null) {
        slot.waiting.onSuccess(Wire.stop());
        slot.waiting = null;
      }
    }
    notifyAll();
  }

  /** The number of partitions whose task has greeted and is still connected. */
  synchronized int connected() {
    int n = 0;
    for (Slot slot : slots) {
      n += slot.client != null ? 1 : 0;
    }
    return n;
  }

  /** The number of partitions whose task is linked in memory, from the driver's own JVM. */
  synchronized int inMemory() {
    int n = 0;
    for (Slot slot : slots) {
      n += slot.client instanceof DirectLink ? 1 : 0;
    }
    return n;
  }

  /** The number of answers to the round in progress received so far. */
  synchronized int answered() {
    return answers == null ? 0 : answered;
  }

  @Override
  public void receive(TransportClient client, ByteBuffer message, RpcResponseCallback callback) {
    byte type = Wire.type(message);
    if (type == Wire.HELLO) {
      hello(client, Hello.decode(message), callback);
    } else if (type == Wire.ANSWER) {
      AnswerHead head = AnswerHead.decode(message);
      Object body = head.kind() == Kind.SUMS ? Wire.SumsTail.decode(message) : Wire.readCounts(message);
      answer(client, head, body, callback);
    } else {
      LOG.warn("resident exchange: unknown message type {} from {}", type, client.getSocketAddress());
      callback.onFailure(new IllegalArgumentException("unknown message type " + type));
    }
  }

  /**
   * A CHUNK of a task's gradient sums, ahead of its ANSWER; dropped unless its task holds the partition. Decoded
   * under the partition's own lock, so that partitions decode in parallel on their connections' threads; a
   * takeover holds that lock too, so no chunk of a task being replaced lands after it.
   */
  @Override
  public void receive(TransportClient client, ByteBuffer message) {
    byte type = Wire.type(message);
    ChunkHead head = type == Wire.CHUNK ? ChunkHead.decode(message) : null;
    Slot slot = head == null ? null : acceptedChunk(client, head);
    if (slot == null) {
      LOG.warn("resident exchange: dropped a one-way message from {} (type {}, {})", client.getSocketAddress(),
          type, head);
      return;
    }
    synchronized (slot) {
      if (slot.client != client) {
        return;
      }
      if (slot.values == null) {
        slot.values = new double[head.total()];
      }
      if (slot.valuesNumber != head.number()) {
        slot.valuesNumber = head.number();
        slot.received = 0;
      }
      head.readValues(message, slot.values);
      slot.received += head.count();
    }
  }

  /** The slot a chunk is for, if its task holds the partition and the round in progress asks for sums. */
  private synchronized Slot acceptedChunk(TransportClient client, ChunkHead head) {
    int p = head.partition();
    Slot slot = p >= 0 && p < slots.length ? slots[p] : null;
    boolean accepted = slot != null && slot.client == client && slot.hello.taskAttemptId() == head.taskAttemptId()
        && answers != null && head.number() == number && kind == Kind.SUMS && answers[p] == null
        && head.total() == architecture.numParameters();
    return accepted ? slot : null;
  }

  /**
   * The round's work: to a task in this JVM, the parameters themselves; over the network, their chunks, then the
   * WORK message that completes them, on one connection in this order, each chunk flushed at once, so that the task
   * decodes one while the next is on its way.
   */
  private void sendWork(Object client, RpcResponseCallback reply) {
    if (reply instanceof DirectLink.Reply direct) {
      direct.work(new Wire.Work(number, kind, threshold, batch, parameters));
      return;
    }
    if (workChunks == null) {
      int buffer = number & 1;
      buffers[buffer] = Wire.chunks(buffers[buffer], number, -1, -1, parameters);
      workChunks = Wire.slices(buffers[buffer], parameters.length);
    }
    for (ByteBuffer chunk : workChunks) {
      ((TransportClient) client).send(chunk.duplicate());
    }
    reply.onSuccess(work.duplicate());
  }

  /** A task's greeting, from a {@link TransportClient} or a {@link DirectLink}. */
  synchronized void hello(Object client, Hello hello, RpcResponseCallback callback) {
    if (hello.partition() < 0 || hello.partition() >= slots.length) {
      callback.onFailure(new IllegalArgumentException("no partition " + hello.partition() + " in this run"));
      return;
    }
    greeted.add(client);
    if (stopped) {
      callback.onSuccess(Wire.stop());
      return;
    }
    Slot slot = slots[hello.partition()];
    if (slot.hello != null && hello.stageAttempt() < slot.hello.stageAttempt()) {
      callback.onFailure(new IllegalStateException("partition " + hello.partition() + " is held by stage attempt "
          + slot.hello.stageAttempt()));
      return;
    }
    if (slot.hello != null) {
      LOG.warn("resident exchange: partition {} taken over by {} from {}", hello.partition(), task(hello),
          task(slot.hello));
    }
    if (slot.waiting != null) {
      slot.waiting.onFailure(new IllegalStateException("partition " + hello.partition() + " was taken over"));
    }
    synchronized (slot) {
      slot.hello = hello;
      slot.client = client;
      slot.valuesNumber = -1;
    }
    slot.waiting = null;
    slot.since = System.nanoTime();
    if (answers != null && answers[hello.partition()] == null) {
      sendWork(client, callback);
    } else {
      slot.waiting = callback;
    }
    notifyAll();
  }

  /**
   * A task's answer, from a {@link TransportClient} (a {@link Wire.SumsTail} whose values came as chunks, or
   * {@code ConfusionCounts}) or a {@link DirectLink} ({@code GradientSums} or {@code ConfusionCounts}).
   */
  synchronized void answer(Object client, AnswerHead head, Object body, RpcResponseCallback callback) {
    int p = head.partition();
    Slot slot = p >= 0 && p < slots.length ? slots[p] : null;
    if (slot == null || slot.client != client || slot.hello.taskAttemptId() != head.taskAttemptId()) {
      LOG.warn("resident exchange: refused an answer for partition {} from {}: not the task holding it", p,
          address(client));
      callback.onFailure(new IllegalStateException("partition " + p + " is not held by task attempt "
          + head.taskAttemptId()));
      return;
    }
    if (answers == null || head.number() != number || head.kind() != kind || answers[p] != null) {
      callback.onFailure(new IllegalStateException("partition " + p + ": unexpected answer to work "
          + head.number()));
      return;
    }
    if (body instanceof Wire.SumsTail tail) {
      int received;
      synchronized (slot) {
        received = slot.valuesNumber == number ? slot.received : 0;
      }
      if (tail.length() >= 0 && (tail.length() != architecture.numParameters() || received != tail.length())) {
        callback.onFailure(new IllegalStateException("partition " + p + ": expected " + tail.length()
            + " gradient sums in chunks of work " + number + ", found " + received));
        return;
      }
      body = GradientSums.of(architecture, tail.length() < 0 ? null : slot.values, tail.costSum(), tail.count(),
          tail.positives(), tail.weightSum(), tail.sampleWeighted());
    }
    answers[p] = body;
    answered++;
    slot.since = System.nanoTime();
    if (stopped) {
      callback.onSuccess(Wire.stop());
    } else {
      slot.waiting = callback;
    }
    if (answered == slots.length) {
      notifyAll();
    }
  }

  @Override
  public void channelInactive(TransportClient client) {
    disconnected(client);
  }

  /** A connection closed, or a task in this JVM ended: its partition waits for a retried task. */
  synchronized void disconnected(Object client) {
    if (!greeted.remove(client)) {
      LOG.warn("resident exchange: a connection from {} closed without greeting: refused by authentication, or "
          + "not a task of this run", address(client));
      return;
    }
    for (int p = 0; p < slots.length; p++) {
      if (slots[p].client == client) {
        synchronized (slots[p]) {
          slots[p].client = null;
        }
        slots[p].waiting = null;
        if (!stopped) {
          LOG.warn("resident exchange: the connection of partition {} ({}) closed", p, task(slots[p].hello));
        }
      }
    }
  }

  @Override
  public void exceptionCaught(Throwable cause, TransportClient client) {
    LOG.warn("resident exchange: connection from {} failed: {}", client.getSocketAddress(), cause.toString());
  }

  @Override
  public StreamManager getStreamManager() {
    return streams;
  }

  private void checkUsable() {
    if (failure != null) {
      throw new IllegalStateException("the resident training stage failed: " + failure.getMessage(), failure);
    }
    if (stopped) {
      throw new IllegalStateException("the resident exchange has been stopped");
    }
  }

  private String silent(int p) {
    Slot slot = slots[p];
    if (slot.hello == null) {
      return "no resident task of partition " + p + " connected within " + timeoutSeconds
          + " s (--task-timeout) to compute " + roundName;
    }
    return "partition " + p + "'s resident " + task(slot.hello) + " did not answer " + roundName + " within "
        + timeoutSeconds + " s (--task-timeout)"
        + (slot.client == null ? "; its connection had closed" : "");
  }

  private static Object address(Object client) {
    return client instanceof TransportClient network ? network.getSocketAddress() : "this JVM";
  }

  private static String task(Hello hello) {
    return "task (attempt " + hello.taskAttemptId() + ", stage attempt " + hello.stageAttempt() + ") on executor "
        + hello.executorId() + " at " + hello.host();
  }
}
