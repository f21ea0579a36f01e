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
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DnnModel;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.PartFiles;

/**
 * {@code train --scale standardize} end to end on the golden tabular data (features from 0.05 to 4000, one
 * constant): the model trained on raw data predicts, evaluates and is gated exactly as one trained on a copy
 * standardized beforehand, in both engines and precisions; the constant feature is named; an all-constant input
 * is exit 2 naming --scale; the hint to standardize appears only for unscaled data whose ranges differ by more
 * than 100×; a resumed run and a warm start keep the statistics they started with.
 */
class StandardizeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GoldenFile GOLDEN = GoldenFile.load("golden/standardize.json");
  private static final String CONSTANT_LINE = "Standardize: 1 constant feature (standard deviation 0) centred, not "
      + "scaled: [3] (0-based feature indexes, the label not counted)";

  @TempDir
  Path dir;

  /** Golden rows [from, to) as CSV lines. */
  private static List<String> rows(int from, int to) {
    List<String> lines = new ArrayList<>();
    for (int j = from; j < to; j++) {
      List<String> fields = new ArrayList<>();
      GOLDEN.node("rows").get(j).forEach(field -> fields.add(field.asText()));
      lines.add(String.join(",", fields));
    }
    return lines;
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }

  /** The rows with their features standardized by {@code s} in double, as the shortest round-tripping text. */
  private Path standardizedCopy(String name, List<String> lines, Standardization s) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(",");
      StringBuilder row = new StringBuilder(fields[0]);
      for (int i = 1; i < fields.length; i++) {
        row.append(',').append(s.apply(i - 1, Double.parseDouble(fields[i])));
      }
      out.add(row.toString());
    }
    return write(name, out);
  }

  private CommandRun train(Path data, String output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", data.toString(), "--layers", "6,4,1",
        "--activations", "relu,sigmoid", "--learning-rate", "0.3", "--iterations", "30", "--init", "he", "--seed",
        "3", "--partitions", "2", "--print-every", "10", "--output", dir.resolve(output).toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private SavedModel model(String output) {
    return ModelStore.read(new org.apache.hadoop.fs.Path(dir.resolve(output).toString()), new Configuration());
  }

  private List<String> predict(String model, Path input) throws IOException {
    Path out = dir.resolve("predictions-" + model + "-" + input.getFileName());
    CommandRun run = CommandRun.of("predict", "--model", dir.resolve(model).toString(), "--input",
        input.toString(), "--output", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = PartFiles.lines(out);
    return lines;
  }

  @ParameterizedTest
  @CsvSource({"jobs, float64", "resident, float32"})
  void rawDataStandardizedByTheModelGivesWhatPreStandardizedDataGives(String engine, String precision)
      throws IOException {
    List<String> trainRows = rows(0, 30);
    List<String> testRows = rows(30, 37);
    Path train = write("train.csv", trainRows);
    Path test = write("test.csv", testRows);
    CommandRun raw = train(train, "raw", "--scale", "standardize", "--test", test.toString(), "--engine", engine,
        "--precision", precision);
    assertEquals(0, raw.exitCode(), raw.toString());
    assertTrue(raw.out().contains(CONSTANT_LINE), raw.out());
    assertFalse(raw.out().contains("consider --scale standardize"), raw.out());
    SavedModel rawModel = model("raw");
    Standardization s = rawModel.standardization().orElseThrow();
    assertEquals(0.0, s.std()[3], 0.0);

    Path trainCopy = standardizedCopy("train-standardized.csv", trainRows, s);
    Path testCopy = standardizedCopy("test-standardized.csv", testRows, s);
    CommandRun copy = train(trainCopy, "copy", "--test", testCopy.toString(), "--engine", engine, "--precision",
        precision);
    assertEquals(0, copy.exitCode(), copy.toString());
    assertFalse(copy.out().contains("consider --scale standardize"), copy.out());
    assertArrayEquals(model("copy").parameters().values(), rawModel.parameters().values(), 0.0);

    JsonNode rawMetrics = JSON.readTree(dir.resolve("raw/metrics.json").toFile());
    JsonNode copyMetrics = JSON.readTree(dir.resolve("copy/metrics.json").toFile());
    assertEquals(copyMetrics.get("costs"), rawMetrics.get("costs"));
    assertEquals(copyMetrics.get("test"), rawMetrics.get("test"));
    assertEquals("standardize", rawMetrics.get("config").get("scale").asText());
    JsonNode saved = JSON.readTree(dir.resolve("raw/model.json").toFile());
    assertEquals("standardize", saved.get("scaling").asText());
    assertEquals(s.mean()[1], saved.get("standardization").get("mean").get(1).doubleValue(), 0.0);

    List<String> predictions = predict("copy", testCopy);
    assertEquals(predictions, predict("raw", test));
    if (precision.equals("float64")) {
      // the Java API's model standardizes a raw vector by the same statistics
      DnnModel api = DnnModel.load(dir.resolve("raw").toString(), new Configuration());
      String[] first = testRows.get(0).split(",");
      double[] x = new double[first.length - 1];
      for (int i = 0; i < x.length; i++) {
        x[i] = Double.parseDouble(first[i + 1]);
      }
      assertEquals(Double.parseDouble(predictions.get(0).split(",")[0]), api.predictProbability(Vectors.dense(x)),
          1e-15);
    }
    CommandRun evaluateRaw = CommandRun.of("evaluate", "--model", dir.resolve("raw").toString(), "--input",
        test.toString());
    CommandRun evaluateCopy = CommandRun.of("evaluate", "--model", dir.resolve("copy").toString(), "--input",
        testCopy.toString());
    assertEquals(0, evaluateRaw.exitCode(), evaluateRaw.toString());
    assertEquals(evaluateCopy.out(), evaluateRaw.out());
  }

  @Test
  void theHintToStandardizeAppearsOnlyForUnscaledDataWhoseRangesDifferByMoreThan100Times() throws IOException {
    Path train = write("train.csv", rows(0, 37));
    CommandRun none = train(train, "none");
    assertEquals(0, none.exitCode(), none.toString());
    assertTrue(none.out().lines().anyMatch(line -> line.startsWith("Hint: the features' ranges (max - min) differ "
        + "by more than 100x (feature 2: ") && line.endsWith("consider --scale standardize")), none.out());
    CommandRun divided = train(train, "divided", "--scale", "255");
    assertEquals(0, divided.exitCode(), divided.toString());
    assertFalse(divided.out().contains("consider --scale standardize"), divided.out());
    assertFalse(divided.out().contains("Standardize:"), divided.out());
  }

  @Test
  void allConstantFeaturesAreExit2NamingTheOption() throws IOException {
    Path constant = write("constant.csv", List.of("1,2.5,-1,7", "0,2.5,-1,7", "1,2.5,-1,7"));
    CommandRun run = CommandRun.of("train", "--train", constant.toString(), "--layers", "3,1", "--learning-rate",
        "0.1", "--iterations", "2", "--scale", "standardize", "--output", dir.resolve("out").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--scale") && run.err().contains("found all 3 features constant"), run.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aResumedRunKeepsTheCheckpointsStatisticsAndEndsAsAnUninterruptedOne() throws IOException {
    Path train = write("train.csv", rows(0, 37));
    CommandRun whole = train(train, "whole", "--scale", "standardize");
    assertEquals(0, whole.exitCode(), whole.toString());

    Path checkpoints = dir.resolve("checkpoints");
    // a directory where the checkpoint of iteration 20 would go makes the run fail there, keeping the one of 10
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 20);
    CommandRun crashed = train(train, "crashed", "--scale", "standardize", "--checkpoint-dir",
        checkpoints.toString(), "--checkpoint-every", "10");
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    Standardization expected = model("whole").standardization().orElseThrow();
    JsonNode checkpoint = JSON.readTree(checkpoints.resolve(String.format("checkpoint-%010d.json", 10)).toFile());
    JsonNode std = checkpoint.get("standardization").get("std");
    for (int i = 0; i < expected.numFeatures(); i++) {
      assertEquals(expected.std()[i], std.get(i).doubleValue(), 0.0);
    }

    CommandRun resumed = train(train, "resumed", "--scale", "standardize", "--checkpoint-dir",
        checkpoints.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 10 of 30"), resumed.out());
    assertEquals(expected, model("resumed").standardization().orElseThrow());
    assertArrayEquals(model("whole").parameters().values(), model("resumed").parameters().values(), 0.0);
  }

  @Test
  void aWarmStartKeepsTheWarmModelsStatisticsAndTheGateUsesEachModelsOwn() throws IOException {
    Path first = write("first.csv", rows(0, 30));
    Path second = write("second.csv", rows(7, 37));
    Path test = write("test.csv", rows(30, 37));
    Path root = dir.resolve("root");
    CommandRun published = CommandRun.of("train", "--train", first.toString(), "--test", test.toString(),
        "--layers", "6,4,1", "--learning-rate", "0.3", "--iterations", "20", "--seed", "3", "--scale",
        "standardize", "--gate-metric", "log-loss", "--publish-root", root.toString());
    assertEquals(0, published.exitCode(), published.toString());
    org.apache.hadoop.fs.Path current = new Publisher(new org.apache.hadoop.fs.Path(root.toString()),
        new Configuration()).currentRun().orElseThrow();
    SavedModel firstModel = ModelStore.read(current, new Configuration());
    JsonNode firstMetrics = JSON.readTree(Path.of(current.toUri()).resolve("metrics.json").toFile());

    CommandRun warm = CommandRun.of("train", "--train", second.toString(), "--test", test.toString(),
        "--layers", "6,4,1", "--learning-rate", "0.3", "--iterations", "5", "--seed", "3", "--scale",
        "standardize", "--gate-metric", "log-loss", "--gate-tolerance", "1", "--publish-root", root.toString(),
        "--warm-start", "current");
    assertEquals(0, warm.exitCode(), warm.toString());
    assertTrue(warm.out().contains("Warm start from "), warm.out());
    // the current model scored on the raw test data by its own statistics: its metric as its run reported it
    assertTrue(warm.out().contains("vs the current " + firstMetrics.get("test").get("log_loss").doubleValue()),
        warm.out());
    Path runs = root.resolve("runs");
    try (Stream<Path> all = Files.list(runs)) {
      for (Path run : all.toList()) {
        SavedModel model = ModelStore.read(new org.apache.hadoop.fs.Path(run.toString()), new Configuration());
        assertEquals(firstModel.standardization(), model.standardization(), run.toString());
      }
    }
  }
}
