package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparkdnn.testing.Close.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.testing.GoldenFile;

/**
 * {@link Initializer} against numpy ({@code src/test/python/gen_initializer_golden.py}, which writes
 * {@code golden/initializers.json}): for every W[l], the first and last values in row-major order bit for bit
 * (numpy's value, or where the generating platform's C log was not correctly rounded, the value a correctly
 * rounded log gives: the script's "cr_log_differs"), and the sum and sum of squares as checksums.
 */
class InitializerTest {
  private static final GoldenFile GOLDEN = GoldenFile.load("golden/initializers.json");
  private static final double SUM_REL = 1e-12;

  static Stream<Arguments> cases() {
    return IntStream.range(0, GOLDEN.node("cases").size())
        .mapToObj(i -> Arguments.of(GOLDEN.node("cases").get(i).get("name").textValue(), i));
  }

  @Test
  void theCourseCasesArePresent() {
    List<String> names = cases().map(a -> (String) a.get()[0]).toList();
    assertEquals(List.of("week3-shallow", "week4-two-layer", "week4-deep", "he-small", "xavier-small"), names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void weightsMatchNumpy(String name, int index) {
    JsonNode c = GOLDEN.node("cases").get(index);
    Initializer init = Initializer.parse(c.get("initializer").textValue());
    assertEquals(c.get("initializer").textValue(), init.label());
    Architecture arch = Architecture.withHidden(ints(c.get("layers")), Activation.RELU);
    Parameters p = init.initialize(arch, c.get("seed").longValue());

    JsonNode weights = c.get("weights");
    assertEquals(arch.numLayers(), weights.size(), name + ": one entry per layer");
    for (int l = 1; l <= arch.numLayers(); l++) {
      JsonNode w = weights.get(l - 1);
      String what = name + " W" + l;
      assertEquals(l, w.get("layer").intValue());
      Matrix W = p.W(l);
      assertEquals(w.get("shape").get(0).intValue(), W.rows(), what + " rows");
      assertEquals(w.get("shape").get(1).intValue(), W.cols(), what + " cols");
      int size = W.size();

      Map<Integer, Double> crLog = new HashMap<>();
      for (JsonNode d : w.get("cr_log_differs")) {
        crLog.put(d.get(0).intValue(), d.get(1).doubleValue());
      }
      JsonNode first = w.get("first");
      JsonNode last = w.get("last");
      assertEquals(Math.min(5, size), first.size(), what + ": first values in the golden file");
      assertEquals(Math.min(5, size), last.size(), what + ": last values in the golden file");
      for (int k = 0; k < first.size(); k++) {
        assertBits(crLog.getOrDefault(k, first.get(k).doubleValue()), rowMajor(W, k), what, k);
      }
      for (int t = 0; t < last.size(); t++) {
        int k = size - last.size() + t;
        assertBits(crLog.getOrDefault(k, last.get(t).doubleValue()), rowMajor(W, k), what, k);
      }
      // The platform-dependent positions themselves: NumpyRandom's correctly rounded log must give these.
      for (Map.Entry<Integer, Double> d : crLog.entrySet()) {
        assertBits(d.getValue(), rowMajor(W, d.getKey()), what + " (correctly rounded log)", d.getKey());
      }

      double[] sums = exactSums(W);
      assertClose(w.get("sum").doubleValue(), sums[0], SUM_REL, 0.0, what + " sum");
      assertClose(w.get("sum_of_squares").doubleValue(), sums[1], SUM_REL, 0.0, what + " sum of squares");

      Matrix b = p.b(l);
      for (int i = 0; i < b.rows(); i++) {
        assertEquals(0L, Double.doubleToRawLongBits(b.get(i, 0)), what + ": b" + l + "(" + i + ") must be +0.0");
      }
    }
  }

  /** The first draws of seeds 1 and 2 published in course-results.md, scaled by the course's formulas. */
  @Test
  void courseWeightsFromThePublishedStream() {
    double[] seed1 = {1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705,
        0.8654076293246785, -2.3015386968802827, 1.74481176421648, -0.7612069008951028};
    double[] seed2 = {-0.4167578474054706, -0.056266827226329474, -2.136196095668454, 1.6402708084049886,
        -1.7934355851948631, -0.841747365656204, 0.5028814171580428, -1.2452880866072316};

    // Week 3: W1 = randn(4, 2) * 0.01 takes all 8 draws; row-major, so W1(i, j) = draw[2i + j] * 0.01.
    Parameters week3 = Initializer.COURSE_SMALL.initialize(
        Architecture.withHidden(new int[] {2, 4, 1}, Activation.TANH), 2);
    for (int k = 0; k < 8; k++) {
      assertBits(seed2[k] * 0.01, week3.W(1).get(k / 2, k % 2), "week 3 W1", k);
    }
    // The course prints W2 = [[-0.01057952 -0.00909008  0.00551454  0.02292208]]
    double[] printedW2 = {-0.01057952, -0.00909008, 0.00551454, 0.02292208};
    for (int j = 0; j < 4; j++) {
      assertEquals(printedW2[j], week3.W(2).get(0, j), 5e-9, "week 3 W2(0," + j + ")");
    }

    Parameters twoLayer = Initializer.COURSE_SMALL.initialize(
        Architecture.withHidden(new int[] {12288, 7, 1}, Activation.RELU), 1);
    Parameters deep = Initializer.COURSE_DEEP.initialize(
        Architecture.withHidden(new int[] {12288, 20, 7, 5, 1}, Activation.RELU), 1);
    for (int k = 0; k < 8; k++) {
      assertBits(seed1[k] * 0.01, twoLayer.W(1).get(0, k), "week 4 two-layer W1", k);
      // a division by sqrt(n[0]), not a multiplication by its inverse
      assertBits(seed1[k] / Math.sqrt(12288), deep.W(1).get(0, k), "week 4 deep W1", k);
    }
  }

  @Test
  void heAndXavierScaleTheSameDraws() {
    Architecture arch = Architecture.withHidden(new int[] {6, 4, 3, 1}, Activation.RELU);
    Parameters he = Initializer.HE.initialize(arch, 7);
    Parameters xavier = Initializer.XAVIER.initialize(arch, 7);
    NumpyRandom random = new NumpyRandom(7);
    for (int l = 1; l <= arch.numLayers(); l++) {
      int rows = arch.units(l);
      int cols = arch.units(l - 1);
      for (int k = 0; k < rows * cols; k++) {
        double draw = random.nextGaussian();
        assertBits(draw * Math.sqrt(2.0 / cols), rowMajor(he.W(l), k), "he W" + l, k);
        assertBits(draw * Math.sqrt(2.0 / (cols + rows)), rowMajor(xavier.W(l), k), "xavier W" + l, k);
      }
    }
  }

  @Test
  void zerosGivesAllZero() {
    Architecture arch = Architecture.withHidden(new int[] {5, 4, 3, 1}, Activation.RELU);
    Parameters p = Initializer.ZEROS.initialize(arch, 1);
    assertEquals(arch.numParameters(), p.values().length);
    for (int i = 0; i < p.values().length; i++) {
      assertEquals(0L, Double.doubleToRawLongBits(p.values()[i]), "parameter " + i);
    }
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    Architecture arch = Architecture.withHidden(new int[] {5, 4, 3, 1}, Activation.RELU);
    for (Initializer init : List.of(Initializer.COURSE_SMALL, Initializer.COURSE_DEEP, Initializer.HE,
        Initializer.XAVIER)) {
      Parameters a = init.initialize(arch, 42);
      assertEquals(a, init.initialize(arch, 42), init + ": deterministic");
      assertNotEquals(a, init.initialize(arch, 43), init + ": depends on the seed");
      assertFalse(a.values() == init.initialize(arch, 42).values(), "fresh arrays");
    }
  }

  @Test
  void parseAcceptsLabelsAndVariants() {
    for (Initializer init : Initializer.values()) {
      assertEquals(init, Initializer.parse(init.label()));
      assertEquals(init, Initializer.parse(init.label().toUpperCase()));
      assertEquals(init.label(), init.toString());
    }
    assertEquals(Initializer.COURSE_DEEP, Initializer.parse("course_deep"));
    assertEquals(Initializer.COURSE_SMALL, Initializer.parse("  Course-Small "));
    assertEquals(Initializer.XAVIER, Initializer.parse("XAVIER"));
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Initializer.parse("glorot"));
    assertTrue(e.getMessage().contains("'glorot'"), e.getMessage());
    for (String label : List.of("zeros", "course-small", "course-deep", "he", "xavier")) {
      assertTrue(e.getMessage().contains(label), "message should list '" + label + "': " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Element k of W in numpy's row-major (ravel) order: i = k / cols, j = k % cols. */
  private static double rowMajor(Matrix W, int k) {
    return W.get(k / W.cols(), k % W.cols());
  }

  private static void assertBits(double expected, double actual, String what, int k) {
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
      fail(what + " [row-major " + k + "]: expected " + expected + ", found " + actual + " ("
          + Math.abs(expected - actual) / Math.ulp(expected) + " ulp)");
    }
  }

  /** Σw and Σw², with Neumaier compensation (the generator's are correctly rounded, math.fsum). */
  private static double[] exactSums(Matrix W) {
    double[] sum = new double[2];
    double[] compensation = new double[2];
    for (int j = 0; j < W.cols(); j++) {
      for (int i = 0; i < W.rows(); i++) {
        double v = W.get(i, j);
        double[] terms = {v, v * v};
        for (int s = 0; s < 2; s++) {
          double t = sum[s] + terms[s];
          compensation[s] += Math.abs(sum[s]) >= Math.abs(terms[s])
              ? (sum[s] - t) + terms[s] : (terms[s] - t) + sum[s];
          sum[s] = t;
        }
      }
    }
    return new double[] {sum[0] + compensation[0], sum[1] + compensation[1]};
  }

  private static int[] ints(JsonNode list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).intValue();
    }
    return out;
  }
}
