package org.sparkdnn.linalg;

/**
 * A dense column-major matrix view over a slice of a primitive array, in either precision ({@link Matrix} over a
 * {@code double[]}, {@link FloatMatrix} over a {@code float[]}): element (i, j) lives at
 * {@code data[offset + i + j * rows]}. Views share storage, so a layer's {@code W[l]} can be a window into one flat
 * parameter vector without copying. {@code A} is the array type, {@code double[]} or {@code float[]}.
 */
public abstract sealed class DenseMatrix<A> permits Matrix, FloatMatrix {
  private final int rows;
  private final int cols;
  private final A data;
  private final int offset;

  DenseMatrix(int rows, int cols, A data, int offset, int arrayLength) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "matrix shape must be non-negative, found (" + rows + ", " + cols + ")");
    }
    long end = (long) offset + (long) rows * cols;
    if (offset < 0 || end > arrayLength) {
      throw new IllegalArgumentException("a (" + rows + ", " + cols + ") view at offset " + offset
          + " needs " + end + " elements, found an array of " + arrayLength);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.offset = offset;
  }

  /** The backing array (shared, not copied). */
  public final A data() {
    return data;
  }

  public final int rows() {
    return rows;
  }

  public final int cols() {
    return cols;
  }

  /** Index of element (0, 0) in the backing array. */
  public final int offset() {
    return offset;
  }

  /** Number of elements, {@code rows × cols}. */
  public final int size() {
    return rows * cols;
  }

  /** The index of element (i, j) in the backing array, checked against the shape. */
  final int index(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException(
          "index (" + i + ", " + j + ") outside a (" + rows + ", " + cols + ") matrix");
    }
    return offset + i + j * rows;
  }

  /** "(rows, cols)", the notation used in shape errors. */
  public final String shape() {
    return "(" + rows + ", " + cols + ")";
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + shape();
  }
}
