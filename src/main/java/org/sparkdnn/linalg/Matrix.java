package org.sparkdnn.linalg;

/** A {@link DenseMatrix} over a {@code double[]}. */
public final class Matrix extends DenseMatrix<double[]> {
  private Matrix(int rows, int cols, double[] data, int offset) {
    super(rows, cols, data, offset, data.length);
  }

  /** A view of {@code rows × cols} elements of {@code data} starting at {@code offset}. */
  public static Matrix wrap(int rows, int cols, double[] data, int offset) {
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

  public double get(int i, int j) {
    return data()[index(i, j)];
  }

  public void set(int i, int j, double value) {
    data()[index(i, j)] = value;
  }
}
