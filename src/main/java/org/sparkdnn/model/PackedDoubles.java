package org.sparkdnn.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code double[]} that Java serialization writes as one block of bytes. Spark ships the parameters and the
 * gradient sums every iteration; {@code ObjectOutputStream} writes a plain {@code double[]} element by element,
 * which for a million parameters costs more than the arithmetic. Used for the broadcast parameters and inside
 * {@link GradientSums}.
 */
public final class PackedDoubles implements Serializable {
  private static final long serialVersionUID = 1L;

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

  /** Writes the length, then the values as little-endian bytes in one block. */
  static void write(ObjectOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(values.length, Double.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.asDoubleBuffer().put(values);
    out.write(bytes.array());
  }

  /** Reads what {@link #write} wrote. */
  static double[] read(ObjectInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("packed doubles: expected a length of 0 or more, found " + length);
    }
    byte[] bytes = new byte[Math.multiplyExact(length, Double.BYTES)];
    in.readFully(bytes);
    double[] values = new double[length];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }
}
