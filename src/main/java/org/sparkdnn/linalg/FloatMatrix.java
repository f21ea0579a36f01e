package org.sparkdnn.linalg;

/** A {@link DenseMatrix} over a {@code float[]}, for the single-precision passes. */
public final class FloatMatrix extends DenseMatrix<float[]> {
  private FloatMatrix(int rows, int cols, float[] data, int offset) {
    super(rows, cols, data, offset, data.length);
  }

  /** A view of {@code rows × cols} elements of {@code data} starting at {@code offset}. */
  public static FloatMatrix wrap(int rows, int cols, float[] data, int offset) {
    return new FloatMatrix(rows, cols, data, offset);
  }

  /** A new zero matrix. */
  public static FloatMatrix zeros(int rows, int cols) {
    return wrap(rows, cols, new float[Math.multiplyExact(rows, cols)], 0);
  }

  public float get(int i, int j) {
    return data()[index(i, j)];
  }
}
