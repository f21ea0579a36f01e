package org.sparkdnn.spark.resident;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.train.Batch;

/**
 * The resident engine's messages, packed little-endian binary: no Java serialization, doubles copied once into or
 * out of the buffer in bulk. A task asks, the driver answers:
 * <pre>
 *   task → driver  HELLO  (partition, stage attempt, task attempt id, executor id, host)
 *   task → driver  ANSWER (partition, task attempt id, work number, kind, cost sum, count and labels 1, or counts)
 *   driver → task  WORK   (work number, kind, threshold, batch, number of parameters)  the reply to a HELLO or an ANSWER
 *   driver → task  STOP                                                        likewise, once training has ended
 * </pre>
 * The parameters of a WORK and the gradient sums of an ANSWER travel just before it as one-way CHUNK messages of at
 * most {@value #CHUNK_VALUES} doubles (work number, partition and task attempt, total, offset, count, values), written
 * back to back into one buffer and sent as views of it. A 2 MB message would reach the receiver as a composite of
 * network buffers that Spark's transport copies into one fresh array, a humongous allocation for G1 every time; a
 * chunk's copy is small, the receiver decodes it while the next is on the wire, straight into its own array, reused
 * from round to round.
 * Kind {@link Kind#SUMS}: gradient sums over the task's training blocks; {@link Kind#COUNTS}: confusion counts over
 * its test blocks; {@link Kind#VALIDATION_COUNTS}: over its validation blocks.
 */
final class Wire {
  static final byte HELLO = 1;
  static final byte ANSWER = 2;
  static final byte WORK = 3;
  static final byte STOP = 4;
  static final byte CHUNK = 5;

  /** Doubles per chunk, 256 KiB: smaller chunks measured slower (more wake-ups), as did 1 MiB (larger copies). */
  static final int CHUNK_VALUES = 32768;
  /** type, work number, partition, task attempt id, total, offset, count. */
  private static final int CHUNK_HEADER = 1 + 4 + 4 + 8 + 4 + 4 + 4;
  private static final int CHUNK_BYTES = CHUNK_HEADER + 8 * CHUNK_VALUES;

  /** What a piece of work asks of a task. */
  enum Kind {
    SUMS, COUNTS, VALIDATION_COUNTS
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
  record Work(int number, Kind kind, double threshold, Batch batch, double[] parameters) {}

  /**
   * A WORK message: what its chunks carried, and how many parameters they held; {@code batch} says which training
   * samples a {@link Kind#SUMS} round sums over (epoch and index, −1 and −1 for all).
   */
  record WorkHead(int number, Kind kind, double threshold, Batch batch, int length) {
    ByteBuffer encode() {
      return order(ByteBuffer.allocate(1 + 4 + 1 + 8 + 4 + 4 + 4)).put(WORK).putInt(number)
          .put((byte) kind.ordinal()).putDouble(threshold).putInt(batch.epoch()).putInt(batch.index()).putInt(length)
          .flip();
    }

    /** Reads a WORK message whose type byte has been read. */
    static WorkHead decode(ByteBuffer in) {
      return new WorkHead(in.getInt(), Kind.values()[in.get()], in.getDouble(), new Batch(in.getInt(), in.getInt()),
          in.getInt());
    }
  }

  /** A chunk's header; its values follow in the buffer. */
  record ChunkHead(int number, int partition, long taskAttemptId, int total, int offset, int count) {
    /** Reads a chunk header whose type byte has been read. */
    static ChunkHead decode(ByteBuffer in) {
      ChunkHead head = new ChunkHead(in.getInt(), in.getInt(), in.getLong(), in.getInt(), in.getInt(), in.getInt());
      if (head.total < 0 || head.offset < 0 || head.count < 0 || head.count > CHUNK_VALUES
          || head.offset > head.total - head.count || in.remaining() != 8 * head.count) {
        throw new IllegalArgumentException("malformed chunk " + head + " of " + in.remaining() + " bytes");
      }
      return head;
    }

    /** Copies the chunk's values into {@code into} at their offset. */
    void readValues(ByteBuffer in, double[] into) {
      in.asDoubleBuffer().get(into, offset, count);
    }
  }

