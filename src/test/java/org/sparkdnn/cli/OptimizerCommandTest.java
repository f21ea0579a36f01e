package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code train --optimizer momentum|adam} end to end on the planar flower: recorded, a run resumed from a
 * checkpoint (moving averages included) writes the uninterrupted run's model byte for byte, and bad values are
 * exit 2 naming the option.
 */
class OptimizerCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", CsvData.FLOWER.toString(), "--layers",
        "2,4,1", "--activations", "tanh,sigmoid", "--learning-rate", "0.05", "--iterations", "20", "--init", "he",
        "--seed", "2", "--partitions", "2", "--print-every", "19", "--output", output.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"momentum", "adam"})
  void aResumedRunWritesTheUninterruptedRunsModelByteForByte(String optimizer) throws IOException {
    CommandRun straight = train(dir.resolve("straight"), "--optimizer", optimizer);
    assertEquals(0, straight.exitCode(), straight.toString());
    assertEquals(optimizer, JSON.readTree(dir.resolve("straight/metrics.json").toFile()).at("/config/optimizer")
        .textValue());
    CommandRun plain = train(dir.resolve("plain"));
    assertNotEquals(JSON.readTree(dir.resolve("plain/metrics.json").toFile()).get("costs"),
        JSON.readTree(dir.resolve("straight/metrics.json").toFile()).get("costs"));

    Path checkpoints = dir.resolve("checkpoints");
    // a directory where the checkpoint of iteration 10 would go makes the run fail there, keeping the one of 5
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 10);
    String[] withCheckpoints = {"--optimizer", optimizer, "--checkpoint-dir", checkpoints.toString(),
        "--checkpoint-every", "5"};
    CommandRun crashed = train(dir.resolve("resumed"), withCheckpoints);
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    assertTrue(Files.exists(checkpoints.resolve("checkpoint-0000000005.optimizer.bin")));
    blocker.remove();
    List<String> resume = new ArrayList<>(List.of(withCheckpoints));
    resume.add("--resume");
    CommandRun resumed = train(dir.resolve("resumed"), resume.toArray(String[]::new));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 5 of 20"), resumed.out());
    assertArrayEquals(Files.readAllBytes(dir.resolve("straight").resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(dir.resolve("resumed").resolve(ModelStore.PARAMETERS_FILE)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--optimizer | rmsprop | expected gd, momentum or adam, found 'rmsprop'",
      "--beta1 | 1 | expected a number in [0, 1), found 1.0",
      "--beta2 | -0.5 | expected a number in [0, 1), found -0.5",
      "--epsilon | 0 | expected a finite number > 0, found 0.0"})
  void badValuesAreExit2NamingTheOption(String option, String value, String message) {
    CommandRun run = train(dir.resolve("bad"), option, value);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains(option) && run.err().contains(message), run.err());
  }

  @Test
  void aCheckpointIsNotResumedWithAnotherOptimizer() throws IOException {
    Path checkpoints = dir.resolve("ck");
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 10);
    CommandRun crashed = train(dir.resolve("a"), "--optimizer", "adam", "--checkpoint-dir", checkpoints.toString(),
        "--checkpoint-every", "5");
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    CommandRun other = train(dir.resolve("b"), "--optimizer", "momentum", "--checkpoint-dir", checkpoints.toString(),
        "--resume");
    assertEquals(ExitCodes.USAGE, other.exitCode(), other.toString());
    assertTrue(other.err().contains("optimizer: \"adam\" in the checkpoint, \"momentum\" now"), other.err());
  }
}
