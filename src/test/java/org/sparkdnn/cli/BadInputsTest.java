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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.testing.FileTrees;

/**
 * The corpus of a user's mistakes in data files, {@code src/test/resources/bad-inputs/}, run through the command
 * line: each must exit with its code and a message naming the file, line and field, what was expected and what
 * was found, and leave the output path and any model published there as they were. Harmless variations train.
 */
class BadInputsTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-inputs");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;
  private static Path model;

  @TempDir
  Path work;

  /**
   * A bad input: its path in the corpus, options added to the run, and the fragments its message must hold.
   */
  record Case(String input, List<String> options, List<String> fragments) {
    @Override
    public String toString() {
      return input + (options.isEmpty() ? "" : " " + String.join(" ", options));
    }
  }

  private static Case bad(String input, String... fragments) {
    return new Case(input, List.of(), List.of(fragments));
  }

  private static Case badWith(String input, String option, String... fragments) {
    return new Case(input, List.of(option), List.of(fragments));
  }

  static Stream<Case> badData() {
    return Stream.of(
        bad("extra-column.csv", "extra-column.csv, line 5: ", "expected 3 fields separated by ','",
            "found 4 fields"),
        bad("truncated-last-line.csv", "truncated-last-line.csv, line 12: ", "expected 3 fields", "found 2 fields"),
        bad("empty-field.csv", "empty-field.csv, line 6, field 2: ", "expected a finite number",
            "found an empty field"),
        bad("non-numeric.csv", "non-numeric.csv, line 7, field 2: ", "expected a finite number", "found '3.1O'"),
        bad("nan.csv", "nan.csv, line 3, field 2: ", "expected a finite number", "found 'NaN'"),
        bad("infinite.csv", "infinite.csv, line 9, field 3: ", "expected a finite number", "found 'inf'"),
        bad("label-2.csv", "label-2.csv, line 5, field 1: ", "expected label 0 or 1", "found '2'"),
        bad("label-minus-1.csv", "label-minus-1.csv, line 1, field 1: ", "expected label 0 or 1", "found '-1'"),
        bad("label-cat.csv", "label-cat.csv, line 1, field 1: ", "expected label 0 or 1", "found 'non-cat'"),
        bad("blank-line.csv", "blank-line.csv, line 7: ", "expected a row of 3 fields", "found a blank line"),
        bad("with-header.csv", "with-header.csv, line 1, field 1: ", "expected label 0 or 1", "found 'label'",
            "is line 1 a header? pass --header"),
        badWith("no-header.csv", "--header", "no-header.csv, line 1: ", "expected a header line",
            "found a data row; drop --header"),
        bad("three-features.csv", "three-features.csv, line 1: ",
            "expected 3 fields (a label and n[0] = 2 features, as --layers says)", "found 4 fields"),
        bad("bad-part", "bad-part/part-00002, line 1: ", "expected 3 fields separated by ','", "found 1 field"),
        bad("bad-row.csv.gz", "bad-row.csv.gz, line 10, field 3: ", "expected a finite number", "found 'o.25'"),
        bad("truncated.csv.gz", "truncated.csv.gz, line 8: ", "expected a line of a complete .gz file",
            "found a read error (Unexpected end of input stream); the file looks truncated or corrupt"),
        bad("empty.csv", "empty.csv: ", "expected at least one non-empty data file", "found no data"),
        bad("empty-dir", "empty-dir: ", "expected at least one non-empty data file", "found no data"),
        bad("no-such-file.csv", "no-such-file.csv: ", "expected an existing file or directory",
            "found nothing at that path"));
  }

  /** A model published by a good run, which the bad runs below must leave as it is. */
  @BeforeAll
  static void publishModel() {
    model = shared.resolve("model");
    CommandRun run = train(CORPUS.resolve("no-header.csv").toString(), model, "--print-every", "0");
    assertEquals(0, run.exitCode(), run.toString());
  }

  private static CommandRun train(String input, Path output, String... options) {
    List<String> args = new ArrayList<>(List.of("train", "--train", input, "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "5", "--output", output.toString()));
    args.addAll(List.of(options));
    return CommandRun.of(args.toArray(new String[0]));
  }

  /** The exit code and every fragment; no stack trace, and no hint about --header unless a fragment holds it. */
  private static void assertFailure(CommandRun run, int exitCode, List<String> fragments) {
    assertEquals(exitCode, run.exitCode(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
    assertFalse(run.err().contains("\tat "), "a message, not a stack trace\n" + run);
    if (fragments.stream().noneMatch(fragment -> fragment.contains("--header"))) {
      assertFalse(run.err().contains("--header"), "no hint about --header\n" + run);
    }
  }

  private static String[] with(List<String> options, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void trainingOnBadDataFailsWithItsLocationAndCreatesNoOutput(Case bad) throws IOException {
    Path output = work.resolve("out");
    CommandRun run = train(CORPUS.resolve(bad.input()).toString(), output, with(bad.options()));
    assertFailure(run, ExitCodes.INVALID_INPUT, bad.fragments());
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "nothing created beside --output, not even a staging directory");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void trainingOnBadDataLeavesAPublishedModelInPlaceOfOutputUnchanged(Case bad) throws IOException {
    Path output = work.resolve("published");
    FileTrees.copy(model, output);
    Map<String, String> before = FileTrees.contents(output);
    assertTrue(before.containsKey("model.json"), before.keySet().toString());
    CommandRun run = train(CORPUS.resolve(bad.input()).toString(), output, with(bad.options(), "--overwrite"));
    assertFailure(run, ExitCodes.INVALID_INPUT, bad.fragments());
    assertEquals(before, FileTrees.contents(output), "the model published at --output");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(output), left.toList(), "no staging directory left beside --output");
    }
  }

  /** Runs predict or evaluate with the published model on a bad input, with its options and {@code more}. */
  private static CommandRun apply(String command, Case bad, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--model", model.toString(), "--input",
        CORPUS.resolve(bad.input()).toString()));
    args.addAll(bad.options());
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(new String[0]));
  }

  /** The fragments for predict and evaluate, where the model, not --layers, fixes n[0]. */
  private static List<String> asTheModelSays(List<String> fragments) {
    return fragments.stream().map(fragment -> fragment.replace("as --layers says", "as the model says")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void predictingOnBadDataFailsWithItsLocationAndLeavesThePreviousPredictions(Case bad) throws IOException {
    Path predictions = work.resolve("predictions");
    CommandRun first = CommandRun.of("predict", "--model", model.toString(), "--input",
        CORPUS.resolve("no-header.csv").toString(), "--output", predictions.toString());
    assertEquals(0, first.exitCode(), first.toString());
    Map<String, String> before = FileTrees.contents(predictions);
    Map<String, String> published = FileTrees.contents(model);
    CommandRun run = apply("predict", bad, "--output", predictions.toString(), "--overwrite");
    assertFailure(run, ExitCodes.INVALID_INPUT, asTheModelSays(bad.fragments()));
    assertEquals(before, FileTrees.contents(predictions), "the previous predictions");
    assertEquals(published, FileTrees.contents(model), "the model");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(predictions), left.toList(), "no staging directory left beside --output");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void evaluatingOnBadDataFailsWithItsLocationAndLeavesThePreviousMetrics(Case bad) throws IOException {
    Path metrics = Files.writeString(work.resolve("metrics.json"), "{\"accuracy\": 0.5}\n");
    Map<String, String> published = FileTrees.contents(model);
    CommandRun run = apply("evaluate", bad, "--output", metrics.toString(), "--overwrite");
    assertFailure(run, ExitCodes.INVALID_INPUT, asTheModelSays(bad.fragments()));
    assertEquals("{\"accuracy\": 0.5}\n", Files.readString(metrics), "the previous metrics");
    assertEquals(published, FileTrees.contents(model), "the model");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(metrics), left.toList(), "no temporary file left beside --output");
    }
  }

  @Test
  void aBadTestFileStopsTheRunBeforeTraining() {
    CommandRun run = train(CORPUS.resolve("no-header.csv").toString(), work.resolve("out"),
        "--test", CORPUS.resolve("nan.csv").toString(), "--print-every", "1");
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("nan.csv, line 3, field 2: ", "found 'NaN'"));
    assertFalse(run.out().contains("Cost after iteration"), run.toString());
    assertFalse(Files.exists(work.resolve("out")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"windows-export.csv", "excel-export.csv", "good.csv.gz", "good-parts"})
  void harmlessVariationsTrain(String input) throws IOException {
    CommandRun run = train(CORPUS.resolve(input).toString(), work.resolve("out"));
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Training data: 12 samples of 2 features"), run.toString());
    JsonNode train = JSON.readTree(work.resolve("out").resolve(TrainedModel.METRICS_FILE).toFile()).get("train");
    assertEquals(12, train.get("m").asLong());
    assertEquals(0, train.get("bad_rows").get("skipped").asLong());
  }

  @Test
  void predictAndEvaluateOnBadDataFailWithItsLocationAndWriteNothing() {
    Map<String, String> published = FileTrees.contents(model);
    Path predictions = work.resolve("predictions");
    Path metrics = work.resolve("metrics.json");
    String nonNumeric = CORPUS.resolve("non-numeric.csv").toString();
    List<String> fragments = List.of("non-numeric.csv, line 7, field 2: ", "expected a finite number",
        "found '3.1O'");
    assertFailure(CommandRun.of("predict", "--model", model.toString(), "--input", nonNumeric,
        "--output", predictions.toString()), ExitCodes.INVALID_INPUT, fragments);
    assertFailure(CommandRun.of("evaluate", "--model", model.toString(), "--input", nonNumeric,
        "--output", metrics.toString()), ExitCodes.INVALID_INPUT, fragments);
    assertFailure(CommandRun.of("predict", "--model", model.toString(), "--input",
        CORPUS.resolve("bad-part").toString(), "--output", predictions.toString()), ExitCodes.INVALID_INPUT,
        List.of("bad-part/part-00002, line 1: ", "found 1 field"));
    assertFailure(CommandRun.of("evaluate", "--model", model.toString(), "--input",
        CORPUS.resolve("no-header.csv").toString(), "--header"), ExitCodes.INVALID_INPUT,
        List.of("no-header.csv, line 1: ", "expected a header line", "found a data row; drop --header"));
    assertFalse(Files.exists(predictions), "no predictions");
    assertFalse(Files.exists(metrics), "no metrics");
    assertEquals(published, FileTrees.contents(model), "the model");
  }

  @Test
  void aTrulyEmptyDirectoryIsNoData() throws IOException {
    Path empty = Files.createDirectory(work.resolve("export-2026-11-21"));
    CommandRun run = train(empty.toString(), work.resolve("out"));
    assertFailure(run, ExitCodes.INVALID_INPUT,
        List.of("export-2026-11-21: ", "expected at least one non-empty data file", "found no data"));
    assertFalse(Files.exists(work.resolve("out")));
  }

  @Test
  void aGzipFileCutWithinItsFirstLineIsReportedAtLine1() throws IOException {
    byte[] whole = Files.readAllBytes(CORPUS.resolve("good.csv.gz"));
    Path cut = Files.write(work.resolve("upload.csv.gz"), java.util.Arrays.copyOf(whole, 20));
    CommandRun run = train(cut.toString(), work.resolve("out"));
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("upload.csv.gz, line 1: ",
        "expected a line of a complete .gz file", "found a read error", "the file looks truncated or corrupt"));
    assertFalse(Files.exists(work.resolve("out")));
  }

  @Test
  void aPlainFileNamedGzIsReportedAsNotDecompressible() throws IOException {
    Path plain = Files.copy(CORPUS.resolve("no-header.csv"), work.resolve("renamed.csv.gz"));
    CommandRun run = train(plain.toString(), work.resolve("out"));
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("renamed.csv.gz, line 1: ",
        "expected a line of a complete .gz file", "found a read error (not a gzip file)"));
  }

  @Test
  void rowsOfOtherFeaturesThanTheModelsAreReportedByPredict() {
    CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--input",
        CORPUS.resolve("three-features.csv").toString(), "--label-column", "none", "--output",
        work.resolve("predictions").toString());
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("three-features.csv, line 1: ",
        "expected 2 fields (n[0] = 2 features, as the model says)", "found 4 fields"));
    assertFalse(Files.exists(work.resolve("predictions")));
  }

  @Test
  void theCoursesImagesGivenToASmallModelAreReportedByEvaluate() {
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input",
        "data-samples/catvnoncat/test_catvnoncat.h5");
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("test_catvnoncat.h5: ",
        "expected n[0] = 2 features per sample, as the model says", "found 12288 features per sample"));
  }

  @Test
  void featuresThatDoNotMatchTheModelAreReportedAsTheModelSays() {
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input",
        CORPUS.resolve("three-features.csv").toString());
    assertFailure(run, ExitCodes.INVALID_INPUT, List.of("three-features.csv, line 1: ",
        "expected 3 fields (a label and n[0] = 2 features, as the model says)", "found 4 fields"));
  }
}
