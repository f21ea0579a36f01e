package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.ColumnBlock;

class ColdRunTest {
  @TempDir
  Path dir;

  @Test
  void theCsvHoldsTheSyntheticSamplesBitForBitLabelFirst() throws Exception {
    // 2 partitions of blocks of at most 4 samples: 5 and 6 samples, so blocks of 4 and 1, 4 and 2
    SyntheticData data = new SyntheticData(3, 11, 2, 4, 7);
    Path csv = dir.resolve("data/cases.csv");
    ColdRun.writeCsv(data, csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(11, lines.size());
    int row = 0;
    for (int p = 0; p < data.partitions(); p++) {
      for (ColumnBlock block : data.partition(p)) {
        for (int j = 0; j < block.numColumns(); j++) {
          String[] fields = lines.get(row++).split(",");
          assertEquals(4, fields.length);
          assertEquals(block.labels()[j] == 1.0 ? "1" : "0", fields[0]);
          for (int i = 0; i < 3; i++) {
            assertEquals(block.X().data()[j * 3 + i], Double.parseDouble(fields[1 + i]));
          }
        }
      }
    }
  }
}
