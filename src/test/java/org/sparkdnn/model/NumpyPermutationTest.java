package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparkdnn.testing.GoldenFile;

/**
 * {@link NumpyRandom#permutation} against {@code np.random.permutation(n)} after {@code np.random.seed(s)}, bit for
 * bit (golden file from {@code src/test/python/gen_mini_batch_golden.py}).
 */
class NumpyPermutationTest {
  @Test
  void permutationsAreNumpys() {
    GoldenFile golden = GoldenFile.load("golden/numpy-permutation.json");
    int checked = 0;
    for (JsonNode entry : golden.node("permutations")) {
      long seed = entry.get("seed").asLong();
      int n = entry.get("n").asInt();
      int[] found = new NumpyRandom(seed).permutation(n);
      String where = "seed " + seed + ", n " + n;
      if (entry.has("permutation")) {
        assertArrayEquals(ints(entry.get("permutation")), found, where);
      } else {
        assertArrayEquals(ints(entry.get("head")), Arrays.copyOfRange(found, 0, 50), where + ", head");
        assertArrayEquals(ints(entry.get("tail")), Arrays.copyOfRange(found, n - 50, n), where + ", tail");
        long weighted = 0;
        for (int i = 0; i < n; i++) {
          weighted += (long) (i + 1) * found[i];
        }
        assertEquals(entry.get("weighted_sum").asLong(), weighted, where + ", weighted sum");
      }
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void anEmptyPermutationDrawsNothing() {
    NumpyRandom drawn = new NumpyRandom(5);
    assertEquals(0, drawn.permutation(0).length);
    assertEquals(new NumpyRandom(5).nextDouble(), drawn.nextDouble());
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }
}
