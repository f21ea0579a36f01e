package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.testing.CatVsNonCat;

class DistributedBlocksTest {
  @TempDir
  Path dir;

  /** Rows "label,i,-i" for i = 0..rows-1 (label i % 2), split over {@code files} part files. */
  private String writeRows(int rows, int files) throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    int perFile = (rows + files - 1) / files;
    for (int f = 0; f < files; f++) {
      StringBuilder text = new StringBuilder();
      for (int i = f * perFile; i < Math.min(rows, (f + 1) * perFile); i++) {
        text.append(i % 2).append(',').append(i).append(',').append(-i).append('\n');
      }
      Files.writeString(data.resolve(String.format("part-%05d.csv", f)), text);
    }
    return data.toString();
  }

  private static List<ColumnBlock> collectInOrder(DistributedBlocks blocks) {
    return new ArrayList<>(blocks.blocks().collect());
  }

  @Test
  void recutKeepsFileOrderInContiguousBalancedPartitions() throws IOException {
    String path = writeRows(23, 3);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, 4);
    for (int partitions : new int[] {1, 2, 5}) {
      DistributedBlocks blocks = DistributedBlocks.load(SharedSpark.context(), path, reader, partitions, 4);
      try {
        assertEquals(23, blocks.numExamples());
        assertEquals(partitions, blocks.numPartitions());
        List<Integer> sizes = blocks.blocks()
            .mapPartitions(it -> {
              int n = 0;
              while (it.hasNext()) {
                ColumnBlock b = it.next();
                assertTrue(b.numColumns() <= 4, "block of " + b.numColumns() + " columns exceeds 4");
                n += b.numColumns();
              }
              return List.of(n).iterator();
            }).collect();
        for (int q = 0; q < partitions; q++) {
          assertEquals(23L * (q + 1) / partitions - 23L * q / partitions, (long) sizes.get(q), "partition " + q);
        }
        int next = 0;
        for (ColumnBlock block : collectInOrder(blocks)) {
          for (int j = 0; j < block.numColumns(); j++, next++) {
            assertEquals(next, block.X().get(0, j), "feature 1 of sample " + next);
            assertEquals(-next, block.X().get(1, j), "feature 2 of sample " + next);
            assertEquals(next % 2, block.labels()[j], "label of sample " + next);
          }
        }
        assertEquals(23, next);
      } finally {
        blocks.unpersist();
      }
    }
  }

  @Test
  void badRowNamesFileLineAndFieldFromAnExecutor() throws IOException {
    Path data = Files.createDirectory(dir.resolve("bad"));
    Files.writeString(data.resolve("a.csv"), "1,2,3\n0,4,5\n");
    Files.writeString(data.resolve("b.csv"), "1,2,3\n0,4,5\n1,x7,8\n");
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, 4);
    InputDataException e = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), data.toString(), reader, 0, 4));
    assertTrue(e.file().endsWith("b.csv"), e.getMessage());
    assertEquals(3, e.line(), e.getMessage());
    assertEquals(2, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains("x7"), e.getMessage());
  }

  @Test
  void missingAndEmptyInputsAreReported() throws IOException {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("none"), 2, 4);
    String missing = dir.resolve("nope.csv").toString();
    InputDataException e1 = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), missing, reader, 0, 4));
    assertTrue(e1.getMessage().contains(missing) && e1.getMessage().contains("nothing at that path"),
        e1.getMessage());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    InputDataException e2 = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), empty.toString(), reader, 0, 4));
    assertTrue(e2.getMessage().contains("no data"), e2.getMessage());
  }

  @Test
  void gzipAndHeaderAreRead() throws IOException {
    Path file = dir.resolve("h.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("label,a,b\n1,0.5,2\n0,3,255\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults().withHeader(true), FeatureScaling.parse("255"),
        2, 8);
    DistributedBlocks blocks = DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 1, 8);
    try {
      ColumnBlock block = blocks.blocks().first();
      assertArrayEquals(new double[] {0.5 / 255.0, 2 / 255.0, 3 / 255.0, 1.0}, block.X().data());
      assertArrayEquals(new double[] {1, 0}, block.labels());
    } finally {
      blocks.unpersist();
    }
  }

  @Test
  void courseHdf5LoadsTheSamplesOfItsCsvInTheSamePartitionsAndOrder() {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.parse("255"), 12288, 50);
    for (int partitions : new int[] {0, 1, 2, 4}) {
      DistributedBlocks csv = DistributedBlocks.load(SharedSpark.context(), CatVsNonCat.TRAIN_CSV.toString(), reader,
          partitions, 50);
      DistributedBlocks h5 = DistributedBlocks.load(SharedSpark.context(), CatVsNonCat.TRAIN_H5.toString(), reader,
          partitions, 50);
      try {
        assertEquals(209, h5.numExamples());
        assertEquals(partitions == 0 ? SharedSpark.context().defaultParallelism() : partitions, h5.numPartitions());
        List<List<ColumnBlock>> expected = csv.blocks().glom().collect();
        List<List<ColumnBlock>> actual = h5.blocks().glom().collect();
        assertEquals(expected.size(), actual.size(), "partitions");
        for (int q = 0; q < expected.size(); q++) {
          assertTrue(actual.get(q).stream().allMatch(b -> b.numColumns() <= 50), "blocks of at most 50 samples");
          ColumnBlock want = ColumnBlock.concat(expected.get(q));
          ColumnBlock got = ColumnBlock.concat(actual.get(q));
          assertEquals(209L * (q + 1) / expected.size() - 209L * q / expected.size(), got.numColumns(),
              "samples in partition " + q);
          assertArrayEquals(want.X().data(), got.X().data(), "features in partition " + q);
          assertArrayEquals(want.labels(), got.labels(), "labels in partition " + q);
        }
      } finally {
        csv.unpersist();
        h5.unpersist();
      }
    }
  }

  @Test
  void courseHdf5WithAnotherWidthThanTheReadersIsReported() {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.none(), 100, 50);
    String path = CatVsNonCat.TEST_H5.toString();
    InputDataException e = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), path, reader, 2, 50));
    assertEquals(path, e.file());
    assertTrue(e.getMessage().contains("n[0] = 100") && e.getMessage().contains("12288"), e.getMessage());
  }

  /** Rows "label,i,-i" for i = 1..rows, with the given lines (1-based) replaced by a row whose x1 is "x". */
  private Path writeWithBadLines(String name, int rows, int... badLines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int line = 1; line <= rows; line++) {
      int i = line;
      boolean bad = Arrays.stream(badLines).anyMatch(b -> b == i);
      text.append(line % 2).append(',').append(bad ? "x" : Integer.toString(line)).append(',').append(-line)
          .append('\n');
    }
    return Files.writeString(dir.resolve(name), text);
  }

  /** Runs {@code body} with input splits of at most {@code bytes}, so that one file is read by many tasks. */
  private static <T> T withSplitsOf(long bytes, Supplier<T> body) {
    var conf = SharedSpark.context().hadoopConfiguration();
    String key = "mapreduce.input.fileinputformat.split.maxsize";
    String old = conf.get(key);
    conf.setLong(key, bytes);
    try {
      return body.get();
    } finally {
      if (old == null) {
        conf.unset(key);
      } else {
        conf.set(key, old);
      }
    }
  }

  @Test
  void badRowInALaterSplitNamesItsLine() throws IOException {
    Path file = writeWithBadLines("split.csv", 300, 251);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.none(), 2, 16);
    InputDataException e = assertThrows(InputDataException.class, () -> withSplitsOf(512,
        () -> DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 0, 16)));
    assertEquals(251, e.line(), e.getMessage());
    assertEquals(2, e.field(), e.getMessage());
  }

  @Test
  void skippedRowsAreCountedOnceAndTheFirstKeptInFileOrder() throws IOException {
    int[] bad = {2, 40, 41, 97, 150, 151, 152, 200, 233, 260, 261, 262, 299};
    Path file = writeWithBadLines("skip.csv", 300, bad);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.none(), 2, 16,
        BadRowPolicy.skipUpTo(bad.length));
    // 1 partition: the splits' blocks are re-cut, a second job over the cached (and counted) blocks
    DistributedBlocks blocks = withSplitsOf(512,
        () -> DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 1, 16));
    try {
      assertEquals(300 - bad.length, blocks.numExamples());
      SkippedRows skipped = blocks.skippedRows();
      assertEquals(bad.length, skipped.count());
      assertEquals(SkippedRows.KEPT, skipped.first().size());
      for (int k = 0; k < SkippedRows.KEPT; k++) {
        assertTrue(skipped.first().get(k).contains("skip.csv, line " + bad[k] + ", field 2: "),
            skipped.first().get(k));
      }
      assertTrue(skipped.listing().endsWith("... and 3 more"), skipped.listing());
    } finally {
      blocks.unpersist();
    }
  }

  @Test
  void moreSkippedRowsThanAllowedFailNamingTheCountTheLimitAndTheFirst() throws IOException {
    Path file = writeWithBadLines("many.csv", 30, 5, 6, 20);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.none(), 2, 16,
        BadRowPolicy.skipUpTo(2));
    InputDataException e = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 0, 16));
    assertTrue(e.getMessage().contains("expected at most 2 bad rows, found 3 bad rows"), e.getMessage());
    assertTrue(e.getMessage().contains("many.csv, line 5, field 2: expected a finite number, found 'x'"),
        e.getMessage());
  }

  @Test
  void anInputOfNothingButSkippedRowsIsEmpty() throws IOException {
    Path file = writeWithBadLines("all-bad.csv", 3, 1, 2, 3);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), FeatureScaling.none(), 2, 16,
        BadRowPolicy.skipUpTo(10));
    InputDataException e = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 0, 16));
    assertTrue(e.getMessage().contains("expected at least one data row, found none but 3 bad rows, skipped"),
        e.getMessage());
  }

  @Test
  void aNumericFirstLineWhereAHeaderIsExpectedFailsEvenWhenSkipping() throws IOException {
    Path file = writeWithBadLines("headerless.csv", 5);
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults().withHeader(true), FeatureScaling.none(), 2, 16,
        BadRowPolicy.skipUpTo(10));
    InputDataException e = assertThrows(InputDataException.class,
        () -> DistributedBlocks.load(SharedSpark.context(), file.toString(), reader, 0, 16));
    assertEquals(1, e.line(), e.getMessage());
    assertEquals("drop --header", e.hint(), e.getMessage());
  }
}
