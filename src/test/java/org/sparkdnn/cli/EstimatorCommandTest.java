package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.io.ModelFormatException;
import org.sparkdnn.ml.DnnClassificationModel;
import org.sparkdnn.ml.DnnClassifier;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.PartFiles;

/** The Spark ML estimator against {@code spark-dnn train}: the same costs, and each reads the other's models. */
class EstimatorCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  /** The flower as a DataFrame: label, x1, x2 and the assembled vector column "features". */
  static Dataset<Row> flower() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
        .add("x2", DataTypes.DoubleType);
    Dataset<Row> table = SharedSpark.session().read().schema(schema).csv(FLOWER);
    return new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features").transform(table);
  }

  /** The course's planar network, tanh hidden units, Adam with L2 and standardized inputs. */
  private static DnnClassifier estimator() {
    return new DnnClassifier().setHiddenLayers(new int[] {4}).setActivations(new String[] {"tanh", "sigmoid"})
        .setStepSize(0.05).setOptimizer("adam").setRegParam(0.1).setMaxIter(150).setInitScheme("course-small")
        .setSeed(2L).setStandardization(true);
  }

  private static final String[] TRAIN_OPTIONS = {"--layers", "2,4,1", "--activations", "tanh,sigmoid",
      "--learning-rate", "0.05", "--optimizer", "adam", "--l2", "0.1", "--iterations", "150", "--init",
      "course-small", "--seed", "2", "--scale", "standardize"};

  private CommandRun train(String output) {
    String[] args = new String[TRAIN_OPTIONS.length + 5];
    args[0] = "train";
    args[1] = "--train";
    args[2] = FLOWER;
    args[3] = "--output";
    args[4] = output;
    System.arraycopy(TRAIN_OPTIONS, 0, args, 5, TRAIN_OPTIONS.length);
    CommandRun run = CommandRun.of(args);
    assertEquals(0, run.exitCode(), run.toString());
    return run;
  }

  private static double[] costsOf(Path metrics) throws IOException {
    JsonNode costs = JSON.readTree(metrics.toFile()).get("costs");
    return StreamSupport.stream(costs.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }

  @Test
  void theEstimatorGivesTheCostsOfTrain() throws IOException {
    train(dir.resolve("cli").toString());
    DnnClassificationModel model = estimator().fit(flower());

    assertArrayEquals(costsOf(dir.resolve("cli/metrics.json")), model.summary().objectiveHistory());
    JsonNode metrics = JSON.readTree(dir.resolve("cli/metrics.json").toFile()).get("train");
    assertEquals(metrics.get("accuracy").asDouble(), model.summary().accuracy());
    assertEquals(metrics.get("log_loss").asDouble(), model.summary().logLoss());
    // Spark's exact ROC curve and ours, on the same probabilities
    assertEquals(metrics.get("roc_auc").asDouble(), model.summary().areaUnderROC(), 1e-12);
    assertEquals(150, model.summary().totalIterations());
    assertEquals(2, model.numFeatures());
    assertEquals("the DataFrame", model.savedModel().provenance().trainingData());
    assertTrue(model.hasSummary());
    assertFalse(model.copy(new org.apache.spark.ml.param.ParamMap()).savedModel().config().isEmpty());
  }

  /** The probabilities {@code spark-dnn predict --model model} writes for the flower, in row order. */
  private double[] predicted(String model) throws IOException {
    Path out = dir.resolve("predictions-" + model.hashCode());
    CommandRun run = CommandRun.of("predict", "--model", model, "--input", FLOWER, "--output", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = PartFiles.lines(out);
    return lines.stream().mapToDouble(line -> Double.parseDouble(line.split(",")[0])).toArray();
  }

  /** The probabilities {@code model} gives the flower, {@code probability[1]} of each row in order. */
  private static double[] transformed(DnnClassificationModel model) {
    return model.transform(flower()).select("probability").collectAsList().stream()
        .mapToDouble(row -> ((Vector) row.get(0)).apply(1)).toArray();
  }

  @Test
  void theMlApiReadsTheModelsOfTrainAndPublishing() throws IOException {
    String cli = dir.resolve("cli").toString();
    train(cli);
    DnnClassificationModel loaded = DnnClassificationModel.load(cli);
    assertArrayEquals(predicted(cli), transformed(loaded));
    assertFalse(loaded.hasSummary());

    String root = dir.resolve("root").toString();
    CommandRun published = CommandRun.of("train", "--train", FLOWER, "--test", FLOWER, "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "20", "--precision", "float32", "--publish-root", root);
    assertEquals(0, published.exitCode(), published.toString());
    double[] current = predicted(root);
    assertArrayEquals(current, transformed(DnnClassificationModel.load(root)));
    assertArrayEquals(current, transformed(DnnClassificationModel.load(root + "/current")));
  }

  @Test
  void predictAndEvaluateReadTheModelsTheMlApiSaves() throws IOException {
    DnnClassificationModel model = estimator().fit(flower());
    String saved = dir.resolve("ml-model").toString();
    model.write().save(saved);
    assertTrue(Files.exists(dir.resolve("ml-model/model.json")));
    assertTrue(Files.exists(dir.resolve("ml-model/metadata")));

    assertArrayEquals(transformed(model), predicted(saved));
    CommandRun evaluated = CommandRun.of("evaluate", "--model", saved, "--input", FLOWER);
    assertEquals(0, evaluated.exitCode(), evaluated.toString());
    assertTrue(evaluated.out().contains(String.valueOf(model.summary().accuracy())), evaluated.toString());
  }

  @Test
  void aDamagedModelIsRefusedByTheMlApiAsByPredict() throws IOException {
    String cli = dir.resolve("cli").toString();
    train(cli);
    Path parameters = dir.resolve("cli/parameters.bin");
    byte[] bytes = Files.readAllBytes(parameters);
    bytes[bytes.length - 1] ^= 1;
    Files.write(parameters, bytes);
    // past Hadoop's own checksum file, to the model's SHA-256
    Files.delete(dir.resolve("cli/.parameters.bin.crc"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> DnnClassificationModel.load(cli));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    CommandRun predict = CommandRun.of("predict", "--model", cli, "--input", FLOWER, "--output",
        dir.resolve("none").toString());
    assertTrue(predict.exitCode() != 0 && predict.err().contains(e.getMessage()), predict.toString());
  }
}
