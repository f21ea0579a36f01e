package org.sparkdnn.testing;

import java.nio.file.Path;

/** The course's cat vs non-cat images in data-samples/: the original HDF5 files and their CSV exports. */
public final class CatVsNonCat {
  private CatVsNonCat() {}

  private static final Path DIR = Path.of("data-samples/catvnoncat");

  /** 209 images: train_set_x uint8 (209, 64, 64, 3), train_set_y int64 (209,). */
  public static final Path TRAIN_H5 = DIR.resolve("train_catvnoncat.h5");
  /** 50 images: test_set_x uint8 (50, 64, 64, 3), test_set_y int64 (50,). */
  public static final Path TEST_H5 = DIR.resolve("test_catvnoncat.h5");
  /** TRAIN_H5 as CSV: the label, then the 12288 pixels in numpy's reshape(m, -1) order. */
  public static final Path TRAIN_CSV = DIR.resolve("train.csv.gz");
  /** TEST_H5 as CSV. */
  public static final Path TEST_CSV = DIR.resolve("test.csv.gz");
}
