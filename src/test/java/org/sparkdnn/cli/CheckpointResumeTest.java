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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.io.Checkpoint;
import org.sparkdnn.io.CheckpointStore;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --checkpoint-dir DIR --checkpoint-every K --resume} end to end on the planar flower (week 3's
 * network), in the shared local[2] context. A crash is injected by a directory in the way of one checkpoint's
 * JSON file: writing it fails, as a full disk or a killed driver would stop the run there.
 */
class CheckpointResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static CommandRun train(Path output, Path checkpoints, String... changes) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--train", CsvData.FLOWER.toString());
    options.put("--layers", "2,4,1");
    options.put("--activations", "tanh,sigmoid");
    options.put("--learning-rate", "1.2");
    options.put("--iterations", "300");
    options.put("--init", "course-small");
    options.put("--seed", "2");
    options.put("--partitions", "2");
    options.put("--print-every", "100");
    options.put("--checkpoint-dir", checkpoints.toString());
    options.put("--checkpoint-every", "40");
    options.put("--output", output.toString());
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
    return CommandRun.of(args.toArray(String[]::new));
  }

  /** A run that stops when it comes to write checkpoint {@code crashAt}: its older checkpoints stay. */
  private static CommandRun crashing(Path output, Path checkpoints, int crashAt, String... changes)
      throws IOException {
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, crashAt);
    CommandRun run = train(output, checkpoints, changes);
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run.toString());
    assertFalse(Files.exists(output), "no model from a crashed run");
    blocker.remove();
    return run;
  }

  private static List<String> checkpointFiles(Path checkpoints) throws IOException {
    try (Stream<Path> files = Files.list(checkpoints)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint-")).sorted().toList();
    }
  }

  private static JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve(TrainedModel.METRICS_FILE).toFile());
  }

  private static double[] costs(Path output) throws IOException {
    JsonNode costs = metrics(output).get("costs");
    double[] values = new double[costs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = costs.get(i).doubleValue();
    }
    return values;
  }

  private static void assertContains(CommandRun run, String... parts) {
    for (String part : parts) {
      assertTrue(run.out().contains(part) || run.err().contains(part), "expected '" + part + "' in\n" + run);
    }
  }

  @Test
  void aResumedRunWritesTheModelOfAnUninterruptedOneBitForBit() throws IOException {
    Path straight = dir.resolve("straight");
    CommandRun uninterrupted = train(straight, dir.resolve("ck-straight"));
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.toString());
    assertContains(uninterrupted, "Removed 2 checkpoints from ");
    assertEquals(List.of(), checkpointFiles(dir.resolve("ck-straight")), "checkpoints removed with the model");

    Path checkpoints = dir.resolve("ck");
    Path resumedModel = dir.resolve("resumed");
    crashing(resumedModel, checkpoints, 160);
    assertEquals(List.of("checkpoint-0000000080.json", "checkpoint-0000000080.parameters.bin",
        "checkpoint-0000000120.json", "checkpoint-0000000120.parameters.bin",
        "checkpoint-0000000160.parameters.bin"), checkpointFiles(checkpoints), "the newest two, and an orphan");

    CommandRun resumed = train(resumedModel, checkpoints, "--resume");
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertContains(resumed, "Resumed from ", "checkpoint-0000000120.json at iteration 120 of 300",
        "Cost after iteration 200: ", "Cost after iteration 299: ");
    assertFalse(resumed.out().contains("Cost after iteration 100: "), "iterations before 120 are not rerun");
    assertArrayEquals(Files.readAllBytes(straight.resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(resumedModel.resolve(ModelStore.PARAMETERS_FILE)), "parameters.bin, byte for byte");
    assertArrayEquals(costs(straight), costs(resumedModel), "the cost history, the checkpoint's and the new");
    assertEquals(300, costs(resumedModel).length);
    assertEquals(metrics(straight).get("data_fingerprint"), metrics(resumedModel).get("data_fingerprint"));
    assertTrue(metrics(resumedModel).get("data_fingerprint").textValue().matches("[0-9a-f]{64}"));
    assertEquals(120, metrics(resumedModel).at("/resumed_from/iteration").intValue());
    assertTrue(metrics(straight).get("resumed_from").isNull());
    assertEquals(List.of(), checkpointFiles(checkpoints));
  }

  @Test
  void aCheckpointOfAnotherConfigurationOrOtherDataIsRefusedAndKept() throws IOException {
    Path checkpoints = dir.resolve("ck");
    Path output = dir.resolve("out");
    crashing(output, checkpoints, 30, "--iterations", "50", "--checkpoint-every", "10");
    List<String> kept = checkpointFiles(checkpoints);
    String newest = "checkpoint-0000000020.json";
    assertTrue(kept.contains(newest), kept.toString());

    CommandRun again = train(output, checkpoints, "--iterations", "50", "--checkpoint-every", "10");
    assertEquals(ExitCodes.USAGE, again.exitCode(), again.toString());
    assertContains(again, "expected no checkpoint without --resume, found ", newest, "pass --resume");

    CommandRun otherRate = train(output, checkpoints, "--iterations", "50", "--resume", "--learning-rate", "1.0");
    assertEquals(ExitCodes.USAGE, otherRate.exitCode(), otherRate.toString());
    assertContains(otherRate, "--resume: ", newest + " was written by another run: expected the same "
        + "configuration, found learning_rate: 1.2 in the checkpoint, 1.0 now");

    CommandRun otherLayout = train(output, checkpoints, "--iterations", "50", "--resume", "--partitions", "3",
        "--layers", "2,5,1");
    assertEquals(ExitCodes.USAGE, otherLayout.exitCode(), otherLayout.toString());
    assertContains(otherLayout, "layers: [2,4,1] in the checkpoint, [2,5,1] now",
        "partitions: 2 in the checkpoint, 3 now");

    Path fewer = dir.resolve("flower-399.csv");
    List<String> lines = Files.readAllLines(CsvData.FLOWER);
    Files.write(fewer, lines.subList(0, 399));
    CommandRun otherData = train(output, checkpoints, "--iterations", "50", "--resume", "--train", fewer.toString());
    assertEquals(ExitCodes.USAGE, otherData.exitCode(), otherData.toString());
    Checkpoint checkpoint = CheckpointStore.open(new org.apache.hadoop.fs.Path(checkpoints.toString()),
        new Configuration()).read(new org.apache.hadoop.fs.Path(checkpoints.resolve(newest).toString()));
    assertContains(otherData, "expected the same training data, found the data fingerprint "
        + checkpoint.dataFingerprint() + " (m = 400) in the checkpoint, ", " (m = 399) now");

    CommandRun tooFew = train(output, checkpoints, "--iterations", "15", "--resume");
    assertEquals(ExitCodes.USAGE, tooFew.exitCode(), tooFew.toString());
    assertContains(tooFew, "--iterations: expected at least the iteration 20 of the checkpoint ", "found 15");
    assertEquals(kept, checkpointFiles(checkpoints), "a refused run leaves the checkpoints as they were");
    assertFalse(Files.exists(output));

    // a larger --iterations continues: the same as a run of that many iterations from the start
    CommandRun longer = train(output, checkpoints, "--iterations", "70", "--resume", "--checkpoint-every", "10");
    assertEquals(0, longer.exitCode(), longer.toString());
    assertContains(longer, "at iteration 20 of 70");
    Path straight = dir.resolve("straight");
    CommandRun reference = train(straight, dir.resolve("ck-straight"), "--iterations", "70");
    assertEquals(0, reference.exitCode(), reference.toString());
    assertArrayEquals(Files.readAllBytes(straight.resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(output.resolve(ModelStore.PARAMETERS_FILE)));
    assertArrayEquals(costs(straight), costs(output));
  }

  @Test
  void aCorruptNewestCheckpointStopsTheRunBeforeTheWork() throws IOException {
    Path checkpoints = dir.resolve("ck");
    Path output = dir.resolve("out");
    crashing(output, checkpoints, 30, "--iterations", "50", "--checkpoint-every", "10");
    Path bin = checkpoints.resolve("checkpoint-0000000020.parameters.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(bin, bytes);
    Files.delete(checkpoints.resolve(".checkpoint-0000000020.parameters.bin.crc"));
    CommandRun run = train(output, checkpoints, "--iterations", "50", "--resume");
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    assertContains(run, "checkpoint-0000000020.parameters.bin: SHA-256 mismatch: expected ",
        "(from checkpoint-0000000020.json), found ");
    assertFalse(run.out().contains("Training data:"), "stopped before loading the data\n" + run);
  }

  @Test
  void resumeWithoutACheckpointStartsAtIterationZeroAndSaysSo() throws IOException {
    Path checkpoints = dir.resolve("empty");
    CommandRun run = train(dir.resolve("out"), checkpoints, "--iterations", "5", "--resume");
    assertEquals(0, run.exitCode(), run.toString());
    assertContains(run, "No checkpoint in ", "to resume from: starting at iteration 0",
        "Cost after iteration 0: 0.693048");
    assertEquals(List.of(), checkpointFiles(checkpoints));
  }

  @Test
  void divergenceKeepsTheLastGoodCheckpointAndNamesIt() throws IOException {
    Path checkpoints = dir.resolve("ck");
    // ReLU hidden units from He's initialisation at α = 100 overflow the cost after about 100 iterations
    CommandRun run = train(dir.resolve("out"), checkpoints, "--activations", "relu,sigmoid", "--init", "he",
        "--seed", "1", "--learning-rate", "100", "--iterations", "1000", "--checkpoint-every", "25");
    assertEquals(ExitCodes.DIVERGED, run.exitCode(), run.toString());
    List<String> left = checkpointFiles(checkpoints);
    String newest = left.stream().filter(n -> n.endsWith(".json")).reduce((a, b) -> b).orElseThrow();
    assertContains(run, "training diverged at iteration ", "try a smaller learning rate than 100.0; the last good "
        + "checkpoint is kept: ", newest);
    Checkpoint good = CheckpointStore.open(new org.apache.hadoop.fs.Path(checkpoints.toString()),
        new Configuration()).read(new org.apache.hadoop.fs.Path(checkpoints.resolve(newest).toString()));
    for (double value : good.parameters().values()) {
      assertTrue(Double.isFinite(value), "a finite parameter, found " + value);
    }
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void checkpointOptionsAreValidated() throws IOException {
    CommandRun never = train(dir.resolve("out"), dir.resolve("ck"), "--checkpoint-every", "0");
    assertEquals(ExitCodes.USAGE, never.exitCode(), never.toString());
    assertContains(never, "--checkpoint-every: expected 1 or more, found 0");
    CommandRun nowhere = CommandRun.of("train", "--train", CsvData.FLOWER.toString(), "--layers", "2,1",
        "--learning-rate", "0.1", "--iterations", "2", "--output", dir.resolve("o").toString(), "--resume");
    assertEquals(ExitCodes.USAGE, nowhere.exitCode(), nowhere.toString());
    assertContains(nowhere, "--resume: expected --checkpoint-dir DIR to resume from, found none");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CommandRun blocked = train(dir.resolve("out"), file, "--iterations", "2");
    assertEquals(ExitCodes.USAGE, blocked.exitCode(), blocked.toString());
    assertContains(blocked, "--checkpoint-dir " + file, "expected a directory, found a file");
    assertFalse(blocked.out().contains("Training data:"), "refused before loading the data\n" + blocked);
  }
}
