package org.sparkdnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RocAucTest {

  /** O(n²) reference: the fraction of (positive, negative) pairs ordered correctly, ties 1/2. */
  static double bruteForce(double[] scores, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  /** Per-sample scores in ascending order, one array entry per sample. */
  private record Samples(double[] scores, boolean[] positive) {
    static Samples random(Random random, int n, int distinctScores) {
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(distinctScores) / (double) distinctScores;
      }
      Arrays.sort(scores);
      for (int i = 0; i < n; i++) {
        // positives are likelier at higher scores, so the AUC is far from 0.5
        positive[i] = random.nextDouble() < 0.2 + 0.6 * scores[i];
      }
      return new Samples(scores, positive);
    }
  }

  @Test
  void handComputedExample() {
    // positives 0.9 0.8 0.7 0.3, negatives 0.6 0.4 0.2 0.1: 14 of 16 pairs ordered correctly
    RocAuc.Accumulator acc = new RocAuc.Accumulator();
    acc.add(0.1, 0, 1).add(0.2, 0, 1).add(0.3, 1, 0).add(0.4, 0, 1).add(0.6, 0, 1).add(0.7, 1, 0)
        .add(0.8, 1, 0).add(0.9, 1, 0);
    assertEquals(0.875, acc.auc());
    assertEquals(4, acc.positives());
    assertEquals(4, acc.negatives());
    assertEquals(0.875, RocAuc.auc(new long[] {0, 0, 1, 0, 0, 1, 1, 1}, new long[] {1, 1, 0, 1, 1, 0, 0, 0}));
  }

  @Test
  void tiesCountHalf() {
    assertEquals(0.5, RocAuc.auc(new long[] {3}, new long[] {5}));
    // group 0: 1 positive, 2 negatives; group 1: 2 positives, 1 negative
    // pairs: 3 x 3 = 9; group-1 positives beat group-0 negatives: 2*2 = 4; ties: 1*2 + 2*1 = 4 -> 2
    assertEquals(6.0 / 9.0, RocAuc.auc(new long[] {1, 2}, new long[] {2, 1}));
  }

  @Test
  void perfectAndInvertedRanking() {
    assertEquals(1.0, RocAuc.auc(new long[] {0, 0, 4}, new long[] {2, 3, 0}));
    assertEquals(0.0, RocAuc.auc(new long[] {4, 0, 0}, new long[] {0, 2, 3}));
  }

  @Test
  void undefinedWithoutBothClasses() {
    assertTrue(Double.isNaN(RocAuc.auc(new long[] {1, 2}, new long[] {0, 0})));
    assertTrue(Double.isNaN(RocAuc.auc(new long[] {0, 0}, new long[] {3, 0})));
    assertTrue(Double.isNaN(RocAuc.auc(new long[0], new long[0])));
    assertTrue(Double.isNaN(new RocAuc.Accumulator().auc()));
  }

  @Test
  void matchesBruteForceOnRandomDataWithTies() {
    Random random = new Random(2024);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(400);
      Samples s = Samples.random(random, n, 1 + random.nextInt(trial % 2 == 0 ? 10 : 1000));
      double expected = bruteForce(s.scores(), s.positive());

      // grouped by distinct score
      TreeMap<Double, long[]> groups = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        groups.computeIfAbsent(s.scores()[i], k -> new long[2])[s.positive()[i] ? 0 : 1]++;
      }
      long[] pos = groups.values().stream().mapToLong(g -> g[0]).toArray();
      long[] neg = groups.values().stream().mapToLong(g -> g[1]).toArray();
      assertAucEquals(expected, RocAuc.auc(pos, neg), "grouped, trial " + trial);

      // one add per sample: equal scores arrive in consecutive calls
      RocAuc.Accumulator perSample = new RocAuc.Accumulator();
      for (int i = 0; i < n; i++) {
        perSample.add(s.scores()[i], s.positive()[i] ? 1 : 0, s.positive()[i] ? 0 : 1);
      }
      assertAucEquals(expected, perSample.auc(), "per sample, trial " + trial);

      // random chunks, cut anywhere (also inside runs of equal scores), merged in order
      RocAuc.Accumulator merged = new RocAuc.Accumulator();
      for (RocAuc.Accumulator chunk : chunks(random, s)) {
        merged.merge(chunk);
      }
      assertAucEquals(expected, merged.auc(), "merged chunks, trial " + trial);
      assertEquals(perSample.positives(), merged.positives());
      assertEquals(perSample.negatives(), merged.negatives());

      // the same merged as a balanced tree of adjacent chunks
      List<RocAuc.Accumulator> level = chunks(random, s);
      while (level.size() > 1) {
        List<RocAuc.Accumulator> next = new ArrayList<>();
        for (int i = 0; i < level.size(); i += 2) {
          next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
        }
        level = next;
      }
      assertAucEquals(expected, level.get(0).auc(), "tree-merged chunks, trial " + trial);
    }
  }

  @Test
  void mergesChunksInsideOneLongTieRun() {
    double[] scores = {0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.9};
    boolean[] positive = {false, true, false, false, true, true, false, true};
    double expected = bruteForce(scores, positive);
    int n = scores.length;
    // every way of cutting the samples into consecutive chunks, merged left to right
    for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
      RocAuc.Accumulator merged = new RocAuc.Accumulator();
      int from = 0;
      for (int i = 1; i <= n; i++) {
        if (i == n || (cuts & 1 << (i - 1)) != 0) {
          merged.merge(chunk(scores, positive, from, i));
          from = i;
        }
      }
      assertAucEquals(expected, merged.auc(), "cuts " + Integer.toBinaryString(cuts));
    }
    // right-nested, a + (b + c), equals left-nested
    RocAuc.Accumulator right = chunk(scores, positive, 2, 4).merge(chunk(scores, positive, 4, 8));
    assertAucEquals(expected, chunk(scores, positive, 0, 2).merge(right).auc(), "right-nested merge");
  }

  @Test
  void rejectsDescendingScores() {
    RocAuc.Accumulator acc = new RocAuc.Accumulator().add(0.5, 1, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add(0.4, 0, 1));
    assertEquals("expected scores in ascending order, found 0.4 after 0.5", e.getMessage());
    RocAuc.Accumulator lower = new RocAuc.Accumulator().add(0.2, 1, 1);
    e = assertThrows(IllegalArgumentException.class, () -> acc.merge(lower));
    assertEquals("expected scores in ascending order, found 0.2 after 0.5", e.getMessage());
    // the failed calls left the accumulator unchanged
    assertEquals(1, acc.positives());
    assertEquals(0, acc.negatives());
  }

  @Test
  void validatesArguments() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RocAuc.Accumulator().add(Double.NaN, 1, 0));
    assertEquals("expected a score that is not NaN, found NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RocAuc.Accumulator().add(0.5, -1, 0));
    assertEquals("expected non-negative counts, found -1 positives and 0 negatives at score 0.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RocAuc.auc(new long[2], new long[3]));
    assertEquals("expected arrays of equal length, found 2 positive and 3 negative counts", e.getMessage());
  }

  @Test
  void emptyGroupsAndChunksAreIgnored() {
    RocAuc.Accumulator acc = new RocAuc.Accumulator().add(0.9, 0, 0).add(0.1, 0, 1).merge(new RocAuc.Accumulator())
        .add(0.2, 0, 0).add(0.3, 1, 0);
    assertEquals(1.0, acc.auc());
    assertEquals(1.0, new RocAuc.Accumulator().merge(acc).auc());
  }

  @Test
  void largeCountsStayAccurate() {
    long big = 1_000_000_000L;
    // 11 of 12 (x big^2) pairs ordered correctly, counting ties as one half
    assertEquals(11.0 / 12.0, RocAuc.auc(new long[] {0, big, 2 * big}, new long[] {big, big, 0}), 1e-15);
    assertEquals(1.0, RocAuc.auc(new long[] {0, big}, new long[] {big, 0}));
  }

  @Test
  void serializedAccumulatorKeepsMerging() throws IOException, ClassNotFoundException {
    RocAuc.Accumulator low = new RocAuc.Accumulator().add(0.1, 0, 2).add(0.5, 1, 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(low);
    }
    RocAuc.Accumulator copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RocAuc.Accumulator) in.readObject();
    }
    copy.merge(new RocAuc.Accumulator().add(0.5, 1, 0).add(0.7, 1, 0));
    low.add(0.5, 1, 0).add(0.7, 1, 0);
    assertEquals(low.auc(), copy.auc());
  }

  private static void assertAucEquals(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, found " + actual);
    } else {
      assertEquals(expected, actual, 1e-12, what);
    }
  }

  private static List<RocAuc.Accumulator> chunks(Random random, Samples s) {
    List<RocAuc.Accumulator> chunks = new ArrayList<>();
    int from = 0;
    while (from < s.scores().length) {
      int to = Math.min(s.scores().length, from + random.nextInt(20));
      chunks.add(chunk(s.scores(), s.positive(), from, to));
      from = to;
    }
    return chunks;
  }

  private static RocAuc.Accumulator chunk(double[] scores, boolean[] positive, int from, int to) {
    RocAuc.Accumulator acc = new RocAuc.Accumulator();
    for (int i = from; i < to; i++) {
      acc.add(scores[i], positive[i] ? 1 : 0, positive[i] ? 0 : 1);
    }
    return acc;
  }
}
