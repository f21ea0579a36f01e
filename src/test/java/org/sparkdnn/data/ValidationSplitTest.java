package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.testing.GoldenFile;

/**
 * {@link ValidationSplit} against numpy ({@code src/test/python/gen_validation_split_golden.py}): the same samples
 * held out, ⌈F·m⌉ of them as scikit-learn counts, and a fraction that leaves nothing to train on refused.
 */
class ValidationSplitTest {
  @Test
  void heldOutSamplesAreNumpys() {
    GoldenFile golden = GoldenFile.load("golden/validation-split.json");
    int checked = 0;
    for (JsonNode entry : golden.node("splits")) {
      double fraction = entry.get("fraction").asDouble();
      long m = entry.get("m").asLong();
      ValidationSplit split = new ValidationSplit(fraction, m, entry.get("seed").asLong());
      String where = fraction + " of " + m;
      assertEquals(entry.get("size").asLong(), split.size(), where);
      assertEquals(m - split.size(), split.kept(), where);
      long[] bits = split.heldOut();
      List<Long> found = new ArrayList<>();
      for (long j = 0; j < m; j++) {
        if (ValidationSplit.isHeldOut(bits, j)) {
          found.add(j);
        }
      }
      List<Long> expected = new ArrayList<>();
      entry.get("held_out").forEach(index -> expected.add(index.asLong()));
      assertEquals(expected, found, where);
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void aFractionThatLeavesNothingToTrainOnIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(0.95, 10, 1));
    assertTrue(e.getMessage().contains("0.95 of m = 10 samples holds out 10, leaving none to train on"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(0.5, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(0.0, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new ValidationSplit(1.0, 10, 1));
  }
}
