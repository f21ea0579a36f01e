package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --batch-size B --epochs E} end to end on the planar flower (400 samples, so 7 mini-batches of 64,
 * the last of 16): "Cost after epoch" lines, the same model from both engines and in float32, the same model whatever
 * the partitioning (to rounding), a resumed run byte for byte, and bad combinations exit 2 naming the options.
 */
class MiniBatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", CsvData.FLOWER.toString(), "--layers",
        "2,4,1", "--activations", "tanh,sigmoid", "--learning-rate", "0.02", "--optimizer", "adam", "--init", "he",
        "--seed", "2", "--print-every", "1", "--output", output.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve("metrics.json").toFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void bothEnginesGiveTheSameModelEpochByEpoch(String precision) throws IOException {
    String[] options = {"--batch-size", "64", "--epochs", "6", "--partitions", "2", "--precision", precision};
    CommandRun resident = train(dir.resolve("resident"), options);
    List<String> jobsOptions = new ArrayList<>(List.of(options));
    jobsOptions.addAll(List.of("--engine", "jobs"));
    CommandRun jobs = train(dir.resolve("jobs"), jobsOptions.toArray(String[]::new));
    assertEquals(0, resident.exitCode(), resident.toString());
    assertEquals(0, jobs.exitCode(), jobs.toString());
    assertEquals("resident", metrics(dir.resolve("resident")).get("engine").textValue());
    assertTrue(resident.out().contains("Cost after epoch 0: "), resident.out());
    assertTrue(resident.out().contains("Cost after epoch 5: "), resident.out());
    assertFalse(resident.out().contains("Cost after iteration"), resident.out());
    JsonNode recorded = metrics(dir.resolve("resident"));
    assertEquals(6, recorded.get("costs").size());
    assertEquals(64, recorded.at("/config/batch_size").intValue());
    assertEquals(6, recorded.at("/config/epochs").intValue());
    assertEquals(6 * 7, recorded.get("iteration_seconds").size(), "one time per update");
    assertEquals(recorded.get("costs"), metrics(dir.resolve("jobs")).get("costs"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("resident").resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(dir.resolve("jobs").resolve(ModelStore.PARAMETERS_FILE)));
    // the costs fall: six epochs of Adam on mini-batches learn the flower's first split
    double first = recorded.get("costs").get(0).doubleValue();
    double last = recorded.get("costs").get(5).doubleValue();
    assertTrue(last < first, first + " then " + last);
  }

  @Test
  void thePartitioningChangesOnlyTheRounding() throws IOException {
    double[][] costs = new double[3][];
    int[] partitions = {1, 2, 5};
    for (int i = 0; i < 3; i++) {
      Path output = dir.resolve("p" + partitions[i]);
      CommandRun run = train(output, "--batch-size", "50", "--epochs", "4", "--partitions",
          Integer.toString(partitions[i]), "--engine", "jobs");
      assertEquals(0, run.exitCode(), run.toString());
      JsonNode series = metrics(output).get("costs");
      costs[i] = new double[series.size()];
      for (int e = 0; e < costs[i].length; e++) {
        costs[i][e] = series.get(e).doubleValue();
      }
    }
    for (int i = 1; i < 3; i++) {
      for (int e = 0; e < costs[0].length; e++) {
        assertEquals(costs[0][e], costs[i][e], 1e-12 * costs[0][e], partitions[i] + " partitions, epoch " + e);
      }
    }
  }

  @Test
  void aResumedRunWritesTheUninterruptedRunsModelByteForByte() throws IOException {
    String[] options = {"--batch-size", "64", "--epochs", "6", "--partitions", "2"};
    CommandRun straight = train(dir.resolve("straight"), options);
    assertEquals(0, straight.exitCode(), straight.toString());
    Path checkpoints = dir.resolve("checkpoints");
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 4);
    List<String> withCheckpoints = new ArrayList<>(List.of(options));
    withCheckpoints.addAll(List.of("--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "2"));
    CommandRun crashed = train(dir.resolve("resumed"), withCheckpoints.toArray(String[]::new));
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    withCheckpoints.add("--resume");
    CommandRun resumed = train(dir.resolve("resumed"), withCheckpoints.toArray(String[]::new));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 2 of 6"), resumed.out());
    assertArrayEquals(Files.readAllBytes(dir.resolve("straight").resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(dir.resolve("resumed").resolve(ModelStore.PARAMETERS_FILE)));
    assertEquals(metrics(dir.resolve("straight")).get("costs"), metrics(dir.resolve("resumed")).get("costs"));
  }

  @Test
  void theTestHistoryIsTakenEveryKEpochs() throws IOException {
    Path output = dir.resolve("history");
    CommandRun run = train(output, "--batch-size", "100", "--epochs", "4", "--test", CsvData.FLOWER.toString(),
        "--eval-every", "2");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode history = metrics(output).get("test_history");
    assertEquals(3, history.size(), history.toString());
    assertEquals(4, history.get(2).get("iteration").intValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--batch-size 64 | --epochs | expected a value with --batch-size 64, found none",
      "--epochs 3 | --epochs | applies with --batch-size B only, found no --batch-size",
      "--batch-size 64 --epochs 3 --iterations 10 | --iterations | --batch-size 64 counts epochs: expected --epochs E "
          + "instead, found --iterations 10",
      "--batch-size -1 --epochs 3 | --batch-size | -1",
      "--batch-size 401 --epochs 3 | --batch-size | expected at most the 400 samples trained on, found 401",
      "--batch-size 321 --epochs 3 --validation-fraction 0.2 | --batch-size | expected at most the 320 samples "
          + "trained on, found 321",
      "--batch-size 64 --epochs 0 | --epochs | 0",
      "--block-size 64 | --iterations | expected a value (or --batch-size B with --epochs E), found none"})
  void badCombinationsAreExit2NamingTheOptions(String options, String option, String message) {
    CommandRun run = train(dir.resolve("bad"), options.split(" "));
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains(option) && run.err().contains(message), run.err());
    assertFalse(Files.exists(dir.resolve("bad")));
  }
}
