package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.PartFiles;

/**
 * {@code --output} of predict and evaluate that already exists: refused before any work (exit 2) unless
 * {@code --overwrite}, which replaces it whole, leaving nothing beside it.
 */
class ExistingOutputTest {
  private static final String DATA = Path.of("src/test/resources/bad-inputs/no-header.csv").toString();
  private static final String PREVIOUS = "{\"accuracy\": 0.5}\n";

  @TempDir
  static Path shared;
  private static Path model;

  @TempDir
  Path work;

  @BeforeAll
  static void train() {
    model = shared.resolve("model");
    CommandRun run = CommandRun.of("train", "--train", DATA, "--layers", "2,3,1", "--learning-rate", "0.5",
        "--iterations", "5", "--print-every", "0", "--output", model.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(work)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void evaluateRefusesAnExistingMetricsFileBeforeEvaluating() throws IOException {
    Path metrics = Files.writeString(work.resolve("metrics.json"), PREVIOUS);
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", metrics.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--output " + metrics + ": expected a path that does not exist yet, "
        + "found an existing file (pass --overwrite to replace it)"), run.toString());
    assertFalse(run.out().contains("accuracy"), "refused before evaluating\n" + run);
    assertEquals(PREVIOUS, Files.readString(metrics));
    assertEquals(List.of("metrics.json"), names());
  }

  @Test
  void evaluateWithOverwriteReplacesTheMetricsFileWhole() throws IOException {
    Path metrics = Files.writeString(work.resolve("metrics.json"), PREVIOUS);
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", metrics.toString(), "--overwrite");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(12, new ObjectMapper().readTree(metrics.toFile()).get("m").asLong());
    assertEquals(List.of(".metrics.json.crc", "metrics.json"), names(), "no temporary or previous file left");
  }

  @Test
  void evaluateCreatesMissingParentDirectories() throws IOException {
    Path metrics = work.resolve("reports").resolve("2026-11-21").resolve("metrics.json");
    CommandRun run = CommandRun.of("evaluate", "--model", model.toString(), "--input", DATA,
        "--output", metrics.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(Files.isRegularFile(metrics), run.toString());
  }

  @Test
  void predictRefusesExistingPredictionsUnlessOverwriting() throws IOException {
    Path predictions = Files.createDirectory(work.resolve("predictions"));
    Files.writeString(predictions.resolve("part-00000"), "0.25,0\n");
    CommandRun refused = CommandRun.of("predict", "--model", model.toString(), "--input", DATA,
        "--output", predictions.toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("--output " + predictions + ": expected a path that does not exist yet, "
        + "found an existing directory (pass --overwrite to replace it)"), refused.toString());
    assertEquals("0.25,0\n", Files.readString(predictions.resolve("part-00000")));

    CommandRun replaced = CommandRun.of("predict", "--model", model.toString(), "--input", DATA,
        "--output", predictions.toString(), "--overwrite");
    assertEquals(0, replaced.exitCode(), replaced.toString());
    assertEquals(12, PartFiles.lines(predictions).size(), "one line per input row, none of the previous ones");
    assertEquals(List.of("predictions"), names(), "no staging or previous directory left");
  }
}
