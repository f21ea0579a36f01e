package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.CsvData;

/** Mistakes on the command line: a one-line message saying what was expected and found, and the exit code. */
class CommandLineErrorsTest {
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  private CommandRun train(String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--train", FLOWER, "--layers", "2,4,1",
        "--learning-rate", "0.5", "--iterations", "3", "--output", dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CommandRun.of(args.toArray(new String[0]));
  }

  private static void assertFails(CommandRun run, int exitCode, String... fragments) {
    assertEquals(exitCode, run.exitCode(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    CommandRun run = train("--learning-rat", "0.1");
    assertFails(run, ExitCodes.USAGE, "Unknown option: '--learning-rat'", "spark-dnn train --help");
    assertEquals(1, run.err().strip().lines().count(), run.toString());
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    CommandRun run = CommandRun.of("train", "--train", FLOWER, "--layers", "2,1", "--iterations", "3",
        "--output", dir.resolve("out").toString());
    assertFails(run, ExitCodes.USAGE, "Missing required option", "--learning-rate");
  }

  @Test
  void layerSizesThatDoNotMatchTheDataNameTheFileAndBothWidths() {
    CommandRun run = CommandRun.of("train", "--train", FLOWER, "--layers", "3,4,1", "--learning-rate", "0.5",
        "--iterations", "3", "--output", dir.resolve("out").toString());
    assertFails(run, ExitCodes.INVALID_INPUT, "flower.csv, line 1", "expected 4 fields", "n[0] = 3",
        "--layers", "found 3 fields");
    assertFalse(Files.exists(dir.resolve("out")), "no output after a failure");
  }

  @Test
  void missingTrainingFileIsInvalidInput() {
    String missing = dir.resolve("no-such.csv").toString();
    CommandRun run = CommandRun.of("train", "--train", missing, "--layers", "2,1", "--learning-rate", "0.5",
        "--iterations", "3", "--output", dir.resolve("out").toString());
    assertFails(run, ExitCodes.INVALID_INPUT, missing, "expected an existing file or directory",
        "found nothing at that path");
  }

  @Test
  void badRowInTheDataNamesFileLineAndField() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "1,0.5,0.25\n0,0.1,0.2\n1,0.3,abc\n");
    CommandRun run = CommandRun.of("train", "--train", bad.toString(), "--layers", "2,1", "--learning-rate", "0.5",
        "--iterations", "3", "--output", dir.resolve("out").toString());
    assertFails(run, ExitCodes.INVALID_INPUT, "bad.csv, line 3, field 3", "expected a finite number",
        "found 'abc'");
  }

  @Test
  void existingOutputIsRefusedUnlessOverwriting() throws IOException {
    Files.createDirectory(dir.resolve("out"));
    Files.writeString(dir.resolve("out").resolve("keep.txt"), "previous run");
    assertFails(train(), ExitCodes.USAGE, "found an existing directory", "--overwrite");
    assertEquals("previous run", Files.readString(dir.resolve("out").resolve("keep.txt")));
    CommandRun replaced = train("--overwrite", "--print-every", "0");
    assertEquals(0, replaced.exitCode(), replaced.toString());
    assertFalse(Files.exists(dir.resolve("out").resolve("keep.txt")));
    assertTrue(Files.exists(dir.resolve("out").resolve("metrics.json")));
  }

  @Test
  void invalidValuesAreUsageErrors() {
    assertFails(train("--activations", "relux,sigmoid"), ExitCodes.USAGE, "unknown activation 'relux'",
        "leaky_relu");
    assertFails(train("--activations", "relu,relu"), ExitCodes.USAGE, "output activation must be sigmoid");
    assertFails(train("--learning-rate", "-1"), ExitCodes.USAGE, "learning rate", "found -1.0");
    assertFails(train("--iterations", "0"), ExitCodes.USAGE, "iterations must be at least 1, found 0");
    assertFails(train("--layers", "2,0,1"), ExitCodes.USAGE, "n[1] = 0");
    assertFails(train("--init", "glorot"), ExitCodes.USAGE, "unknown initialisation 'glorot'");
    assertFails(train("--scale", "-3"), ExitCodes.USAGE, "'-3'");
  }

  @Test
  void predictAndEvaluateRefuseAMissingModel() {
    String missing = dir.resolve("no-model").toString();
    assertFails(CommandRun.of("evaluate", "--model", missing, "--input", FLOWER), ExitCodes.INVALID_INPUT,
        "no-model", "model.json");
  }

  @Test
  void everyCommandHasHelpWithExitCodes() {
    for (String command : List.of("train", "predict", "evaluate")) {
      CommandRun run = CommandRun.of(command, "--help");
      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.out().contains("Usage: spark-dnn " + command), run.toString());
      assertTrue(run.out().contains("Exit codes:") && run.out().contains("Invalid input data"), run.toString());
    }
  }
}
