package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparkdnn.testing.Close.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Mini-batch gradient descent against the course's {@code random_mini_batches} and {@code model} loop (golden files
 * from {@code src/test/python/gen_mini_batch_golden.py}), and the batches' independence of the partitioning.
 */
class MiniBatchesTest {
  @ParameterizedTest
  @ValueSource(strings = {"gd", "momentum", "adam"})
  void epochsAreTheCourses(String rule) {
    GoldenFile golden = GoldenFile.load("golden/mini-batch-" + rule + ".json");
    Architecture arch = golden.architecture();
    MiniBatches batches = batches(golden);
    TrainingResult result = descent(golden, batches).run(source(golden, batches, 1),
        golden.parameters("parameters"), (iteration, cost) -> { });
    assertClose(golden.vector("costs"), result.costs(), 1e-12, 1e-15, rule + " epoch costs");
    assertClose(golden.parameters("parameters_after").values(), result.parameters().values(), 1e-11, 1e-14,
        rule + " parameters", arch);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5})
  void partitionsGiveTheSameModel(int partitions) {
    GoldenFile golden = GoldenFile.load("golden/mini-batch-adam.json");
    MiniBatches batches = batches(golden);
    GradientDescent descent = descent(golden, batches);
    TrainingResult whole = descent.run(source(golden, batches, 1), golden.parameters("parameters"), (i, c) -> { });
    TrainingResult split = descent.run(source(golden, batches, partitions), golden.parameters("parameters"),
        (i, c) -> { });
    assertClose(whole.costs(), split.costs(), 1e-12, 1e-15, partitions + " partitions, costs");
    assertClose(whole.parameters().values(), split.parameters().values(), 1e-12, 1e-15,
        partitions + " partitions, parameters", golden.architecture());
  }

  @Test
  void ordersFollowTheCoursesPermutations() {
    GoldenFile golden = GoldenFile.load("golden/mini-batch-gd.json");
    MiniBatches batches = batches(golden);
    assertEquals(3, batches.perEpoch());
    assertEquals(List.of(5, 5, 2), List.of(batches.size(0), batches.size(1), batches.size(2)));
    int epoch = 0;
    for (JsonNode permutation : golden.node("permutations")) {
      MiniBatches.Order order = batches.order(epoch, 0, 12);
      int[] expected = new int[permutation.size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = permutation.get(i).asInt();
      }
      assertArrayEquals(expected, order.columns(), "epoch " + epoch);
      assertArrayEquals(new int[] {0, 5, 10, 12}, order.starts(), "epoch " + epoch);
      // a partition of samples [4, 9) gets those samples of each batch, in the batch's order, numbered from 4
      MiniBatches.Order part = batches.order(epoch, 4, 9);
      List<Integer> share = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        for (int j = part.from(k); j < part.to(k); j++) {
          share.add(part.columns()[j] + 4);
        }
        int[] inBatch = Arrays.stream(expected, 5 * k, Math.min(12, 5 * k + 5)).filter(s -> s >= 4 && s < 9)
            .toArray();
        assertArrayEquals(inBatch, share.stream().skip(share.size() - (part.to(k) - part.from(k)))
            .mapToInt(Integer::intValue).toArray(), "epoch " + epoch + ", batch " + k);
      }
      assertEquals(5, share.size());
      epoch++;
    }
  }

  @Test
  void badPlansAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(0, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(10, 5, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> new MiniBatches(10, 5, 1).size(2));
    assertEquals(1, new MiniBatches(10, 64, 1).perEpoch());
    assertEquals(10, new MiniBatches(10, 64, 1).size(0));
    // the seed wraps as numpy's 32-bit seeds must
    assertEquals(0, new MiniBatches(10, 5, 4294967295L).epochSeed(0));
  }

  private static MiniBatches batches(GoldenFile golden) {
    return new MiniBatches(golden.vector("Y").length, golden.integer("batch_size"), golden.integer("seed"));
  }

  private static GradientDescent descent(GoldenFile golden, MiniBatches batches) {
    UpdateRule rule = UpdateRule.of(UpdateRule.Kind.parse(golden.node("optimizer").textValue()),
        golden.number("beta1"), golden.number("beta2"), golden.number("epsilon"));
    return new GradientDescent(golden.number("learning_rate"), golden.integer("epochs"), rule, batches);
  }

  /**
   * The golden data cut into {@code partitions} contiguous ranges, each a source of its own share of every
   * mini-batch, summed in partition order as the engines do.
   */
  private static GradientSource source(GoldenFile golden, MiniBatches batches, int partitions) {
    Matrix x = golden.matrix("X");
    double[] y = golden.vector("Y");
    int m = y.length;
    int n = x.rows();
    List<ColumnBlock> all = List.of(new ColumnBlock(n, x.data().clone(), y));
    if (partitions == 1) {
      return new LocalGradientSource(all, batches);
    }
    long[] starts = new long[partitions + 1];
    List<List<ColumnBlock>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      starts[p + 1] = (long) (p + 1) * m / partitions;
      parts.add(List.of(all.get(0).slice((int) starts[p], (int) starts[p + 1])));
    }
    return (parameters, batch) -> {
      GradientSums[] sums = new GradientSums[partitions];
      for (int p = 0; p < partitions; p++) {
        MiniBatches.Order order = batches.order(batch.epoch(), starts[p], starts[p + 1]);
        sums[p] = BlockPasses.batchSums(parameters, null, parts.get(p), order, batch.index(), null);
      }
      return GradientSums.inPartitionOrder(parameters.architecture(), sums);
    };
  }
}
