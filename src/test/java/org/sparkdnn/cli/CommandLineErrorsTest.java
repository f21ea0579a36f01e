package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.CsvData;

/** Mistakes on the command line: a message saying where, what was expected and what was found, and the exit code. */
class CommandLineErrorsTest {
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  /** A valid small training run, with the given options added or replaced ("--name", "value" pairs or flags). */
  private CommandRun train(String... changes) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--train", FLOWER);
    options.put("--layers", "2,4,1");
    options.put("--learning-rate", "0.5");
    options.put("--iterations", "3");
    options.put("--output", dir.resolve("out").toString());
    for (int i = 0; i < changes.length; i++) {
      boolean flag = i + 1 == changes.length || changes[i + 1].startsWith("--");
      options.put(changes[i], flag ? null : changes[++i]);
    }
    List<String> args = new ArrayList<>(List.of("train"));
    options.forEach((name, value) -> {
      args.add(name);
      if (value != null) {
        args.add(value);
      }
    });
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
    assertFails(run, ExitCodes.USAGE, "Unknown option", "'--learning-rat'", "spark-dnn train --help");
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
    assertFalse(Files.exists(dir.resolve("out")), "no output after a failure");
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
    assertFails(train("--learning-rate", "0"), ExitCodes.USAGE, "learning rate", "found 0.0");
    assertFails(train("--learning-rate", "0,01"), ExitCodes.USAGE, "--learning-rate", "'0,01'");
    assertFails(train("--iterations", "0"), ExitCodes.USAGE, "iterations must be at least 1, found 0");
    assertFails(train("--layers", "2,0,1"), ExitCodes.USAGE, "n[1] = 0");
    assertFails(train("--init", "glorot"), ExitCodes.USAGE, "unknown initialisation 'glorot'");
    assertFails(train("--scale", "-3"), ExitCodes.USAGE, "'-3'");
  }

  @Test
  void divergingTrainingStopsAtOnceWithExit4AndSuggestsASmallerLearningRate() throws IOException {
    // ReLU hidden units at α = 100: the cost grows about a thousandfold an iteration until it overflows (at 102)
    CommandRun run = train("--learning-rate", "100", "--iterations", "1000", "--print-every", "1");
    assertFails(run, ExitCodes.DIVERGED, "training diverged at iteration ",
        "expected a finite cost and gradient, found a cost of ", "try a smaller learning rate than 100.0");
    assertFalse(run.out().contains("Cost after iteration 200:"), "stopped at once\n" + run);
    assertFalse(Files.exists(dir.resolve("out")), "no output after a failure");
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no staging directory left");
    }
  }

  @Test
  void outputUnderAFileIsRefusedBeforeAnyWork() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
    Path output = file.resolve("out");
    CommandRun run = train("--output", output.toString(), "--print-every", "1");
    assertFails(run, ExitCodes.USAGE, "--output " + output + ": expected a directory that can be created",
        "found a file at", "notes.txt");
    assertFalse(run.out().contains("Cost after"), "refused before training\n" + run);
    assertEquals("not a directory", Files.readString(file));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList(), "nothing created beside the file");
    }
  }

  @Test
  void unreachableSparkMasterIsAUsageErrorWithinSeconds() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = closed.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    String output = dir.resolve("out").toString();
    CommandRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CommandRun.withOwnContext("train",
        "--train", FLOWER, "--layers", "2,1", "--learning-rate", "0.5", "--iterations", "3", "--output", output,
        "--master", master));
    assertFails(run, ExitCodes.USAGE, "--master " + master + ": expected a reachable Spark master, found no answer at "
        + "127.0.0.1:" + port, "within 5 s");
    assertFalse(Files.exists(dir.resolve("out")), "no output");
    CommandRun malformed = CommandRun.withOwnContext("evaluate", "--model", output, "--input", FLOWER,
        "--master", "spark://127.0.0.1");
    assertFails(malformed, ExitCodes.USAGE, "expected spark://HOST:PORT", "found '127.0.0.1'");
  }

  @Test
  void evaluateRefusesAMissingModel() {
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
