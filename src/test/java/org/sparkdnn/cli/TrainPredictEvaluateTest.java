package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.Workspace;
import org.sparkdnn.spark.DnnModel;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.PartFiles;

/**
 * End to end on the planar flower as the course's week 3 trains it ([2,4,1], tanh, lr 1.2, course-small seed 2),
 * through the command line users run, in the shared local[2] context.
 */
class TrainPredictEvaluateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  static Path dir;
  private static Path modelDir;
  private static CommandRun training;

  @BeforeAll
  static void trainFlower() {
    modelDir = dir.resolve("flower-model");
    training = CommandRun.of("train", "--train", FLOWER, "--layers", "2,4,1", "--activations", "tanh,sigmoid",
        "--learning-rate", "1.2", "--iterations", "2500", "--init", "course-small", "--seed", "2",
        "--print-every", "500", "--output", modelDir.toString());
  }

  @Test
  void trainingPrintsCourseCostsAndReachesCourseAccuracy() throws IOException {
    assertEquals(0, training.exitCode(), training.toString());
    // course-results.md, case 4: 0.693048 at iteration 0 and 0.288083 at iteration 1000
    assertTrue(training.out().contains("Cost after iteration 0: 0.693048"), training.toString());
    assertTrue(training.out().contains("Cost after iteration 1000: 0.288083"), training.toString());
    assertTrue(training.out().contains("Cost after iteration 2499: "), training.toString());
    assertTrue(training.out().lines().anyMatch(l -> l.startsWith("Cost after iteration 500: ")
        && l.matches(".*   \\[\\d+\\.\\d s elapsed, ETA \\d+\\.\\d s\\]")), training.toString());
    JsonNode metrics = JSON.readTree(modelDir.resolve("metrics.json").toFile());
    assertEquals(2500, metrics.get("costs").size());
    assertEquals(0.693048, metrics.get("costs").get(0).asDouble(), 5e-7);
    JsonNode train = metrics.get("train");
    assertEquals(400, train.get("m").asLong());
    assertTrue(train.get("accuracy").asDouble() >= 0.9, "accuracy " + train.get("accuracy"));
    assertEquals(train.get("accuracy").asDouble(), train.get("correct").asDouble() / 400, 0.0);
    assertTrue(training.out().contains("Train accuracy: " + train.get("accuracy").asDouble() + " ("
        + train.get("correct").asLong() + "/400)"), training.toString());
    for (String phase : List.of("load", "train", "evaluate", "save")) {
      assertTrue(metrics.get("wall_time_seconds").has(phase), "wall time of " + phase);
    }
    assertEquals(1.2, metrics.get("config").get("learning_rate").asDouble(), 0.0);
    assertTrue(Files.exists(modelDir.resolve(ModelStore.MODEL_FILE)));
    BufferedImage curve = ImageIO.read(modelDir.resolve(TrainedModel.LEARNING_CURVE_FILE).toFile());
    assertEquals(800, curve.getWidth());
  }

  @Test
  void predictWritesOneRowPerInputRowInOrder() throws IOException {
    Path out = dir.resolve("predictions");
    CommandRun run = CommandRun.of("predict", "--model", modelDir.toString(), "--input", FLOWER,
        "--output", out.toString(), "--partitions", "3");
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = PartFiles.lines(out);
    SavedModel model = ModelStore.read(new org.apache.hadoop.fs.Path(modelDir.toString()), new Configuration());
    ColumnBlock flower = CsvData.readBlock(CsvData.FLOWER);
    double[] expected = new double[flower.numColumns()];
    Network.predictProbabilities(model.parameters(), flower.X(),
        Workspace.float64(model.architecture(), flower.numColumns()), expected, 0);
    assertEquals(expected.length, lines.size());
    for (int j = 0; j < expected.length; j++) {
      String[] fields = lines.get(j).split(",");
      assertEquals(expected[j], Double.parseDouble(fields[0]), 1e-15, "row " + j);
      assertEquals(expected[j] > 0.5 ? "1" : "0", fields[1], "row " + j);
    }
  }

  @Test
  void evaluateAgreesWithTrainingMetricsAndWritesJson() throws IOException {
    Path out = dir.resolve("evaluation.json");
    CommandRun run = CommandRun.of("evaluate", "--model", modelDir.toString(), "--input", FLOWER,
        "--output", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode trained = JSON.readTree(modelDir.resolve("metrics.json").toFile()).get("train");
    JsonNode evaluated = JSON.readTree(out.toFile());
    for (String key : List.of("accuracy", "correct", "precision", "recall", "f1", "roc_auc", "m")) {
      assertEquals(trained.get(key).asDouble(), evaluated.get(key).asDouble(), 1e-12, key);
    }
    assertTrue(run.out().contains("roc_auc") && run.out().contains("predicted 1"), run.toString());
  }

  @Test
  void initFromCourseJsonStartsWhereTheSeededInitStarts() throws IOException {
    Architecture arch = Architecture.of(new int[] {2, 4, 1}, List.of(Activation.TANH, Activation.SIGMOID));
    Path params = dir.resolve("initial.json");
    CourseParametersJson.write(Initializer.COURSE_SMALL.initialize(arch, 2),
        new org.apache.hadoop.fs.Path(params.toString()), new Configuration());
    CommandRun seeded = CommandRun.of("train", "--train", FLOWER, "--layers", "2,4,1", "--activations",
        "tanh,sigmoid", "--learning-rate", "1.2", "--iterations", "20", "--init", "course-small", "--seed", "2",
        "--output", dir.resolve("seeded").toString());
    CommandRun imported = CommandRun.of("train", "--train", FLOWER, "--layers", "2,4,1", "--activations",
        "tanh,sigmoid", "--learning-rate", "1.2", "--iterations", "20", "--init-from", params.toString(),
        "--output", dir.resolve("imported").toString());
    assertEquals(0, seeded.exitCode(), seeded.toString());
    assertEquals(0, imported.exitCode(), imported.toString());
    assertArrayEquals(costs(dir.resolve("seeded")), costs(dir.resolve("imported")));
  }

  @Test
  void exportWritesTheCourseJsonShapeThatInitFromReads() {
    Path exported = dir.resolve("exported.json");
    CommandRun run = CommandRun.of("export", "--model", modelDir.toString(), "--output", exported.toString());
    assertEquals(0, run.exitCode(), run.toString());
    Configuration conf = new Configuration();
    SavedModel model = ModelStore.read(new org.apache.hadoop.fs.Path(modelDir.toString()), conf);
    assertArrayEquals(model.parameters().values(), CourseParametersJson.read(
        new org.apache.hadoop.fs.Path(exported.toString()), model.architecture(), conf).values());
    CommandRun again = CommandRun.of("export", "--model", modelDir.toString(), "--output", exported.toString());
    assertEquals(ExitCodes.USAGE, again.exitCode(), again.toString());
  }

  @Test
  void dnnModelScoresSparkVectorsAndExposesSparkMatrices() {
    DnnModel model = DnnModel.load(modelDir.toString(), new Configuration());
    SavedModel saved = ModelStore.read(new org.apache.hadoop.fs.Path(modelDir.toString()), new Configuration());
    ColumnBlock flower = CsvData.readBlock(CsvData.FLOWER);
    double[] expected = new double[flower.numColumns()];
    Network.predictProbabilities(saved.parameters(), flower.X(),
        Workspace.float64(saved.architecture(), flower.numColumns()), expected, 0);
    for (int j = 0; j < flower.numColumns(); j += 37) {
      Vector x = Vectors.dense(flower.X().get(0, j), flower.X().get(1, j));
      assertEquals(expected[j], model.predictProbability(x), 0.0, "sample " + j);
    }
    DenseMatrix w2 = model.weights(2);
    assertEquals(1, w2.numRows());
    assertEquals(4, w2.numCols());
    for (int k = 0; k < 4; k++) {
      assertEquals(saved.parameters().W(2).get(0, k), w2.apply(0, k), 0.0);
    }
    assertEquals(saved.parameters().b(1).get(3, 0), model.bias(1).apply(3), 0.0);
  }

  private static double[] costs(Path model) throws IOException {
    JsonNode costs = JSON.readTree(model.resolve("metrics.json").toFile()).get("costs");
    double[] values = new double[costs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = costs.get(i).asDouble();
    }
    return values;
  }
}
