package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  /** 212 of class 1 among 569, as breast cancer's malignant tumours. */
  private static int[] labels() {
    return IntStream.range(0, 569).map(i -> i % 8 < 3 && i < 562 ? 1 : 0).toArray();
  }

  @Test
  void eachClassGivesItsRoundedShareToTheTestSet() {
    int[] labels = labels();
    assertEquals(212, Arrays.stream(labels).sum());
    StratifiedSplit split = StratifiedSplit.of(labels, 0.2, 1);
    // round(0.2 · 212) = 42 of class 1, round(0.2 · 357) = 71 of class 0
    assertEquals(42, Arrays.stream(split.test()).map(i -> labels[i]).sum());
    assertEquals(113, split.test().length);
    assertEquals(456, split.train().length);
  }

  @Test
  void theTwoSetsPartitionTheRowsInTheirOrder() {
    StratifiedSplit split = StratifiedSplit.of(labels(), 0.2, 1);
    int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 569).toArray(), all);
    assertTrue(isAscending(split.train()) && isAscending(split.test()));
  }

  @Test
  void theSeedDecidesTheSplit() {
    assertArrayEquals(StratifiedSplit.of(labels(), 0.2, 1).test(), StratifiedSplit.of(labels(), 0.2, 1).test());
    assertFalse(Arrays.equals(StratifiedSplit.of(labels(), 0.2, 1).test(),
        StratifiedSplit.of(labels(), 0.2, 2).test()));
  }

  @Test
  void aSplitMustLeaveEachClassOnBothSides() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StratifiedSplit.of(new int[] {0, 0, 0, 1, 1}, 0.2, 1));
    assertTrue(e.getMessage().contains("found 0 of the 2 samples of class 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(labels(), 1.0, 1));
    assertEquals("expected a test fraction in (0, 1), found 1.0", e.getMessage());
  }

  private static boolean isAscending(int[] rows) {
    for (int i = 1; i < rows.length; i++) {
      if (rows[i] <= rows[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
