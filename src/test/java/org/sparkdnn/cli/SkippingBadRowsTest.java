package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.testing.PartFiles;

/**
 * {@code --on-bad-row skip}: bad rows are left out, counted once however the data is partitioned, reported with
 * their locations on stdout and in the metrics; more than {@code --max-bad-rows} fail the run.
 */
class SkippingBadRowsTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-inputs");
  private static final String THREE_BAD = CORPUS.resolve("three-bad-rows.csv").toString();
  private static final List<String> THREE_BAD_LOCATIONS = List.of(
      "three-bad-rows.csv, line 4, field 3: expected a finite number, found 'abc'",
      "three-bad-rows.csv, line 9, field 2: expected a finite number, found 'NaN'",
      "three-bad-rows.csv, line 15, field 1: expected label 0 or 1, found '2'");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CommandRun train(String... options) {
    List<String> args = new ArrayList<>(List.of("train", "--train", THREE_BAD, "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "5", "--print-every", "0",
        "--output", dir.resolve("model").toString()));
    args.addAll(List.of(options));
    return CommandRun.of(args.toArray(new String[0]));
  }

  private static void assertListsTheThreeBadRows(String text, String where) {
    for (String location : THREE_BAD_LOCATIONS) {
      assertTrue(text.contains(location), where + " lacks '" + location + "'\n" + text);
    }
  }

  @Test
  void theDefaultIsToFailOnTheFirstBadRow() {
    CommandRun run = train();
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains(THREE_BAD_LOCATIONS.get(0)), run.toString());
  }

  @Test
  void trainingSkipsCountsAndReportsBadRowsOfTrainAndTestData() throws IOException {
    CommandRun run = train("--on-bad-row", "skip", "--partitions", "3", "--test", THREE_BAD);
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Training data: 21 samples"), run.toString());
    assertTrue(run.out().contains("Skipped 3 bad rows of " + THREE_BAD + ":"), run.toString());
    assertListsTheThreeBadRows(run.out(), "stdout");
    JsonNode metrics = JSON.readTree(dir.resolve("model").resolve(TrainedModel.METRICS_FILE).toFile());
    for (String section : List.of("train", "test")) {
      JsonNode badRows = metrics.get(section).get("bad_rows");
      assertEquals(21, metrics.get(section).get("m").asLong(), section);
      assertEquals(3, badRows.get("skipped").asLong(), section);
      assertEquals(3, badRows.get("first").size(), section);
      assertListsTheThreeBadRows(badRows.get("first").toString(), "metrics.json " + section);
    }
    assertEquals("skip", metrics.get("config").get("on_bad_row").asText());
  }

  @Test
  void moreBadRowsThanAllowedFailWithTheCountTheLimitAndTheFirstOnes() {
    CommandRun run = train("--on-bad-row", "skip", "--max-bad-rows", "2");
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("three-bad-rows.csv: expected at most 2 bad rows, found 3 bad rows; "
        + "fix them or raise --max-bad-rows"), run.toString());
    assertListsTheThreeBadRows(run.err(), "stderr");
    assertFalse(Files.exists(dir.resolve("model")), "no model");
  }

  @Test
  void aWholePartOfBadRowsIsSkippedAndCounted() {
    CommandRun run = CommandRun.of("train", "--train", CORPUS.resolve("bad-part").toString(), "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "2", "--print-every", "0", "--on-bad-row", "skip",
        "--output", dir.resolve("model").toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Training data: 8 samples"), run.toString());
    assertTrue(run.out().contains("Skipped 4 bad rows"), run.toString());
    for (int line = 1; line <= 4; line++) {
      assertTrue(run.out().contains("bad-part/part-00002, line " + line + ": expected 3 fields"), run.toString());
    }
  }

  @Test
  void predictAndEvaluateSkipAndReportBadRows() throws IOException {
    CommandRun trained = train("--on-bad-row", "skip");
    assertEquals(0, trained.exitCode(), trained.toString());
    String model = dir.resolve("model").toString();
    Path predictions = dir.resolve("predictions");
    CommandRun predict = CommandRun.of("predict", "--model", model, "--input", THREE_BAD, "--on-bad-row", "skip",
        "--output", predictions.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    assertListsTheThreeBadRows(predict.out(), "predict's stdout");
    assertEquals(21, PartFiles.lines(predictions).size(), "one prediction per good row");
    Path metrics = dir.resolve("evaluation.json");
    CommandRun evaluate = CommandRun.of("evaluate", "--model", model, "--input", THREE_BAD, "--on-bad-row", "skip",
        "--output", metrics.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.toString());
    assertListsTheThreeBadRows(evaluate.out(), "evaluate's stdout");
    JsonNode json = JSON.readTree(metrics.toFile());
    assertEquals(21, json.get("m").asLong());
    assertEquals(3, json.get("bad_rows").get("skipped").asLong());
  }

  @Test
  void invalidBadRowOptionsAreUsageErrors() {
    CommandRun unknown = train("--on-bad-row", "ignore");
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().contains("--on-bad-row: expected fail or skip, found 'ignore'"), unknown.toString());
    CommandRun negative = train("--on-bad-row", "skip", "--max-bad-rows", "-1");
    assertEquals(ExitCodes.USAGE, negative.exitCode(), negative.toString());
    assertTrue(negative.err().contains("--max-bad-rows: expected 0 or more, found -1"), negative.toString());
  }
}
