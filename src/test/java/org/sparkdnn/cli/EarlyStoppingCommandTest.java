package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * Early stopping end to end on the planar flower in the shared local[2] context: a held-out fraction or a
 * validation file, the stop and its reason in the output and metrics.json, the best model written (not the last),
 * the same stop from both engines, every partitioning and a resumed run, epochs with mini-batches, and the bad
 * values exit 2 naming the option.
 */
class EarlyStoppingCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();
  /** Improvements of the validation log-loss by 0.02 per 50 iterations end the course's planar run early. */
  private static final String[] STOPPING = {"--validation-fraction", "0.2", "--iterations", "3000", "--eval-every",
      "50", "--early-stopping-patience", "3", "--early-stopping-min-delta", "0.02"};

  @TempDir
  Path dir;

  private static CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", FLOWER, "--layers", "2,4,1", "--activations",
        "tanh,sigmoid", "--learning-rate", "1.2", "--init", "course-small", "--seed", "2", "--print-every", "1000",
        "--output", output.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static String[] with(String[] options, String... more) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve("metrics.json").toFile());
  }

  private static byte[] parameters(Path output) throws IOException {
    return Files.readAllBytes(output.resolve(ModelStore.PARAMETERS_FILE));
  }

  @Test
  void aHeldOutFractionStopsTheRunSaysWhyAndWritesTheBestModel() throws IOException {
    Path output = dir.resolve("stopped");
    CommandRun run = train(output, with(STOPPING, "--partitions", "2"));
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Validation data: 80 of the 400 training samples held out "
        + "(--validation-fraction 0.2), 320 trained on"), run.out());
    JsonNode stop = metrics(output).get("early_stopping");
    int stoppedAt = stop.get("stopped_at").intValue();
    int best = stop.get("best_iteration").intValue();
    assertTrue(stop.get("stopped_early").booleanValue(), stop.toString());
    assertTrue(stoppedAt > 150 && stoppedAt < 3000 && stoppedAt % 50 == 0, stop.toString());
    assertTrue(best <= stoppedAt && best % 50 == 0, stop.toString());
    assertEquals("iteration", stop.get("unit").textValue());
    assertEquals(3, stop.get("patience").intValue());
    assertTrue(run.out().contains("Early stopping after iteration " + stoppedAt + ": the validation log-loss did not "
        + "improve by more than 0.02 in 3 checks in a row (one every 50 iterations); the model written is the one "
        + "after " + best + " iterations"), run.out());
    JsonNode recorded = metrics(output);
    assertEquals(stoppedAt, recorded.get("costs").size(), "the costs of the iterations run");
    assertEquals(0.2, recorded.at("/config/validation_fraction").doubleValue());
    assertEquals(50, recorded.at("/config/eval_every").intValue());
    JsonNode history = recorded.get("validation_history");
    assertEquals(stoppedAt / 50 + 1, history.size(), history.toString());
    assertEquals(stoppedAt, history.get(history.size() - 1).get("iteration").intValue());
    assertEquals(80, recorded.at("/validation/m").intValue());
    assertEquals(320, recorded.at("/train/m").intValue());
    // the model written measures the best log-loss on the validation data
    assertEquals(stop.get("best_validation_log_loss").doubleValue(), recorded.at("/validation/log_loss").doubleValue(),
        1e-12);
    // and is the model of a run of `best` iterations on the same 320 samples
    Path shorter = dir.resolve("shorter");
    CommandRun again = train(shorter, "--validation-fraction", "0.2", "--iterations", Integer.toString(best),
        "--eval-every", "50", "--early-stopping-patience", "1000", "--partitions", "2");
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals(best, metrics(shorter).at("/early_stopping/best_iteration").intValue());
    assertFalse(metrics(shorter).at("/early_stopping/stopped_early").booleanValue());
    assertTrue(again.out().contains("Early stopping: did not stop in " + best + " iterations"), again.out());
    assertArrayEquals(parameters(shorter), parameters(output));
  }

  @Test
  void aValidationFileTheModelGetsWorseOnKeepsTheEarlierModel() throws IOException {
    // the flower with every label flipped: the better the model learns the flower, the worse it does here
    Path flipped = dir.resolve("flipped.csv");
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(CsvData.FLOWER)) {
      rows.add((line.startsWith("0,") ? "1" : "0") + line.substring(1));
    }
    Files.write(flipped, rows);
    Path output = dir.resolve("model");
    CommandRun run = train(output, "--validation", flipped.toString(), "--iterations", "1000", "--eval-every", "20",
        "--early-stopping-patience", "2", "--partitions", "2");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Validation data: 400 samples from " + flipped), run.out());
    JsonNode stop = metrics(output).get("early_stopping");
    assertTrue(stop.get("stopped_early").booleanValue(), stop.toString());
    assertTrue(stop.get("best_iteration").intValue() < stop.get("stopped_at").intValue(), stop.toString());
    assertEquals(400, metrics(output).at("/train/m").intValue(), "a validation file holds nothing out");
    Path evaluation = dir.resolve("evaluation.json");
    CommandRun evaluate = CommandRun.of("evaluate", "--model", output.toString(), "--input", flipped.toString(),
        "--output", evaluation.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.toString());
    assertEquals(stop.get("best_validation_log_loss").doubleValue(),
        JSON.readTree(evaluation.toFile()).get("log_loss").doubleValue(), 1e-12, "the model file is the best one");
  }

  @Test
  void bothEnginesEveryPartitioningAndFloat32StopAlike() throws IOException {
    Path resident = dir.resolve("resident");
    assertEquals(0, train(resident, with(STOPPING, "--partitions", "2")).exitCode());
    JsonNode stop = metrics(resident).get("early_stopping");
    Path jobs = dir.resolve("jobs");
    assertEquals(0, train(jobs, with(STOPPING, "--partitions", "2", "--engine", "jobs")).exitCode());
    assertEquals(stop, metrics(jobs).get("early_stopping"));
    assertArrayEquals(parameters(resident), parameters(jobs), "the engines' bits");
    double[] reference = values(resident);
    for (String partitions : List.of("1", "5")) {
      Path output = dir.resolve("p" + partitions);
      assertEquals(0, train(output, with(STOPPING, "--partitions", partitions, "--engine", "jobs")).exitCode());
      JsonNode found = metrics(output).get("early_stopping");
      assertEquals(stop.get("stopped_at"), found.get("stopped_at"), partitions + " partitions");
      assertEquals(stop.get("best_iteration"), found.get("best_iteration"), partitions + " partitions");
      double loss = stop.get("best_validation_log_loss").doubleValue();
      assertEquals(loss, found.get("best_validation_log_loss").doubleValue(), 1e-12 * loss);
      double[] values = values(output);
      for (int i = 0; i < reference.length; i++) {
        assertEquals(reference[i], values[i], 1e-12 * Math.max(1, Math.abs(reference[i])), partitions + ", " + i);
      }
    }
    Path single = dir.resolve("float32");
    CommandRun run = train(single, with(STOPPING, "--partitions", "2", "--precision", "float32"));
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode found = metrics(single).get("early_stopping");
    assertTrue(found.get("stopped_early").booleanValue(), found.toString());
    assertEquals(stop.get("best_validation_log_loss").doubleValue(),
        found.get("best_validation_log_loss").doubleValue(), 1e-3);
  }

  /** parameters.bin's values: after the 8-byte magic and the 8-byte count, big-endian doubles. */
  private static double[] values(Path output) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(parameters(output));
    bytes.position(8);
    double[] values = new double[(int) bytes.getLong()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes.getDouble();
    }
    return values;
  }

  @Test
  void withMiniBatchesTheChecksCountEpochs() throws IOException {
    Path output = dir.resolve("epochs");
    // a minimum improvement no run reaches: the third check stops the run
    CommandRun run = train(output, "--validation-fraction", "0.25", "--batch-size", "64", "--epochs", "30",
        "--optimizer", "adam", "--eval-every", "1", "--early-stopping-patience", "2",
        "--early-stopping-min-delta", "1", "--partitions", "2");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode recorded = metrics(output);
    assertEquals("epoch", recorded.at("/early_stopping/unit").textValue());
    assertEquals(2, recorded.at("/early_stopping/stopped_at").intValue());
    assertEquals(2, recorded.get("costs").size());
    assertTrue(run.out().contains("Early stopping after epoch 2: "), run.out());
    assertEquals(300, recorded.at("/train/m").intValue());
  }

  @Test
  void aResumedRunStopsWhereTheUninterruptedRunStops() throws IOException {
    CommandRun straight = train(dir.resolve("straight"), with(STOPPING, "--partitions", "2"));
    assertEquals(0, straight.exitCode(), straight.toString());
    Path checkpoints = dir.resolve("checkpoints");
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 100);
    String[] withCheckpoints = with(STOPPING, "--partitions", "2", "--checkpoint-dir", checkpoints.toString(),
        "--checkpoint-every", "50");
    CommandRun crashed = train(dir.resolve("resumed"), withCheckpoints);
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    assertTrue(Files.exists(checkpoints.resolve("checkpoint-0000000050.best.bin")));
    CommandRun resumed = train(dir.resolve("resumed"), with(withCheckpoints, "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 50 of 3000"), resumed.out());
    assertArrayEquals(parameters(dir.resolve("straight")), parameters(dir.resolve("resumed")));
    assertEquals(metrics(dir.resolve("straight")).get("early_stopping"),
        metrics(dir.resolve("resumed")).get("early_stopping"));
    assertEquals(metrics(dir.resolve("straight")).get("costs"), metrics(dir.resolve("resumed")).get("costs"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--validation-fraction 0 | --validation-fraction | expected a number in (0, 1), found 0.0",
      "--validation-fraction 1.5 | --validation-fraction | expected a number in (0, 1), found 1.5",
      "--validation-fraction 0.999 | --validation-fraction | 0.999 of m = 400 samples holds out 400, leaving none",
      "--validation-fraction 0.2 --validation x.csv | --validation, --validation-fraction | expected at most one "
          + "source of validation data, found both",
      "--validation-fraction 0.2 --eval-every 0 | --eval-every | expected 1 or more with --validation-fraction",
      "--validation-fraction 0.2 --early-stopping-patience 0 | --early-stopping-patience | expected 1 or more, found 0",
      "--early-stopping-patience 5 | --early-stopping-patience | applies with --validation or --validation-fraction "
          + "only, found neither",
      "--validation-fraction 0.2 --early-stopping-min-delta -1 | --early-stopping-min-delta | expected a finite "
          + "number >= 0, found -1.0"})
  void badValuesAreExit2NamingTheOption(String options, String option, String message) {
    CommandRun run = train(dir.resolve("bad"), with(options.split(" "), "--iterations", "10"));
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains(option) && run.err().contains(message), run.err());
    assertFalse(Files.exists(dir.resolve("bad")));
  }
}
