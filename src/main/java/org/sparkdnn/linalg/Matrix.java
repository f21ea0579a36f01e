package org.sparkdnn.linalg;

/**
 * A dense column-major matrix view over a slice of a {@code double[]}: element (i, j) lives at
 * {@code data[offset + i + j * rows]}. Views share storage, so a layer's {@code W[l]} can be a window
 * into one flat parameter vector without copying.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data;
  private final int offset;

  private Matrix(int rows, int cols, double[] data, int offset) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.offset = offset;
  }

  /** A view of {@code rows × cols} elements of {@code data} starting at {@code offset}. */
  public static Matrix wrap(int rows, int cols, double[] data, int offset) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "matrix shape must be non-negative, found (" + rows + ", " + cols + ")");
    }
    long end = (long) offset + (long) rows * cols;
    if (offset < 0 || end > data.length) {
      throw new IllegalArgumentException("a (" + rows + ", " + cols + ") view at offset " + offset
          + " needs " + end + " elements, found an array of " + data.length);
    }
    return new Matrix(rows, cols, data, offset);
  }

  /** A view of the whole array, which must hold exactly {@code rows × cols} elements. */
  public static Matrix wrap(int rows, int cols, double[] data) {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException("a (" + rows + ", " + cols + ") matrix needs "
          + (long) rows * cols + " elements, found " + data.length);
    }
    return wrap(rows, cols, data, 0);
  }

  /** A new zero matrix. */
  public static Matrix zeros(int rows, int cols) {
    return wrap(rows, cols, new double[Math.multiplyExact(rows, cols)], 0);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing array (shared, not copied). */
  public double[] data() {
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

  public double get(int i, int j) {
    return data[index(i, j)];
  }

  public void set(int i, int j, double value) {
    data[index(i, j)] = value;
  }

  private int index(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException(
          "index (" + i + ", " + j + ") outside a (" + rows + ", " + cols + ") matrix");
    }
    return offset + i + j * rows;
  }

  /** "(rows, cols)", the notation used in shape errors. */
  public String shape() {
    return "(" + rows + ", " + cols + ")";
  }

  @Override
  public String toString() {
    return "Matrix" + shape();
  }
}
