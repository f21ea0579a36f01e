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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --class-weight} end to end on an imbalanced planar flower (its 200 samples labelled 0 and every fifth
 * of those labelled 1, 40): {@code balanced} comes to m / (2·m_c), recorded in model.json and metrics.json with the
 * per-class recall it raises; both engines give the same model in float64 and float32, with mini-batches; a
 * checkpoint is not resumed with other weights; and bad values are exit 2 naming the option.
 */
class ClassWeightCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private Path imbalanced;

  @BeforeEach
  void writeImbalancedData() throws IOException {
    List<String> kept = new ArrayList<>();
    int ones = 0;
    for (String line : Files.readAllLines(CsvData.FLOWER)) {
      if (line.startsWith("0,") || ones++ % 5 == 0) {
        kept.add(line);
      }
    }
    imbalanced = Files.write(dir.resolve("imbalanced.csv"), kept);
  }

  /** 60 iterations of batch gradient descent on {@code data}, with {@code more} options. */
  private CommandRun train(Path data, String output, String... more) {
    List<String> args = new ArrayList<>(List.of("--iterations", "60"));
    args.addAll(List.of(more));
    return run(data, output, args);
  }

  private CommandRun run(Path data, String output, List<String> more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", data.toString(), "--layers", "2,4,1",
        "--activations", "tanh,sigmoid", "--learning-rate", "1.2", "--init", "he", "--seed", "2", "--partitions",
        "2", "--print-every", "59", "--output", dir.resolve(output).toString()));
    args.addAll(more);
    return CommandRun.of(args.toArray(String[]::new));
  }

  private JsonNode json(String output, String file) throws IOException {
    return JSON.readTree(dir.resolve(output).resolve(file).toFile());
  }

  @Test
  void balancedWeightsAreRecordedAndRaiseTheMinorityClasssRecall() throws IOException {
    CommandRun plain = train(imbalanced, "plain");
    CommandRun balanced = train(imbalanced, "balanced", "--class-weight", "balanced");
    assertEquals(0, plain.exitCode(), plain.toString());
    assertEquals(0, balanced.exitCode(), balanced.toString());
    // m = 240: 240 / (2·200) and 240 / (2·40)
    assertTrue(balanced.out().contains("Class weights (balanced): 0.6 for label 0 (200 samples), 3.0 for label 1 "
        + "(40 samples)"), balanced.out());
    assertFalse(plain.out().contains("Class weights"), plain.out());
    JsonNode metrics = json("balanced", "metrics.json");
    assertEquals("balanced", metrics.at("/config/class_weight").textValue());
    assertEquals(List.of(0.6, 3.0), List.of(metrics.at("/config/class_weights/0").doubleValue(),
        metrics.at("/config/class_weights/1").doubleValue()));
    assertEquals(metrics.get("config"), json("balanced", ModelStore.MODEL_FILE).get("config"));
    JsonNode plainMetrics = json("plain", "metrics.json");
    assertEquals("none", plainMetrics.at("/config/class_weight").textValue());
    assertTrue(plainMetrics.at("/config/class_weights").isMissingNode());
    double plainRecall = plainMetrics.at("/train/recall_1").doubleValue();
    double balancedRecall = metrics.at("/train/recall_1").doubleValue();
    assertTrue(balancedRecall > plainRecall, "recall of class 1: " + plainRecall + " unweighted, " + balancedRecall
        + " balanced");
    assertEquals(metrics.at("/train/recall").doubleValue(), balancedRecall, 0.0);

    CommandRun evaluate = CommandRun.of("evaluate", "--model", dir.resolve("balanced").toString(), "--input",
        imbalanced.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.toString());
    assertTrue(evaluate.out().contains(String.format("recall_0   %.6f", metrics.at("/train/recall_0").doubleValue()))
        && evaluate.out().contains(String.format("recall_1   %.6f", balancedRecall)), evaluate.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"float64", "float32"})
  void bothEnginesGiveTheSameWeightedModelWithMiniBatches(String precision) throws IOException {
    List<String> options = List.of("--class-weight", "0.4,2.5", "--precision", precision, "--batch-size", "50",
        "--epochs", "3");
    CommandRun resident = run(imbalanced, "resident", withEngine(options, "resident"));
    CommandRun jobs = run(imbalanced, "jobs", withEngine(options, "jobs"));
    assertEquals(0, resident.exitCode(), resident.toString());
    assertEquals(0, jobs.exitCode(), jobs.toString());
    JsonNode metrics = json("resident", "metrics.json");
    assertEquals("resident", metrics.get("engine").textValue());
    assertEquals("0.4,2.5", metrics.at("/config/class_weight").textValue());
    assertEquals(3, metrics.get("costs").size());
    assertEquals(metrics.get("costs"), json("jobs", "metrics.json").get("costs"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("resident").resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(dir.resolve("jobs").resolve(ModelStore.PARAMETERS_FILE)));
  }

  private static List<String> withEngine(List<String> options, String engine) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of("--engine", engine));
    return all;
  }

  @Test
  void aCheckpointIsNotResumedWithOtherWeights() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    // a directory where the checkpoint of iteration 40 would go makes the run fail there, keeping the one of 20
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 40);
    String[] options = {"--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "20"};
    CommandRun crashed = train(imbalanced, "a", concat(options, "--class-weight", "balanced"));
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    CommandRun other = train(imbalanced, "b", concat(options, "--resume"));
    assertEquals(ExitCodes.USAGE, other.exitCode(), other.toString());
    assertTrue(other.err().contains("class_weight: \"balanced\" in the checkpoint, \"none\" now"), other.err());
    CommandRun same = train(imbalanced, "c", concat(options, "--resume", "--class-weight", "balanced"));
    assertEquals(0, same.exitCode(), same.toString());
    assertTrue(same.out().contains("at iteration 20 of 60"), same.out());
  }

  private static String[] concat(String[] options, String... more) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0,1", "-1,2", "1,0", "NaN,1", "1,Infinity", "2", "1,2,3", "heavy"})
  void aBadWeightIsExit2NamingTheOption(String bad) {
    CommandRun run = train(imbalanced, "bad", "--class-weight", bad);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--class-weight") && run.err().contains("positive finite")
        && run.err().contains(bad), run.err());
    assertFalse(Files.exists(dir.resolve("bad")));
  }

  @Test
  void balancedWeightsOfAClassWithoutSamplesAreExit2NamingTheOption() throws IOException {
    List<String> zeros = Files.readAllLines(CsvData.FLOWER).stream().filter(line -> line.startsWith("0,")).toList();
    Path onlyZeros = Files.write(dir.resolve("zeros.csv"), zeros);
    CommandRun run = train(onlyZeros, "bad", "--class-weight", "balanced");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--class-weight") && run.err().contains("200 labelled 0 and 0 labelled 1"),
        run.err());
    assertFalse(Files.exists(dir.resolve("bad")));
  }
}
