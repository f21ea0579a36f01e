package org.sparkdnn.linalg;

/**
 * A dense column-major matrix view over a slice of a {@code float[]}, the single-precision twin of {@link Matrix}:
 * element (i, j) lives at {@code data[offset + i + j * rows]}.
 */
public final class FloatMatrix {
  private final int rows;
  private final int cols;
  private final float[] data;
  private final int offset;

  private FloatMatrix(int rows, int cols, float[] data, int offset) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.offset = offset;
  }

  /** A view of {@code rows × cols} elements of {@code data} starting at {@code offset}. */
  public static FloatMatrix wrap(int rows, int cols, float[] data, int offset) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "matrix shape must be non-negative, found (" + rows + ", " + cols + ")");
    }
    long end = (long) offset + (long) rows * cols;
    if (offset < 0 || end > data.length) {
      throw new IllegalArgumentException("a (" + rows + ", " + cols + ") view at offset " + offset
          + " needs " + end + " elements, found an array of " + data.length);
    }
    return new FloatMatrix(rows, cols, data, offset);
  }

  /** A new zero matrix. */
  public static FloatMatrix zeros(int rows, int cols) {
    return wrap(rows, cols, new float[Math.multiplyExact(rows, cols)], 0);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing array (shared, not copied). */
  public float[] data() {
    return data;
  }

  /** Index of element (0, 0) in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** Number of elements, {@code rows × cols}. */
  public int size() {
    return rows * cols;
  }

  public float get(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException(
          "index (" + i + ", " + j + ") outside a (" + rows + ", " + cols + ") matrix");
    }
    return data[offset + i + j * rows];
  }

  /** "(rows, cols)", the notation used in shape errors. */
  public String shape() {
    return "(" + rows + ", " + cols + ")";
  }

  @Override
  public String toString() {
    return "FloatMatrix" + shape();
  }
}
