package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.testing.CsvData;

/** The data fingerprint: independent of order, blocks and partitions; changed by any change of a sample. */
class DataFingerprintTest {
  private static final ColumnBlock FLOWER = CsvData.readBlock(CsvData.FLOWER);

  private static DataFingerprint distributed(List<ColumnBlock> blocks, int partitions) {
    DistributedBlocks data = DistributedBlocks.of(SharedSpark.context().parallelize(blocks, partitions));
    try {
      return DataFingerprint.of(data);
    } finally {
      data.unpersist();
    }
  }

  private static List<ColumnBlock> cut(ColumnBlock block, int size) {
    List<ColumnBlock> blocks = new ArrayList<>();
    for (int from = 0; from < block.numColumns(); from += size) {
      blocks.add(block.slice(from, Math.min(block.numColumns(), from + size)));
    }
    return blocks;
  }

  /** The flower with one change made to a copy of its arrays. */
  private static DataFingerprint changed(Consumer<ColumnBlock> change) {
    ColumnBlock copy = FLOWER.slice(0, FLOWER.numColumns());
    change.accept(copy);
    return DataFingerprint.of(List.of(copy));
  }

  @Test
  void theSameSamplesGiveTheSameFingerprintHoweverTheyAreCutAndOrdered() {
    DataFingerprint whole = DataFingerprint.of(List.of(FLOWER));
    assertTrue(whole.hex().matches("[0-9a-f]{64}"), whole.hex());
    assertEquals(400, whole.numExamples());
    assertEquals(2, whole.numFeatures());
    assertEquals(whole, distributed(cut(FLOWER, 7), 1));
    assertEquals(whole, distributed(cut(FLOWER, 50), 5));
    List<ColumnBlock> reversed = new ArrayList<>(cut(FLOWER, 1));
    Collections.reverse(reversed);
    assertEquals(whole, distributed(reversed, 3));
  }

  @Test
  void anyChangeToASampleChangesTheFingerprint() {
    DataFingerprint original = DataFingerprint.of(List.of(FLOWER));
    List<DataFingerprint> variants = List.of(
        changed(block -> block.X().data()[123] = Math.nextUp(block.X().data()[123])),
        changed(block -> block.labels()[399] = 1 - block.labels()[399]),
        changed(block -> {
          double[] x = block.X().data();
          double first = x[10];
          x[10] = x[11];
          x[11] = first;
        }),
        DataFingerprint.of(List.of(FLOWER.slice(0, 399))),
        DataFingerprint.of(List.of(FLOWER, FLOWER.slice(0, 1))));
    for (DataFingerprint variant : variants) {
      assertNotEquals(original, variant);
    }
    assertEquals(variants.size(), variants.stream().distinct().count(), "all different: " + variants);
  }

  @Test
  void blocksOfDifferentWidthsAreRefused() {
    ColumnBlock narrow = new ColumnBlock(1, new double[] {1.0}, new double[] {0});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataFingerprint.of(List.of(FLOWER, narrow)));
    assertTrue(e.getMessage().contains("must all have 2 features, found one with 1"), e.getMessage());
  }
}
