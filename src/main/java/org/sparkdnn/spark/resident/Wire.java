package org.sparkdnn.spark.resident;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;

/**
 * The resident engine's messages, packed little-endian binary: no Java serialization, doubles copied once into or
 * out of the buffer in bulk. A task asks, the driver answers:
 * <pre>
 *   task → driver  HELLO  (partition, stage attempt, task attempt id, executor id, host)
 *   task → driver  ANSWER (partition, task attempt id, work number, kind, sums or counts)
 *   driver → task  WORK   (work number, kind, threshold, parameters)     the reply to a HELLO or an ANSWER
 *   driver → task  STOP                                                  likewise, once training has ended
 * </pre>
 * Kind {@link Kind#SUMS}: gradient sums over the task's training blocks; {@link Kind#COUNTS}: confusion counts over
 * its test blocks.
 */
final class Wire {
  static final byte HELLO = 1;
  static final byte ANSWER = 2;
  static final byte WORK = 3;
  static final byte STOP = 4;

  /** What a piece of work asks of a task. */
  enum Kind {
    SUMS, COUNTS
  }

  private Wire() {}

  /** A task's greeting: who it is and where it runs, for the driver's messages. */
  record Hello(int partition, int stageAttempt, long taskAttemptId, String executorId, String host) {
    ByteBuffer encode() {
      byte[] executor = executorId.getBytes(StandardCharsets.UTF_8);
      byte[] hostBytes = host.getBytes(StandardCharsets.UTF_8);
      ByteBuffer out = order(ByteBuffer.allocate(1 + 4 + 4 + 8 + 4 + executor.length + 4 + hostBytes.length));
      out.put(HELLO).putInt(partition).putInt(stageAttempt).putLong(taskAttemptId);
      out.putInt(executor.length).put(executor).putInt(hostBytes.length).put(hostBytes);
      return out.flip();
    }

    /** Reads a hello whose type byte has been read. */
    static Hello decode(ByteBuffer in) {
      return new Hello(in.getInt(), in.getInt(), in.getLong(), text(in), text(in));
    }
  }

  /** The head of an answer; its body follows in the buffer. */
  record AnswerHead(int partition, long taskAttemptId, int number, Kind kind) {
    static AnswerHead decode(ByteBuffer in) {
      return new AnswerHead(in.getInt(), in.getLong(), in.getInt(), Kind.values()[in.get()]);
    }
  }

  /** A piece of work as a task reads it; {@code parameters} is the task's own reused array. */
  record Work(int number, Kind kind, double threshold, double[] parameters) {}

  /**
   * Writes a WORK message into {@code into} (reused when large enough) and returns the buffer to send.
   * Shapes: parameters (P), the flat layout of the architecture.
   */
  static ByteBuffer work(ByteBuffer into, int number, Kind kind, double threshold, double[] parameters) {
    ByteBuffer out = reuse(into, 1 + 4 + 1 + 8 + 4 + 8 * parameters.length);
    out.put(WORK).putInt(number).put((byte) kind.ordinal()).putDouble(threshold).putInt(parameters.length);
    out.asDoubleBuffer().put(parameters);
    return out.position(out.limit()).flip();
  }

  /**
   * Reads a WORK message whose type byte has been read; the parameters go into {@code reuse} when it has their
   * length.
   */
  static Work readWork(ByteBuffer in, double[] reuse) {
    int number = in.getInt();
    Kind kind = Kind.values()[in.get()];
    double threshold = in.getDouble();
    int length = in.getInt();
    double[] parameters = reuse != null && reuse.length == length ? reuse : new double[length];
    in.asDoubleBuffer().get(parameters);
    return new Work(number, kind, threshold, parameters);
  }

  /** A STOP message. */
  static ByteBuffer stop() {
    return order(ByteBuffer.allocate(1)).put(STOP).flip();
  }

  /** Writes an ANSWER carrying gradient sums (costSum, count, P or −1 when empty, the P sums). */
  static ByteBuffer answer(ByteBuffer into, AnswerHead head, GradientSums sums) {
    double[] values = sums.valuesOrNull();
    int length = values == null ? 0 : values.length;
    ByteBuffer out = head(reuse(into, 1 + 4 + 8 + 4 + 1 + 8 + 8 + 4 + 8 * length), head);
    out.putDouble(sums.costSum()).putLong(sums.count()).putInt(values == null ? -1 : length);
    if (values != null) {
      out.asDoubleBuffer().put(values);
    }
    return out.position(out.limit()).flip();
  }

  /** Writes an ANSWER carrying confusion counts (tp, fp, tn, fn, log-loss sum). */
  static ByteBuffer answer(ByteBuffer into, AnswerHead head, ConfusionCounts counts) {
    ByteBuffer out = head(reuse(into, 1 + 4 + 8 + 4 + 1 + 4 * 8 + 8), head);
    out.putLong(counts.tp()).putLong(counts.fp()).putLong(counts.tn()).putLong(counts.fn())
        .putDouble(counts.logLossSum());
    return out.flip();
  }

  /** Reads the gradient sums of an answer whose head has been read, into a new array. */
  static GradientSums readSums(ByteBuffer in, Architecture architecture) {
    double costSum = in.getDouble();
    long count = in.getLong();
    int length = in.getInt();
    double[] values = null;
    if (length >= 0) {
      values = new double[length];
      in.asDoubleBuffer().get(values);
    }
    return GradientSums.of(architecture, values, costSum, count);
  }

  /** Reads the confusion counts of an answer whose head has been read. */
  static ConfusionCounts readCounts(ByteBuffer in) {
    return ConfusionCounts.of(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getDouble());
  }

  /** The message's type byte, with the buffer set to little-endian. */
  static byte type(ByteBuffer in) {
    return order(in).get();
  }

  private static ByteBuffer head(ByteBuffer out, AnswerHead head) {
    return out.put(ANSWER).putInt(head.partition()).putLong(head.taskAttemptId()).putInt(head.number())
        .put((byte) head.kind().ordinal());
  }

  /** {@code into} cleared to {@code size} bytes if it can hold them, else a new direct buffer. */
  private static ByteBuffer reuse(ByteBuffer into, int size) {
    ByteBuffer out = into != null && into.capacity() >= size ? into.clear() : ByteBuffer.allocateDirect(size);
    return order(out.limit(size));
  }

  private static ByteBuffer order(ByteBuffer buffer) {
    return buffer.order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String text(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
