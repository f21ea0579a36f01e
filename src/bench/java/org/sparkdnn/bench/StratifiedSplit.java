package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stratified train/test split of m samples: of each class, round(fraction·m_c) samples drawn for the
 * test set (a Fisher–Yates shuffle of the class's row indices by one {@link SplittableRandom}, class 0 then class
 * 1), the rest for training; both sets list their rows in the data's order.
 */
record StratifiedSplit(int[] train, int[] test) {
  /**
   * @throws IllegalArgumentException unless the fraction is in (0, 1) and leaves each class at least one sample on
   *     each side
   */
  static StratifiedSplit of(int[] labels, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("expected a test fraction in (0, 1), found " + testFraction);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int label = 0; label <= 1; label++) {
      int[] rows = rowsOf(labels, label);
      long testCount = Math.round(testFraction * rows.length);
      if (testCount < 1 || testCount >= rows.length) {
        throw new IllegalArgumentException("expected a test fraction leaving each class samples on both sides, "
            + "found " + testCount + " of the " + rows.length + " samples of class " + label + " for the test set");
      }
      for (int i = rows.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j] = swap;
      }
      for (int i = 0; i < rows.length; i++) {
        (i < testCount ? test : train).add(rows[i]);
      }
    }
    return new StratifiedSplit(sorted(train), sorted(test));
  }

  private static int[] rowsOf(int[] labels, int label) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
  }

  private static int[] sorted(List<Integer> rows) {
    int[] out = rows.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
