package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkdnn.testing.CatVsNonCat;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.Hdf5Files;

class CourseHdf5Test {
  private static final Configuration CONF = new Configuration();
  private static final FeatureScaling BY_255 = FeatureScaling.divideBy(255);
  private static final String[] CLASSES = {"non-cat", "cat"};

  @TempDir
  Path dir;

  private static List<ColumnBlock> read(Path file, FeatureScaling scaling, int blockColumns) {
    return CourseHdf5.read(file.toString(), CONF, scaling, blockColumns);
  }

  private static InputDataException fails(Path file) {
    return assertThrows(InputDataException.class, () -> read(file, FeatureScaling.none(), 8));
  }

  private static void assertError(InputDataException e, String file, String expected, String found) {
    assertEquals(file, e.file(), e.getMessage());
    assertEquals(0, e.line(), e.getMessage());
    assertEquals(0, e.field(), e.getMessage());
    assertTrue(e.expected().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    assertTrue(e.found().contains(found), "found '" + found + "' in: " + e.getMessage());
  }

  // ---- the course's files ----

  @ParameterizedTest
  @CsvSource({"train, 209, 72", "test, 50, 33"})
  void featuresAndLabelsEqualTheCsvExportBitForBit(String set, int m, int cats) {
    Path h5 = set.equals("train") ? CatVsNonCat.TRAIN_H5 : CatVsNonCat.TEST_H5;
    ColumnBlock csv = CsvData.readBlock(set.equals("train") ? CatVsNonCat.TRAIN_CSV : CatVsNonCat.TEST_CSV);
    List<ColumnBlock> blocks = read(h5, BY_255, 64);
    for (int b = 0; b < blocks.size(); b++) {
      assertEquals(Math.min(64, m - 64 * b), blocks.get(b).numColumns(), "samples in block " + b);
    }
    ColumnBlock all = ColumnBlock.concat(blocks);
    assertEquals(12288, all.numFeatures());
    assertEquals(m, all.numColumns());
    double[] expected = Arrays.stream(csv.X().data()).map(BY_255::apply).toArray();
    assertArrayEquals(expected, all.X().data(), "features of " + h5 + " and /255 of its CSV, bit for bit");
    assertArrayEquals(csv.labels(), all.labels(), "labels of " + h5);
    assertEquals(cats, Arrays.stream(all.labels()).filter(label -> label == 1.0).count(), "cats");
    assertEquals(m - cats, Arrays.stream(all.labels()).filter(label -> label == 0.0).count(), "non-cats");
  }

  @Test
  void firstPixelsOfTheFirstTrainingImageAreTheCoursesSanityCheck() {
    double[] x = read(CatVsNonCat.TRAIN_H5, FeatureScaling.none(), 1).get(0).X().data();
    assertArrayEquals(new double[] {17, 31, 56, 22, 33}, Arrays.copyOf(x, 5));
  }

  @Test
  void featureSetIsReadFromTheMetadata() {
    assertEquals(new CourseHdf5.FeatureSet("train_set_x", "(209, 64, 64, 3)", 12288),
        CourseHdf5.featureSet(CatVsNonCat.TRAIN_H5.toString(), CONF));
    assertEquals(new CourseHdf5.FeatureSet("test_set_x", "(50, 64, 64, 3)", 12288),
        CourseHdf5.featureSet(CatVsNonCat.TEST_H5.toString(), CONF));
  }

  @Test
  void hdf5PathsAreRecognisedByTheirExtension() {
    for (String path : List.of("a.h5", "dir/B.H5", "c.hdf5", "hdfs://host/d.HDF5")) {
      assertTrue(CourseHdf5.isHdf5(path), path);
    }
    for (String path : List.of("a.csv", "a.h5.gz", "h5", "a.h5/part-00000", "a.hdf")) {
      assertFalse(CourseHdf5.isHdf5(path), path);
    }
  }

  // ---- other shapes the course's layout allows ----

  @Test
  void imagesFlattenInCOrderWithTheChannelFastest() {
    byte[][][][] x = new byte[2][2][3][2]; // (m, h, w, c)
    for (int j = 0; j < 2; j++) {
      for (int row = 0; row < 2; row++) {
        for (int col = 0; col < 3; col++) {
          for (int channel = 0; channel < 2; channel++) {
            x[j][row][col][channel] = (byte) (100 * j + 10 * row + 2 * col + channel);
          }
        }
      }
    }
    Path file = Hdf5Files.writeUint8(dir.resolve("images.h5"),
        Map.of("img_set_x", x, "img_set_y", new long[] {1, 0}, "list_classes", CLASSES));
    ColumnBlock block = read(file, FeatureScaling.none(), 8).get(0);
    assertEquals(12, block.numFeatures());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15,
        100, 101, 102, 103, 104, 105, 110, 111, 112, 113, 114, 115}, block.X().data());
    assertArrayEquals(new double[] {1, 0}, block.labels());
  }

  @Test
  void rowsOfFeaturesWithLabelsInOneRowAreReadInBlocks() {
    byte[][] x = {{0, 1, 2}, {(byte) 128, (byte) 255, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
    Path file = Hdf5Files.writeUint8(dir.resolve("rows.h5"),
        Map.of("rows_set_x", x, "rows_set_y", new long[][] {{0, 1, 1, 0, 1}}));
    List<ColumnBlock> blocks = read(file, BY_255, 2);
    assertEquals(List.of(2, 2, 1), blocks.stream().map(ColumnBlock::numColumns).toList());
    assertArrayEquals(new double[] {0, 1 / 255.0, 2 / 255.0, 128 / 255.0, 1, 3 / 255.0},
        blocks.get(0).X().data(), "uint8 values 0..255, divided by 255");
    assertArrayEquals(new double[] {0, 1, 1, 0, 1}, ColumnBlock.concat(blocks).labels());
    assertEquals(new CourseHdf5.FeatureSet("rows_set_x", "(5, 3)", 3),
        CourseHdf5.featureSet(file.toString(), CONF));
  }

  @Test
  void aFileOnAnotherFilesystemIsReadFromATemporaryCopyThatIsDeleted() throws IOException {
    Path file = Files.copy(CatVsNonCat.TEST_H5, dir.resolve("elsewhere-check.h5"));
    Configuration conf = new Configuration();
    conf.setClass("fs.elsewhere.impl", ElsewhereFileSystem.class, FileSystem.class);
    conf.setBoolean("fs.elsewhere.impl.disable.cache", true);
    ElsewhereFileSystem.OPENS.set(0);
    List<ColumnBlock> remote = CourseHdf5.read("elsewhere://" + file, conf, BY_255, 64);
    assertEquals(1, ElsewhereFileSystem.OPENS.get(), "opened through the filesystem once, to copy it");
    assertArrayEquals(ColumnBlock.concat(read(file, BY_255, 64)).X().data(), ColumnBlock.concat(remote).X().data());
    try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertEquals(List.of(), temporary.filter(p -> p.getFileName().toString().endsWith("-elsewhere-check.h5"))
          .toList(), "temporary copies left behind");
    }
  }

  /** The local filesystem under the scheme "elsewhere", which CourseHdf5 must take for a remote one. */
  public static final class ElsewhereFileSystem extends RawLocalFileSystem {
    static final AtomicInteger OPENS = new AtomicInteger();

    @Override
    public URI getUri() {
      return URI.create("elsewhere:///");
    }

    @Override
    public String getScheme() {
      return "elsewhere";
    }

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path path, int bufferSize) throws IOException {
      OPENS.incrementAndGet();
      return super.open(path, bufferSize);
    }
  }

  // ---- every validation path ----

  @Test
  void missingFileAndDirectoryAreReported() throws IOException {
    Path missing = dir.resolve("missing.h5");
    assertError(fails(missing), missing.toString(), "an existing file", "nothing at that path");
    Path directory = Files.createDirectory(dir.resolve("folder.h5"));
    assertError(fails(directory), directory.toString(), "an HDF5 file", "a directory");
  }

  @Test
  void filesJhdfCannotReadAreReported() throws IOException {
    Path text = Files.writeString(dir.resolve("text.h5"), "1,17,31,56\n");
    assertError(fails(text), text.toString(), "an HDF5 file jhdf can read", "No valid HDF5 signature found");
    Path stub = Files.write(dir.resolve("stub.h5"), Arrays.copyOf(Files.readAllBytes(CatVsNonCat.TEST_H5), 1000));
    assertError(fails(stub), stub.toString(), "an HDF5 file jhdf can read", "a file it cannot");
  }

  @Test
  void truncatedPixelDataIsNotReadAsZeros() throws IOException {
    Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(Files.readAllBytes(CatVsNonCat.TRAIN_H5), 100_000));
    assertError(fails(cut), cut.toString(), "where the data of train_set_x ends",
        "100000 bytes: the file is truncated");
    assertThrows(InputDataException.class, () -> CourseHdf5.featureSet(cut.toString(), CONF));
  }

  @Test
  void theFeatureDatasetMustBeOneNamedSetX() {
    Path none = Hdf5Files.write(dir.resolve("none.h5"), Map.of("list_classes", CLASSES, "foo", new long[] {1}));
    assertError(fails(none), none.toString(), "a dataset named *_set_x", "datasets [foo, list_classes]");
    Path two = Hdf5Files.write(dir.resolve("two.h5"),
        Map.of("a_set_x", new long[] {1}, "b_set_x", new long[] {1}, "a_set_y", new long[] {1}));
    assertError(fails(two), two.toString(), "a dataset named *_set_x", "datasets [a_set_x, a_set_y, b_set_x]");
  }

  @Test
  void theLabelsMustBeTheMatchingSetY() {
    Path file = Hdf5Files.writeUint8(dir.resolve("nolabels.h5"),
        Map.of("toy_set_x", new byte[][] {{1}}, "other_set_y", new long[] {1}));
    assertError(fails(file), file.toString(), "a dataset named toy_set_y (the labels of toy_set_x)",
        "datasets [other_set_y, toy_set_x]");
  }

  @Test
  void pixelsMustBeUint8() {
    Path signed = Hdf5Files.write(dir.resolve("int8.h5"),
        Map.of("toy_set_x", new byte[][] {{1, 2}}, "toy_set_y", new long[] {1}));
    assertError(fails(signed), signed.toString(), "dtype uint8", "dtype int8 (toy_set_x)");
    Path floats = Hdf5Files.write(dir.resolve("float.h5"),
        Map.of("toy_set_x", new double[][] {{0.5, 1}}, "toy_set_y", new long[] {1}));
    assertError(fails(floats), floats.toString(), "dtype uint8", "dtype float64 (toy_set_x)");
  }

  @Test
  void pixelsMustHaveASampleAxisAndAFeatureAxis() {
    Path flat = Hdf5Files.writeUint8(dir.resolve("flat.h5"),
        Map.of("toy_set_x", new byte[] {1, 2, 3}, "toy_set_y", new long[] {1, 0, 1}));
    assertError(fails(flat), flat.toString(), "(m, h, w, c) or (m, k…)", "shape (3,) (toy_set_x)");
  }

  @Test
  void labelsMustBeIntegersOnePerSample() {
    byte[][] x = {{1}, {2}, {3}};
    Path floats = Hdf5Files.writeUint8(dir.resolve("float-labels.h5"),
        Map.of("toy_set_x", x, "toy_set_y", new double[] {1, 0, 1}));
    assertError(fails(floats), floats.toString(), "integer labels", "dtype float64 (toy_set_y)");
    Path extra = Hdf5Files.writeUint8(dir.resolve("extra-label.h5"),
        Map.of("toy_set_x", x, "toy_set_y", new long[] {1, 0, 1, 0}));
    assertError(fails(extra), extra.toString(), "shape (3,) or (1, 3), one label per sample of toy_set_x",
        "shape (4,) (toy_set_y)");
    Path column = Hdf5Files.writeUint8(dir.resolve("column-labels.h5"),
        Map.of("toy_set_x", x, "toy_set_y", new long[][] {{1}, {0}, {1}}));
    assertError(fails(column), column.toString(), "shape (3,) or (1, 3)", "shape (3, 1) (toy_set_y)");
  }

  @Test
  void labelsMustBeZeroOrOne() {
    byte[][] x = new byte[20][2];
    int[] y = new int[20];
    y[17] = 2;
    Path file = Hdf5Files.writeUint8(dir.resolve("label2.h5"), Map.of("toy_set_x", x, "toy_set_y", y));
    assertError(fails(file), file.toString(), "label 0 or 1", "2 (toy_set_y[17])");
    assertEquals(new CourseHdf5.FeatureSet("toy_set_x", "(20, 2)", 2), CourseHdf5.featureSet(file.toString(), CONF),
        "the metadata alone does not read the labels");
  }

  @Test
  void blocksNeedAColumn() {
    assertThrows(IllegalArgumentException.class, () -> read(CatVsNonCat.TEST_H5, FeatureScaling.none(), 0));
  }
}