  /**
   * Writes {@code values} as CHUNK messages back to back into {@code into} (reused when large enough) and returns
   * the buffer; {@link #slices} gives the messages. {@code partition} and {@code taskAttemptId} say whose they are
   * (−1 for the driver's parameters).
   * Shapes: values (P).
   */
  static ByteBuffer chunks(ByteBuffer into, int number, int partition, long taskAttemptId, double[] values) {
    int chunks = (values.length + CHUNK_VALUES - 1) / CHUNK_VALUES;
    ByteBuffer out = reuse(into, chunks * CHUNK_HEADER + 8 * values.length);
    for (int k = 0; k < chunks; k++) {
      int offset = k * CHUNK_VALUES;
      int count = Math.min(CHUNK_VALUES, values.length - offset);
      out.position(k * CHUNK_BYTES);
      out.put(CHUNK).putInt(number).putInt(partition).putLong(taskAttemptId).putInt(values.length).putInt(offset)
          .putInt(count);
      out.asDoubleBuffer().put(values, offset, count);
    }
    return out.position(0);
  }

  /** The CHUNK messages of a buffer {@link #chunks} wrote for {@code length} values, as views of it. */
  static ByteBuffer[] slices(ByteBuffer chunks, int length) {
    ByteBuffer[] slices = new ByteBuffer[(length + CHUNK_VALUES - 1) / CHUNK_VALUES];
    for (int k = 0; k < slices.length; k++) {
      int count = Math.min(CHUNK_VALUES, length - k * CHUNK_VALUES);
      slices[k] = chunks.duplicate().position(k * CHUNK_BYTES).limit(k * CHUNK_BYTES + CHUNK_HEADER + 8 * count)
          .slice();
    }
    return slices;
  }

  /** A STOP message. */
  static ByteBuffer stop() {
    return order(ByteBuffer.allocate(1)).put(STOP).flip();
  }

  /**
   * Writes an ANSWER for gradient sums whose values went ahead as chunks: cost sum, count, samples labelled 1 (for
   * class weights' Σw), the samples' own Σw and whether they had weights (1 or 0), and the number of values (−1
   * when no sample was added, and no chunk sent).
   */
  static ByteBuffer answer(AnswerHead head, GradientSums sums) {
    double[] values = sums.valuesOrNull();
    ByteBuffer out = head(order(ByteBuffer.allocate(ANSWER_HEAD + 8 + 8 + 8 + 8 + 1 + 4)), head);
    return out.putDouble(sums.costSum()).putLong(sums.count()).putLong(sums.positives())
        .putDouble(sums.weightSum()).put((byte) (sums.sampleWeighted() ? 1 : 0))
        .putInt(values == null ? -1 : values.length).flip();
  }

  /**
   * The cost sum, count, samples labelled 1, sample weights' Σw and presence, and number of values of a SUMS answer
   * whose head has been read.
   */
  record SumsTail(double costSum, long count, long positives, double weightSum, boolean sampleWeighted,
      int length) {
    static SumsTail decode(ByteBuffer in) {
      return new SumsTail(in.getDouble(), in.getLong(), in.getLong(), in.getDouble(), in.get() == 1, in.getInt());
    }
  }

  /** Writes an ANSWER carrying confusion counts (tp, fp, tn, fn, log-loss sum). */
  static ByteBuffer answer(AnswerHead head, ConfusionCounts counts) {
    ByteBuffer out = head(order(ByteBuffer.allocate(ANSWER_HEAD + 4 * 8 + 8)), head);
    out.putLong(counts.tp()).putLong(counts.fp()).putLong(counts.tn()).putLong(counts.fn())
        .putDouble(counts.logLossSum());
    return out.flip();
  }

  /** Reads the confusion counts of an answer whose head has been read. */
  static ConfusionCounts readCounts(ByteBuffer in) {
    return ConfusionCounts.of(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getDouble());
  }

  /** The message's type byte, with the buffer set to little-endian. */
  static byte type(ByteBuffer in) {
    return order(in).get();
  }

  /** type, partition, task attempt id, work number, kind. */
  private static final int ANSWER_HEAD = 1 + 4 + 8 + 4 + 1;

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
