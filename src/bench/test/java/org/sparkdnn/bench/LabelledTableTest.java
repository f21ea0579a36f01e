package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTableTest {
  @TempDir
  Path dir;

  private static final LabelledTable TABLE = new LabelledTable(
      new double[][] {{0.1 + 0.2, 4254}, {-1e-5, 0.05}, {7, 1e300}}, new int[] {1, 0, 1}, "malignant", "benign");

  @Test
  void theCsvHoldsTheChosenRowsLabelFirstAndParsesBackToTheSameBits() throws Exception {
    Path csv = dir.resolve("data/x-train.csv");
    TABLE.writeCsv(new int[] {2, 0}, csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(List.of("1,7.0,1.0E300", "1,0.30000000000000004,4254.0"), lines);
    String[] fields = lines.get(1).split(",");
    assertEquals(0.1 + 0.2, Double.parseDouble(fields[1]));
  }

  @Test
  void columnRangesAreOverTheGivenRows() {
    assertArrayEquals(new double[] {0.1 + 0.2 + 1e-5, 4254 - 0.05}, TABLE.columnRanges(new int[] {0, 1}));
    assertEquals(2, TABLE.positives());
  }

  @Test
  void rowsOfDifferentLengthsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new LabelledTable(new double[][] {{1, 2}, {3}}, new int[] {0, 1}, "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> new LabelledTable(new double[][] {{1}}, new int[2], "a", "b"));
  }
}
