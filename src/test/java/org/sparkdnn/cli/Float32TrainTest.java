package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Precision;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.PartFiles;

/**
 * {@code train --precision float32} end to end on the planar flower (the course's week 3 setting) beside float64:
 * the same accuracy within a sample or two, the precision recorded in model.json and used by predict and evaluate,
 * and a model.json without it read as float64.
 */
class Float32TrainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  static Path dir;
  private static CommandRun float64;
  private static CommandRun float32;

  @BeforeAll
  static void trainBoth() {
    float64 = train("float64");
    float32 = train("float32");
  }

  private static CommandRun train(String precision) {
    return CommandRun.of("train", "--train", FLOWER, "--layers", "2,4,1", "--activations", "tanh,sigmoid",
        "--learning-rate", "1.2", "--iterations", "1000", "--init", "course-small", "--seed", "2",
        "--print-every", "500", "--precision", precision, "--output", dir.resolve(precision).toString());
  }

  @Test
  void float32ReachesTheAccuracyOfFloat64AndRecordsItsPrecision() throws IOException {
    assertEquals(0, float64.exitCode(), float64.toString());
    assertEquals(0, float32.exitCode(), float32.toString());
    // course-results.md, case 4: 0.693048 at iteration 0
    assertTrue(float32.out().contains("Cost after iteration 0: 0.69304"), float32.toString());
    JsonNode metrics64 = JSON.readTree(dir.resolve("float64").resolve("metrics.json").toFile());
    JsonNode metrics32 = JSON.readTree(dir.resolve("float32").resolve("metrics.json").toFile());
    long correct64 = metrics64.get("train").get("correct").asLong();
    long correct32 = metrics32.get("train").get("correct").asLong();
    assertTrue(Math.abs(correct64 - correct32) <= 2, "float64 " + correct64 + ", float32 " + correct32 + " of 400");
    assertTrue(correct32 >= 350, "float32 accuracy " + correct32 + "/400");
    double last64 = metrics64.get("costs").get(999).asDouble();
    double last32 = metrics32.get("costs").get(999).asDouble();
    assertEquals(last64, last32, 1e-4 * last64, "final cost");
    assertEquals("float32", metrics32.get("config").get("precision").asText());
    assertEquals("float64", metrics64.get("config").get("precision").asText());
    assertEquals(Precision.FLOAT32, model("float32").precision());
  }

  @Test
  void predictRunsTheModelInItsPrecision() throws IOException {
    SavedModel model = model("float32");
    ColumnBlock flower = CsvData.readBlock(CsvData.FLOWER);
    double[] inDouble = new double[flower.numColumns()];
    Network.predictProbabilities(model.parameters(), flower.X(),
        Workspace.float64(model.architecture(), flower.numColumns()), inDouble, 0);
    List<String> lines = predict("float32");
    assertEquals(inDouble.length, lines.size());
    int differing = 0;
    for (int j = 0; j < inDouble.length; j++) {
      String[] fields = lines.get(j).split(",");
      double p = Double.parseDouble(fields[0]);
      assertEquals(inDouble[j], p, 1e-5, "row " + j);
      assertEquals((float) p, p, 0.0, "row " + j + ": a float32 probability, widened");
      assertEquals(p > 0.5 ? "1" : "0", fields[1], "row " + j);
      differing += p == inDouble[j] ? 0 : 1;
    }
    assertTrue(differing > 0, "float32 predictions equal to the double ones on every row");
  }

  @Test
  void evaluateAgreesWithTheFloat32TrainingMetrics() throws IOException {
    Path out = dir.resolve("evaluation32.json");
    CommandRun run = CommandRun.of("evaluate", "--model", dir.resolve("float32").toString(), "--input", FLOWER,
        "--output", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode trained = JSON.readTree(dir.resolve("float32").resolve("metrics.json").toFile()).get("train");
    JsonNode evaluated = JSON.readTree(out.toFile());
    for (String key : List.of("accuracy", "correct", "precision", "recall", "f1", "roc_auc", "log_loss", "m")) {
      assertEquals(trained.get(key).asDouble(), evaluated.get(key).asDouble(), 1e-12, key);
    }
  }

  @Test
  void aModelWithoutPrecisionIsReadAsFloat64AndABadOneIsRefused() throws IOException {
    Path old = copyModel("float32", "old");
    editConfig(old, config -> config.remove("precision"));
    assertEquals(Precision.FLOAT64, ModelStore.read(new org.apache.hadoop.fs.Path(old.toString()),
        new Configuration()).precision());
    List<String> lines = predict("old");
    SavedModel model = model("old");
    ColumnBlock flower = CsvData.readBlock(CsvData.FLOWER);
    double[] inDouble = new double[flower.numColumns()];
    Network.predictProbabilities(model.parameters(), flower.X(),
        Workspace.float64(model.architecture(), flower.numColumns()), inDouble, 0);
    for (int j = 0; j < inDouble.length; j++) {
      assertEquals(inDouble[j], Double.parseDouble(lines.get(j).split(",")[0]), 1e-15, "row " + j);
    }

    Path bad = copyModel("float32", "bad");
    editConfig(bad, config -> config.put("precision", "float16"));
    CommandRun run = CommandRun.of("evaluate", "--model", bad.toString(), "--input", FLOWER,
        "--output", dir.resolve("bad-evaluation.json").toString());
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("config.precision") && run.err().contains("float16")
        && run.err().contains("float64 or float32"), run.toString());
  }

  @Test
  void anUnknownPrecisionIsAUsageError() {
    CommandRun run = CommandRun.of("train", "--train", FLOWER, "--layers", "2,4,1", "--learning-rate", "1",
        "--iterations", "1", "--precision", "float16", "--output", dir.resolve("never").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--precision: unknown precision 'float16': expected float64 or float32"),
        run.toString());
    assertFalse(Files.exists(dir.resolve("never")));
  }

  private static SavedModel model(String name) {
    return ModelStore.read(new org.apache.hadoop.fs.Path(dir.resolve(name).toString()), new Configuration());
  }

  private static List<String> predict(String model) throws IOException {
    Path out = dir.resolve("predictions-" + model);
    CommandRun run = CommandRun.of("predict", "--model", dir.resolve(model).toString(), "--input", FLOWER,
        "--output", out.toString(), "--partitions", "3");
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = PartFiles.lines(out);
    return lines;
  }

  private static Path copyModel(String from, String to) throws IOException {
    Path target = dir.resolve(to);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(dir.resolve(from))) {
      // without Hadoop's .crc side files, which would no longer match an edited model.json
      for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
          .toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  private static void editConfig(Path model, Consumer<ObjectNode> edit) throws IOException {
    Path file = model.resolve(ModelStore.MODEL_FILE);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    edit.accept((ObjectNode) root.get("config"));
    JSON.writeValue(file.toFile(), root);
  }
}
