package org.sparkdnn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.sparkdnn.data.ColumnBlock;

/**
 * Reads a small labelled CSV (label first, no header; gzipped if its name ends in .gz) into one in-memory block, for
 * reference computations.
 */
public final class CsvData {
  private CsvData() {}

  /** The repository's planar "flower" sample: 400 samples, 2 features. */
  public static final Path FLOWER = Path.of("data-samples/planar/flower.csv");

  public static ColumnBlock readBlock(Path file) {
    try {
      List<String> lines = lines(file);
      int n = lines.get(0).split(",").length - 1;
      double[] x = new double[lines.size() * n];
      double[] y = new double[lines.size()];
      for (int j = 0; j < lines.size(); j++) {
        String[] fields = lines.get(j).split(",");
        y[j] = Double.parseDouble(fields[0]);
        for (int i = 0; i < n; i++) {
          x[j * n + i] = Double.parseDouble(fields[i + 1]);
        }
      }
      return new ColumnBlock(n, x, y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      return Files.readAllLines(file);
    }
    try (var in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
