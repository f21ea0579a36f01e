package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.CatVsNonCat;

/** The course's original .h5 files as --train and --test, as the course's week 2 trains on them. */
class CourseHdf5CommandTest {
  @TempDir
  Path dir;

  /** Logistic regression from zeros, 3 iterations; the output directory is named after the training file. */
  private CommandRun train(Path trainFile, Path testFile, String layers) {
    return CommandRun.of("train", "--train", trainFile.toString(), "--test", testFile.toString(),
        "--layers", layers, "--scale", "255", "--init", "zeros", "--learning-rate", "0.005", "--iterations", "3",
        "--output", dir.resolve(trainFile.getFileName() + "-model").toString());
  }

  /** The cost printed for iteration i. */
  private static double cost(CommandRun run, int i) {
    String prefix = "Cost after iteration " + i + ": ";
    return Double.parseDouble(costLines(run).stream().filter(line -> line.startsWith(prefix)).findFirst()
        .orElseThrow().substring(prefix.length()));
  }

  /** The "Cost after iteration i: c" lines, without train's "[… elapsed, ETA …]" suffix. */
  private static List<String> costLines(CommandRun run) {
    return run.out().lines().filter(line -> line.startsWith("Cost after iteration"))
        .map(line -> line.replaceFirst("\\s+\\[.*\\]$", "")).toList();
  }

  @Test
  void trainsOnTheHdf5FilesAsOnTheirCsvExports() {
    CommandRun h5 = train(CatVsNonCat.TRAIN_H5, CatVsNonCat.TEST_H5, "12288,1");
    assertEquals(0, h5.exitCode(), h5.toString());
    // ln 2 from zero weights, up to the rounding of summing 209 equal losses in order (numpy sums pairwise)
    assertEquals(Math.log(2), cost(h5, 0), 1e-14, h5.toString());
    assertTrue(h5.out().contains("Training data: 209 samples of 12288 features"), h5.toString());
    assertTrue(h5.out().contains("/209)") && h5.out().contains("/50)"), h5.toString());
    CommandRun csv = train(CatVsNonCat.TRAIN_CSV, CatVsNonCat.TEST_CSV, "12288,1");
    assertEquals(0, csv.exitCode(), csv.toString());
    assertEquals(costLines(csv), costLines(h5), "the same costs, to the last digit, as from the CSVs");
    // numpy on the CSV gives 0.7531535818862111 (the course's own loop, 3 iterations)
    assertEquals(0.7531535818862111, cost(h5, 2), 1e-14, h5.toString());
  }

  @Test
  void layerSizesThatDoNotMatchTheFileNameItAndBothWidths() {
    CommandRun run = train(CatVsNonCat.TRAIN_H5, CatVsNonCat.TEST_H5, "100,1");
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    for (String fragment : List.of("train_catvnoncat.h5", "n[0] = 100", "--layers", "12288 features per sample",
        "train_set_x has shape (209, 64, 64, 3)")) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
    assertFalse(Files.exists(dir.resolve("train_catvnoncat.h5-model")), "no output after a failure");
  }
}
