package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.FaultyFileSystem;
import org.sparkdnn.testing.FaultyFileSystem.Operation;
import org.sparkdnn.testing.FileTrees;

/**
 * A full disk and permission denied on the outputs of train, predict, evaluate and export, through the
 * {@code faulty://} file system: a message naming the path and the cause, exit code 1 (or 2 when the output is
 * refused before any work), and nothing half-written left behind: no staging directory or temporary file, and an
 * existing output exactly as it was.
 */
class OutputFaultsTest {
  private static final String DATA = Path.of("src/test/resources/bad-inputs/no-header.csv").toString();

  @TempDir
  static Path shared;
  private static Path model;

  @TempDir
  Path work;

  @BeforeAll
  static void trainModel() {
    model = shared.resolve("model");
    CommandRun run = train(model.toString(), "--print-every", "0");
    assertEquals(0, run.exitCode(), run.toString());
  }

  @BeforeEach
  @AfterEach
  void noFaults() {
    FaultyFileSystem.reset();
  }

  private static CommandRun train(String output, String... options) {
    List<String> args = new ArrayList<>(List.of("train", "--train", DATA, "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "5", "--output", output));
    args.addAll(List.of(options));
    return CommandRun.of(args.toArray(new String[0]));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertFails(CommandRun run, int exitCode, String... fragments) {
    assertEquals(exitCode, run.exitCode(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
    assertFalse(run.err().contains("\tat "), "a message, not a stack trace\n" + run);
  }

  /** A copy of the trained model at {@code work/name}, as a previous nightly run published it. */
  private Path published(String name) throws IOException {
    Path dir = work.resolve(name);
    FileTrees.copy(model, dir);
    return dir;
  }

  @Test
  void trainingWhenTheDiskFillsUpLeavesThePublishedModelAsItWas() throws IOException {
    Path out = published("nightly");
    Map<String, String> before = FileTrees.contents(out);
    FaultyFileSystem.diskFullAfter(500); // parameters.bin (120 bytes) fits, model.json does not
    CommandRun run = train(FaultyFileSystem.uri(out), "--overwrite");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write --output faulty:" + out + " (left as it was): ",
        "No space left on device");
    assertEquals(before, FileTrees.contents(out), "the published model");
    assertEquals(List.of("nightly"), names(work), "no staging directory left beside it");
  }

  @Test
  void trainingWhenTheDiskIsFullFromTheStartCreatesNothing() throws IOException {
    Path out = work.resolve("nightly");
    FaultyFileSystem.diskFullAfter(0);
    CommandRun run = train(FaultyFileSystem.uri(out));
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write --output faulty:" + out + " (left as it was): ",
        "cannot write the model to ", "No space left on device");
    assertEquals(List.of(), names(work), "nothing created");
  }

  @Test
  void anOutputWhereDirectoriesCannotBeCreatedIsRefusedBeforeTraining() throws IOException {
    Path locked = Files.createDirectory(work.resolve("locked"));
    Path out = locked.resolve("nightly");
    FaultyFileSystem.deny(locked, Operation.MKDIRS, Operation.CREATE);
    CommandRun run = train(FaultyFileSystem.uri(out), "--print-every", "1");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.USAGE, "--output faulty:" + out + ": expected a directory that can be created",
        "found no permission to create it in faulty:" + locked, "Permission denied");
    assertFalse(run.out().contains("Cost after"), "refused before training\n" + run);
    assertEquals(List.of(), names(locked), "nothing created");
  }

  @Test
  void aPublishedModelThatCannotBeReplacedStaysAsItWas() throws IOException {
    Path out = published("nightly");
    Map<String, String> before = FileTrees.contents(out);
    FaultyFileSystem.deny(out, Operation.RENAME); // the model is written, but cannot take the place of the old one
    CommandRun run = train(FaultyFileSystem.uri(out), "--overwrite");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot publish --output faulty:" + out + ": ", "Permission denied");
    assertEquals(before, FileTrees.contents(out), "the published model");
    assertEquals(List.of("nightly"), names(work), "no staging directory left beside it");
  }

  @Test
  void predictionsWhenTheDiskFillsUpLeaveThePreviousPredictionsAsTheyWere() throws IOException {
    Path out = work.resolve("predictions");
    CommandRun first = CommandRun.of("predict", "--model", model.toString(), "--input", DATA,
        "--output", out.toString());
    assertEquals(0, first.exitCode(), first.toString());
    Map<String, String> before = FileTrees.contents(out);
    FaultyFileSystem.diskFullAfter(100); // 12 rows of about 22 bytes
    CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--input", DATA,
        "--output", FaultyFileSystem.uri(out), "--overwrite");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write --output faulty:" + out + " (left as it was): ",
        "No space left on device");
    assertEquals(before, FileTrees.contents(out), "the previous predictions");
    assertEquals(List.of("predictions"), names(work), "no staging directory left beside them");
  }

  @Test
  void metricsWhenTheDiskFillsUpLeaveThePreviousFileAsItWas() throws IOException {
    Path metrics = Files.writeString(work.resolve("metrics.json"), "{\"accuracy\": 0.5}\n");
    FaultyFileSystem.diskFullAfter(100);
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", FaultyFileSystem.uri(metrics), "--overwrite");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write faulty:" + metrics + ": ", "No space left on device");
    assertEquals("{\"accuracy\": 0.5}\n", Files.readString(metrics));
    assertEquals(List.of("metrics.json"), names(work), "no temporary file left");
  }

  @Test
  void metricsThatCannotReplaceThePreviousFileLeaveItAsItWas() throws IOException {
    Path metrics = Files.writeString(work.resolve("metrics.json"), "{\"accuracy\": 0.5}\n");
    FaultyFileSystem.deny(work, Operation.RENAME);
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", FaultyFileSystem.uri(metrics), "--overwrite");
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write faulty:" + metrics + ": ", "Permission denied");
    assertEquals("{\"accuracy\": 0.5}\n", Files.readString(metrics));
    assertEquals(List.of("metrics.json"), names(work), "no temporary file left");
  }

  @Test
  void metricsWhereNoFileCanBeCreatedAreRefusedBeforeEvaluating() throws IOException {
    Path metrics = work.resolve("reports").resolve("metrics.json");
    FaultyFileSystem.deny(work, Operation.MKDIRS, Operation.CREATE);
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", FaultyFileSystem.uri(metrics));
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.USAGE, "--output faulty:" + metrics + ": ", "no permission to create it in",
        "Permission denied");
    assertFalse(run.out().contains("accuracy"), "refused before evaluating\n" + run);
    assertEquals(List.of(), names(work), "nothing created");
  }

  @Test
  void exportWhenTheDiskFillsUpWritesNothing() throws IOException {
    Path json = work.resolve("parameters.json");
    FaultyFileSystem.diskFullAfter(50);
    CommandRun run = CommandRun.of("export", "--model", model.toString(), "--output", FaultyFileSystem.uri(json));
    FaultyFileSystem.reset();
    assertFails(run, ExitCodes.FAILURE, "cannot write faulty:" + json + ": ", "No space left on device");
    assertEquals(List.of(), names(work), "no temporary file left");
  }
}
