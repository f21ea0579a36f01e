package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * Issue 14's controls together on the planar flower: standardization, class weights, L2, Adam on mini-batches and
 * early stopping on a held-out fraction, through both engines (the same bits) and across a crash and resume (the
 * same bits again), with each control recorded.
 */
class TabularControlsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CONTROLS = {"--scale", "standardize", "--class-weight", "1,3", "--l2", "0.1",
      "--optimizer", "adam", "--learning-rate", "0.01", "--batch-size", "64", "--epochs", "40",
      "--validation-fraction", "0.2", "--eval-every", "2", "--early-stopping-patience", "3",
      "--early-stopping-min-delta", "0.01", "--partitions", "2"};

  @TempDir
  Path dir;

  private static CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", CsvData.FLOWER.toString(), "--layers", "2,8,1",
        "--seed", "3", "--print-every", "10", "--output", output.toString()));
    args.addAll(List.of(CONTROLS));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve("metrics.json").toFile());
  }

  private static byte[] parameters(Path output) throws IOException {
    return Files.readAllBytes(output.resolve(ModelStore.PARAMETERS_FILE));
  }

  @Test
  void bothEnginesAndAResumedRunWriteTheSameModel() throws IOException {
    Path resident = dir.resolve("resident");
    CommandRun run = train(resident);
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode recorded = metrics(resident);
    assertEquals("standardize", recorded.at("/config/scale").textValue());
    assertEquals("1.0,3.0", recorded.at("/config/class_weight").textValue());
    assertEquals(0.1, recorded.at("/config/l2").doubleValue());
    assertEquals(0.2, recorded.at("/config/validation_fraction").doubleValue());
    assertEquals("epoch", recorded.at("/early_stopping/unit").textValue());
    assertEquals(320, recorded.at("/train/m").intValue());
    int epochs = recorded.get("costs").size();
    assertTrue(epochs > 4, recorded.get("early_stopping").toString());

    Path jobs = dir.resolve("jobs");
    assertEquals(0, train(jobs, "--engine", "jobs").exitCode());
    assertArrayEquals(parameters(resident), parameters(jobs), "the engines' bits");
    assertEquals(recorded.get("early_stopping"), metrics(jobs).get("early_stopping"));

    Path checkpoints = dir.resolve("checkpoints");
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 4);
    String[] withCheckpoints = {"--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "2"};
    CommandRun crashed = train(dir.resolve("resumed"), withCheckpoints);
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    List<String> resume = new ArrayList<>(List.of(withCheckpoints));
    resume.add("--resume");
    CommandRun resumed = train(dir.resolve("resumed"), resume.toArray(String[]::new));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 2 of 40"), resumed.out());
    assertArrayEquals(parameters(resident), parameters(dir.resolve("resumed")), "the resumed run's bits");
    assertEquals(recorded.get("costs"), metrics(dir.resolve("resumed")).get("costs"));
  }
}
