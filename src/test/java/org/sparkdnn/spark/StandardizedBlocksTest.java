package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Precision;
import org.sparkdnn.testing.GoldenFile;

/**
 * The one distributed pass of {@code --scale standardize}: the statistics of the golden CSV equal numpy's to
 * 1e-12 and are the same bits with 1, 2 and 5 partitions (and blocks of 4 or 64 samples); the standardized
 * blocks, float32 included, are the float64 standardized values rounded once.
 */
class StandardizedBlocksTest {
  private static final GoldenFile GOLDEN = GoldenFile.load("golden/standardize.json");
  private static final int N = 6;

  @TempDir
  Path dir;

  private Path csv() throws IOException {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : GOLDEN.node("rows")) {
      List<String> fields = new ArrayList<>();
      row.forEach(field -> fields.add(field.asText()));
      lines.add(String.join(",", fields));
    }
    return Files.write(dir.resolve("golden.csv"), lines);
  }

  private static DistributedBlocks load(Path csv, int partitions, int blockColumns) {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.standardize(), N, blockColumns);
    return DistributedBlocks.load(SharedSpark.context(), csv.toString(), reader, partitions, blockColumns);
  }

  @Test
  void theStatisticsAreNumpysAndTheSameBitsForEveryPartitioning() throws IOException {
    Path csv = csv();
    Standardization reference = null;
    for (int partitions : new int[] {1, 2, 5}) {
      for (int blockColumns : new int[] {4, 64}) {
        DistributedBlocks blocks = load(csv, partitions, blockColumns);
        try {
          assertEquals(partitions, blocks.numPartitions());
          Standardization s = blocks.moments(N).standardization();
          String where = partitions + " partitions, blocks of " + blockColumns;
          double[] mean = GOLDEN.vector("mean");
          double[] std = GOLDEN.vector("std");
          for (int i = 0; i < N; i++) {
            assertEquals(mean[i], s.mean()[i], 1e-12 * Math.max(1.0, Math.abs(mean[i])), where + ", mean " + i);
            assertEquals(std[i], s.std()[i], 1e-12 * Math.max(1.0, Math.abs(std[i])), where + ", std " + i);
          }
          if (reference == null) {
            reference = s;
          }
          assertArrayEquals(bits(reference.mean()), bits(s.mean()), where);
          assertArrayEquals(bits(reference.std()), bits(s.std()), where);
        } finally {
          blocks.unpersist();
        }
      }
    }
  }

  @Test
  void float32BlocksAreTheStandardizedDoublesRoundedOnce() throws IOException {
    Path csv = csv();
    DistributedBlocks read = load(csv, 2, 8);
    Standardization s = read.moments(N).standardization();
    List<ColumnBlock> raw = read.blocks().collect();
    DistributedBlocks float32 = read.standardized(s, Precision.FLOAT32);
    try {
      List<ColumnBlock> rounded = float32.blocks().collect();
      assertEquals(raw.size(), rounded.size());
      assertEquals(37, float32.numExamples());
      for (int b = 0; b < raw.size(); b++) {
        ColumnBlock z = s.apply(raw.get(b));
        assertEquals(Precision.FLOAT32, rounded.get(b).precision());
        for (int k = 0; k < z.numFeatures() * z.numColumns(); k++) {
          assertEquals((float) z.feature(k), rounded.get(b).feature(k), 0.0);
        }
      }
    } finally {
      float32.unpersist();
    }
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
