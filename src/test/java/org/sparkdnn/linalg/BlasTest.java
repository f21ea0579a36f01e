package org.sparkdnn.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Blas#gemm} against a naive triple loop, and the shape checks of {@link Blas} and {@link Matrix}.
 *
 * <p>Every operand is a view at a non-zero offset inside a larger array filled with sentinels, so the test
 * also checks that the leading dimensions and offsets are passed correctly and that nothing outside C is
 * written.
 */
class BlasTest {

  /** (m, n, k): op(A) is (m, k), op(B) is (k, n), C is (m, n). */
  private static final int[][] SHAPES = {
      {1, 1, 1}, // 1×1
      {1, 6, 4}, // m = 1
      {5, 1, 3}, // n = 1
      {4, 3, 1}, // k = 1
      {1, 1, 7}, // a dot product
      {6, 5, 1}, // an outer product
      {2, 3, 4},
      {5, 2, 7},
      {7, 6, 5},
      {33, 17, 29}, // big enough for blocked/vectorised kernels, with ragged edges
  };

  /** (alpha, beta). */
  private static final double[][] SCALARS = {
      {1.0, 0.0},
      {1.0, 1.0},
      {-0.75, 2.5},
      {2.0, -1.0},
      {0.3, 0.0},
  };

  private static final double SENTINEL = -12345.678;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (int[] shape : SHAPES) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (double[] s : SCALARS) {
            cases.add(Arguments.of(shape[0], shape[1], shape[2], transA, transB, s[0], s[1]));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} alpha={5} beta={6}")
  @MethodSource("cases")
  void gemmMatchesNaiveTripleLoop(int m, int n, int k, boolean transA, boolean transB, double alpha,
      double beta) {
    Random random = new Random(31L * m + 17L * n + 7L * k + (transA ? 1 : 0) + (transB ? 2 : 0));
    // Stored shapes: A is (m, k) or (k, m), B is (k, n) or (n, k).
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    Matrix a = randomView(random, aRows, aCols, 3, 5);
    Matrix b = randomView(random, bRows, bCols, 7, 2);
    Matrix c = randomView(random, m, n, 4, 6);
    if (beta == 0.0) {
      // beta = 0: C need not be initialised; garbage (NaN, infinities) must not leak into the result.
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          c.set(i, j, (i + j) % 3 == 0 ? Double.NaN : (i + j) % 3 == 1 ? Double.POSITIVE_INFINITY : 1e300);
        }
      }
    }
    double[] aBefore = a.data().clone();
    double[] bBefore = b.data().clone();
    double[] cBefore = c.data().clone();

    Blas.gemm(alpha, a, transA, b, transB, beta, c);

    assertArrayEquals(aBefore, a.data(), "A must not be modified");
    assertArrayEquals(bBefore, b.data(), "B must not be modified");
    for (int p = 0; p < cBefore.length; p++) {
      if (p < c.offset() || p >= c.offset() + c.size()) {
        assertEquals(cBefore[p], c.data()[p], 0.0, "element " + p + " outside the C view was written");
      }
    }
    Matrix old = Matrix.wrap(m, n, cBefore, c.offset());
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0.0;
        double magnitude = 0.0;
        for (int p = 0; p < k; p++) {
          double term = opGet(a, transA, i, p) * opGet(b, transB, p, j);
          sum += term;
          magnitude += Math.abs(term);
        }
        double expected = alpha * sum;
        magnitude = Math.abs(alpha) * magnitude;
        if (beta != 0.0) {
          expected += beta * old.get(i, j);
          magnitude += Math.abs(beta * old.get(i, j));
        }
        double actual = c.get(i, j);
        double tolerance = 4.0 * (k + 2) * Math.ulp(1.0) * magnitude + Double.MIN_NORMAL;
        if (!(Math.abs(actual - expected) <= tolerance)) {
          fail("C(" + i + ", " + j + "): expected " + expected + ", found " + actual
              + " (tolerance " + tolerance + ")");
        }
      }
    }
  }

  @Test
  void oneByOneIsExact() {
    double[] a = {SENTINEL, 3.0};
    double[] b = {SENTINEL, SENTINEL, -4.0, SENTINEL};
    double[] c = {SENTINEL, SENTINEL, SENTINEL, 10.0, SENTINEL};
    Blas.gemm(0.5, Matrix.wrap(1, 1, a, 1), false, Matrix.wrap(1, 1, b, 2), true, 2.0,
        Matrix.wrap(1, 1, c, 3));
    // 0.5 · 3 · (−4) + 2 · 10 = 14
    assertArrayEquals(new double[] {SENTINEL, SENTINEL, SENTINEL, 14.0, SENTINEL}, c);
  }

  @Test
  void smallProductIsExact() {
    // A (2, 3) column-major = [[1, 2, 3], [4, 5, 6]]; B (3, 2) = [[7, 8], [9, 10], [11, 12]]
    Matrix a = Matrix.wrap(2, 3, new double[] {1, 4, 2, 5, 3, 6});
    Matrix b = Matrix.wrap(3, 2, new double[] {7, 9, 11, 8, 10, 12});
    Matrix c = Matrix.wrap(2, 2, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    Blas.gemm(1.0, a, false, b, false, 0.0, c);
    // [[58, 64], [139, 154]]
    assertArrayEquals(new double[] {58, 139, 64, 154}, c.data());
    // Aᵀ·Aᵀᵀ... (3, 2)·(2, 3): Aᵀ·A = [[17, 22, 27], [22, 29, 36], [27, 36, 45]]
    Matrix d = Matrix.zeros(3, 3);
    Blas.gemm(1.0, a, true, a, false, 0.0, d);
    assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, d.data());
  }

  @Test
  void emptyInnerDimensionScalesCByBeta() {
    Matrix a = Matrix.wrap(2, 0, new double[0]);
    Matrix b = Matrix.wrap(0, 3, new double[0]);
    Matrix c = Matrix.wrap(2, 3, new double[] {1, 2, 3, 4, 5, 6});
    Blas.gemm(1.0, a, false, b, false, 0.5, c);
    assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, c.data());

    // transposed operands, a C view inside a larger array, beta = 0 over garbage
    double[] cData = {SENTINEL, Double.NaN, Double.NaN, Double.NaN, Double.NaN, SENTINEL};
    Blas.gemm(1.0, Matrix.wrap(0, 2, new double[0]), true, Matrix.wrap(2, 0, new double[0]), true, 0.0,
        Matrix.wrap(2, 2, cData, 1));
    assertArrayEquals(new double[] {SENTINEL, 0, 0, 0, 0, SENTINEL}, cData);
  }

  @Test
  void emptyOutputIsANoOp() {
    double[] data = {SENTINEL, SENTINEL};
    Blas.gemm(1.0, Matrix.wrap(0, 2, data, 1), false, Matrix.wrap(2, 1, data, 0), false, 0.0,
        Matrix.wrap(0, 1, data, 2));
    assertArrayEquals(new double[] {SENTINEL, SENTINEL}, data);
  }

  // ---------------------------------------------------------------- shape errors

  @Test
  void innerDimensionMismatchNamesBothShapes() {
    // op(A) (2, 3), op(B) (4, 5): op(B) must have 3 rows.
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        Matrix a = transA ? Matrix.zeros(3, 2) : Matrix.zeros(2, 3);
        Matrix b = transB ? Matrix.zeros(5, 4) : Matrix.zeros(4, 5);
        Matrix c = Matrix.wrap(2, 5, filled(10, 7.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Blas.gemm(1.0, a, transA, b, transB, 0.0, c));
        String where = " (transA=" + transA + ", transB=" + transB + "): " + e.getMessage();
        assertContains(e.getMessage(), "(2, 3)", "op(A)'s shape" + where);
        assertContains(e.getMessage(), "3 rows", "the expected inner dimension" + where);
        assertContains(e.getMessage(), "(4, 5)", "op(B)'s found shape" + where);
        assertArrayEquals(filled(10, 7.0), c.data(), "C must be untouched after a shape error");
      }
    }
  }

  @Test
  void outputShapeMismatchNamesBothShapes() {
    // op(A) (2, 3), op(B) (3, 5): C must be (2, 5).
    int[][] wrongC = {{2, 4}, {5, 2}, {3, 5}, {1, 1}};
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        for (int[] shape : wrongC) {
          Matrix a = transA ? Matrix.zeros(3, 2) : Matrix.zeros(2, 3);
          Matrix b = transB ? Matrix.zeros(5, 3) : Matrix.zeros(3, 5);
          Matrix c = Matrix.wrap(shape[0], shape[1], filled(shape[0] * shape[1], 7.0));
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> Blas.gemm(1.0, a, transA, b, transB, 1.0, c));
          String found = "(" + shape[0] + ", " + shape[1] + ")";
          assertContains(e.getMessage(), "(2, 5)", "the expected C shape: " + e.getMessage());
          assertContains(e.getMessage(), found, "the found C shape: " + e.getMessage());
          assertArrayEquals(filled(shape[0] * shape[1], 7.0), c.data());
        }
      }
    }
  }

  @Test
  void implementationIsNamed() {
    assertTrue(Blas.implementationName().startsWith("dev.ludovic.netlib.blas."),
        Blas.implementationName());
  }

  // ---------------------------------------------------------------- Matrix

  @Test
  void matrixIsColumnMajorAtItsOffset() {
    double[] data = {SENTINEL, SENTINEL, 1, 2, 3, 4, 5, 6, SENTINEL};
    Matrix m = Matrix.wrap(2, 3, data, 2);
    assertEquals(2, m.rows());
    assertEquals(3, m.cols());
    assertEquals(6, m.size());
    assertEquals(2, m.offset());
    assertEquals("(2, 3)", m.shape());
    assertEquals(1.0, m.get(0, 0));
    assertEquals(2.0, m.get(1, 0));
    assertEquals(3.0, m.get(0, 1));
    assertEquals(6.0, m.get(1, 2));
    m.set(1, 1, 40.0);
    assertEquals(40.0, data[5]);
    assertEquals(SENTINEL, data[8]);
  }

  @Test
  void wrapRejectsNegativeShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Matrix.wrap(-1, 3, new double[10], 0));
    assertContains(e.getMessage(), "non-negative", e.getMessage());
    assertContains(e.getMessage(), "(-1, 3)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, -4, new double[10], 0));
    assertContains(e.getMessage(), "(2, -4)", e.getMessage());
  }

  @Test
  void wrapRejectsViewsOutsideTheArray() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Matrix.wrap(2, 3, new double[10], 5));
    assertContains(e.getMessage(), "(2, 3)", e.getMessage());
    assertContains(e.getMessage(), "offset 5", e.getMessage());
    assertContains(e.getMessage(), "needs 11 elements", e.getMessage());
    assertContains(e.getMessage(), "array of 10", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 3, new double[10], -1));
    assertContains(e.getMessage(), "offset -1", e.getMessage());
    assertContains(e.getMessage(), "array of 10", e.getMessage());

    // rows·cols overflows int: must be caught, not wrap around.
    e = assertThrows(IllegalArgumentException.class,
        () -> Matrix.wrap(Integer.MAX_VALUE, 4, new double[10], 0));
    assertContains(e.getMessage(), "array of 10", e.getMessage());

    // exactly fitting at the end is fine
    Matrix fits = Matrix.wrap(2, 3, new double[10], 4);
    assertEquals(4, fits.offset());
  }

  @Test
  void wrapWholeArrayRequiresTheExactLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Matrix.wrap(2, 3, new double[5]));
    assertContains(e.getMessage(), "(2, 3)", e.getMessage());
    assertContains(e.getMessage(), "needs 6 elements", e.getMessage());
    assertContains(e.getMessage(), "found 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Matrix.wrap(2, 3, new double[7]));
    assertContains(e.getMessage(), "found 7", e.getMessage());
  }

  @Test
  void indexOutsideTheMatrixNamesIndexAndShape() {
    Matrix m = Matrix.zeros(2, 3);
    int[][] bad = {{2, 0}, {0, 3}, {-1, 0}, {0, -1}};
    for (int[] ij : bad) {
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> m.get(ij[0], ij[1]));
      assertContains(e.getMessage(), "(" + ij[0] + ", " + ij[1] + ")", e.getMessage());
      assertContains(e.getMessage(), "(2, 3)", e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> m.set(ij[0], ij[1], 1.0));
    }
    // A view must not reach into the rest of its array through a too-large row index.
    Matrix view = Matrix.wrap(2, 2, new double[8], 2);
    assertThrows(IndexOutOfBoundsException.class, () -> view.get(2, 0));
  }

  @Test
  void zerosAllocatesAZeroMatrix() {
    Matrix z = Matrix.zeros(3, 4);
    assertEquals(12, z.data().length);
    assertEquals(0, z.offset());
    for (double v : z.data()) {
      assertEquals(0.0, v);
    }
    assertThrows(ArithmeticException.class, () -> Matrix.zeros(1 << 16, 1 << 16));
  }

  // ---------------------------------------------------------------- helpers

  /** A random (rows, cols) view inside an array with {@code before} and {@code after} sentinels. */
  private static Matrix randomView(Random random, int rows, int cols, int before, int after) {
    double[] data = new double[before + rows * cols + after];
    java.util.Arrays.fill(data, SENTINEL);
    for (int p = before; p < before + rows * cols; p++) {
      data[p] = 2.0 * random.nextDouble() - 1.0;
    }
    return Matrix.wrap(rows, cols, data, before);
  }

  private static double opGet(Matrix x, boolean trans, int i, int j) {
    return trans ? x.get(j, i) : x.get(i, j);
  }

  private static double[] filled(int size, double value) {
    double[] data = new double[size];
    java.util.Arrays.fill(data, value);
    return data;
  }

  private static void assertContains(String text, String part, String what) {
    assertFalse(text == null, "no message");
    assertTrue(text.contains(part), "message should contain '" + part + "' (" + what + ")");
  }
}
