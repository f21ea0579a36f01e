package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sparkdnn.testing.GoldenFile;

/**
 * {@link FeatureMoments} and {@link Standardization} against numpy's {@code np.mean} and {@code np.std} (golden
 * file from {@code src/test/python/gen_standardize_golden.py}), and the transformation itself.
 */
class StandardizationTest {
  static final GoldenFile GOLDEN = GoldenFile.load("golden/standardize.json");

  /** The golden rows' features (n[0], m) as one float64 block, labels included. */
  static ColumnBlock goldenBlock() {
    JsonNode rows = GOLDEN.node("rows");
    int m = rows.size();
    int n = rows.get(0).size() - 1;
    double[] x = new double[n * m];
    double[] y = new double[m];
    for (int j = 0; j < m; j++) {
      y[j] = Double.parseDouble(rows.get(j).get(0).asText());
      for (int i = 0; i < n; i++) {
        x[j * n + i] = Double.parseDouble(rows.get(j).get(i + 1).asText());
      }
    }
    return new ColumnBlock(n, x, y);
  }

  /** Within 1e-12 of numpy's, relative to the value (absolute below 1). */
  static void assertNumpy(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.max(1.0, Math.abs(expected[i])), what + " of feature " + i);
    }
  }

  @Test
  void theStatisticsAreNumpysAndDoNotDependOnTheSplit() {
    ColumnBlock block = goldenBlock();
    FeatureMoments whole = new FeatureMoments(block.numFeatures());
    whole.add(block);
    Standardization reference = whole.standardization();
    assertNumpy(GOLDEN.vector("mean"), reference.mean(), "mean");
    assertNumpy(GOLDEN.vector("std"), reference.std(), "std");
    assertArrayEquals(new int[] {3}, reference.constantFeatures());
    assertEquals(0.0, reference.std()[3], 0.0);

    // uneven pieces merged: the same bits
    FeatureMoments merged = new FeatureMoments(block.numFeatures());
    int[] cuts = {0, 1, 13, 14, 37};
    for (int c = cuts.length - 1; c > 0; c--) {
      FeatureMoments piece = new FeatureMoments(block.numFeatures());
      piece.add(block.slice(cuts[c - 1], cuts[c]));
      merged.add(piece);
    }
    assertEquals(37, merged.count());
    assertEquals(reference, merged.standardization());
  }

  @Test
  void featuresAreCentredAndDividedAConstantOneOnlyCentred() {
    Standardization s = new Standardization(new double[] {1.5, 4.0}, new double[] {2.0, 0.0});
    ColumnBlock block = new ColumnBlock(2, new double[] {3.5, 4.0, -0.5, 4.0}, new double[] {1, 0});
    ColumnBlock z = s.apply(block);
    assertArrayEquals(new double[] {1.0, 0.0, -1.0, 0.0}, z.X().data(), 0.0);
    assertArrayEquals(block.labels(), z.labels(), 0.0);
    assertEquals((0.3 - 0.1) / 0.7, new Standardization(new double[] {0.1}, new double[] {0.7}).apply(0, 0.3), 0.0);
  }

  @Test
  void badStatisticsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Standardization(new double[] {1}, new double[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> new Standardization(new double[] {Double.NaN}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new Standardization(new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalStateException.class, () -> new FeatureMoments(2).standardization());
  }

  @Test
  void theHintComparesTheFeaturesThatVary() {
    FeatureRanges ranges = new FeatureRanges(3);
    ranges.add(new ColumnBlock(3, new double[] {0.0, 5.0, 1.0, 0.05, 5.0, 4000.0}, new double[] {0, 1}));
    assertEquals(true, ranges.standardizeHint(100).orElseThrow().contains("feature 0: 0.05000, feature 2: 3999;"));
    FeatureRanges close = new FeatureRanges(2);
    close.add(new ColumnBlock(2, new double[] {0.0, 0.0, 1.0, 99.0}, new double[] {0, 1}));
    assertEquals(true, close.standardizeHint(100).isEmpty());
  }
}
