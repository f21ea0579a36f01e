package org.sparkdnn.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * A {@code double[]} that Java serialization writes as raw bytes, converted in chunks, so neither side holds an
 * array of bytes of its whole size. Spark ships the parameters and the gradient sums every iteration;
 * {@code ObjectOutputStream} writes a plain {@code double[]} element by element, which for a million parameters
 * costs more than the arithmetic. Used for the broadcast parameters and inside {@link GradientSums}.
 */
public final class PackedDoubles implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Values converted per chunk (64 kB): no second array of the whole size on either side. */
  private static final int CHUNK_VALUES = 8192;

  private transient double[] values;

  public PackedDoubles(double[] values) {
    this.values = values;
  }

  /** The array (shared, not copied). */
  public double[] values() {
    return values;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    write(out, values);
  }

  private void readObject(ObjectInputStream in) throws IOException {
    values = read(in);
  }

  /** Writes the length, then the values as little-endian bytes, converted {@value #CHUNK_VALUES} at a time. */
  static void write(ObjectOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer chunk = ByteBuffer.allocate(Math.min(values.length, CHUNK_VALUES) * Double.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    DoubleBuffer view = chunk.asDoubleBuffer();
    for (int from = 0; from < values.length; from += CHUNK_VALUES) {
      int count = Math.min(CHUNK_VALUES, values.length - from);
      view.clear();
      view.put(values, from, count);
      out.write(chunk.array(), 0, count * Double.BYTES);
    }
  }

  /** Reads what {@link #write} wrote. */
  static double[] read(ObjectInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("packed doubles: expected a length of 0 or more, found " + length);
    }
    double[] values = new double[length];
    byte[] chunk = new byte[Math.min(length, CHUNK_VALUES) * Double.BYTES];
    DoubleBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    for (int from = 0; from < length; from += CHUNK_VALUES) {
      int count = Math.min(CHUNK_VALUES, length - from);
      in.readFully(chunk, 0, count * Double.BYTES);
      view.clear();
      view.get(values, from, count);
    }
    return values;
  }
}
