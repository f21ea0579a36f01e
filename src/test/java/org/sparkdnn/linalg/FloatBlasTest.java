package org.sparkdnn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single-precision {@link Blas#gemm(float, FloatMatrix, boolean, FloatMatrix, boolean, float, FloatMatrix)}
 * (SGEMM) against a naive triple loop in double, on views at offsets inside arrays of sentinels, and its shape
 * checks.
 */
class FloatBlasTest {
  /** (m, n, k). */
  private static final int[][] SHAPES = {{1, 1, 1}, {1, 6, 4}, {5, 1, 3}, {4, 3, 1}, {7, 6, 5}, {33, 17, 29}};
  private static final float SENTINEL = -12345.5f;

  @Test
  void sgemmMatchesANaiveLoopForEveryShapeTransposeAndScalars() {
    Random random = new Random(11);
    int checked = 0;
    for (int[] shape : SHAPES) {
      int m = shape[0];
      int n = shape[1];
      int k = shape[2];
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (float[] s : new float[][] {{1.0f, 0.0f}, {-0.75f, 2.5f}}) {
            FloatMatrix a = filled(transA ? k : m, transA ? m : k, random);
            FloatMatrix b = filled(transB ? n : k, transB ? k : n, random);
            FloatMatrix c = filled(m, n, random);
            double[][] expected = new double[m][n];
            for (int i = 0; i < m; i++) {
              for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int q = 0; q < k; q++) {
                  sum += (double) (transA ? a.get(q, i) : a.get(i, q)) * (transB ? b.get(j, q) : b.get(q, j));
                }
                expected[i][j] = s[0] * sum + s[1] * c.get(i, j);
              }
            }
            Blas.gemm(s[0], a, transA, b, transB, s[1], c);
            String where = "(" + m + ", " + n + ", " + k + ") transA " + transA + " transB " + transB;
            for (int i = 0; i < m; i++) {
              for (int j = 0; j < n; j++) {
                double tolerance = 1e-5 * (k + 1) * Math.max(1.0, Math.abs(expected[i][j]));
                assertEquals(expected[i][j], c.get(i, j), tolerance, where + " at (" + i + ", " + j + ")");
              }
            }
            assertEquals(SENTINEL, c.data()[0], where + ": the element before C");
            assertEquals(SENTINEL, c.data()[c.data().length - 1], where + ": the element after C");
            checked++;
          }
        }
      }
    }
    assertEquals(SHAPES.length * 8, checked);
  }

  @Test
  void anEmptyInnerDimensionScalesC() {
    FloatMatrix c = FloatMatrix.wrap(2, 2, new float[] {1f, 2f, 3f, 4f}, 0);
    Blas.gemm(1.0f, FloatMatrix.zeros(2, 0), false, FloatMatrix.zeros(0, 2), false, 0.5f, c);
    assertEquals(2.0f, c.get(1, 1));
  }

  @Test
  void mismatchedShapesAreRefusedNamingBoth() {
    IllegalArgumentException inner = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(1.0f,
        FloatMatrix.zeros(2, 3), false, FloatMatrix.zeros(4, 2), false, 0.0f, FloatMatrix.zeros(2, 2)));
    assertTrue(inner.getMessage().contains("(2, 3)") && inner.getMessage().contains("(4, 2)"), inner.getMessage());
    IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> Blas.gemm(1.0f,
        FloatMatrix.zeros(2, 3), false, FloatMatrix.zeros(3, 2), false, 0.0f, FloatMatrix.zeros(3, 2)));
    assertTrue(output.getMessage().contains("(2, 2)") && output.getMessage().contains("(3, 2)"),
        output.getMessage());
  }

  /** A (rows, cols) view at offset 1 in an array with a sentinel before and after it, filled at random. */
  private static FloatMatrix filled(int rows, int cols, Random random) {
    float[] data = new float[rows * cols + 2];
    data[0] = SENTINEL;
    data[data.length - 1] = SENTINEL;
    for (int i = 1; i < data.length - 1; i++) {
      data[i] = random.nextFloat() * 2 - 1;
    }
    return FloatMatrix.wrap(rows, cols, data, 1);
  }
}
