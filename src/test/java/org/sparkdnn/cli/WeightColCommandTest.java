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
import java.util.stream.StreamSupport;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.ml.DnnClassificationModel;
import org.sparkdnn.ml.DnnClassifier;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --weight-col} and the estimator's {@code weightCol} on the planar flower written as Parquet with a
 * weight column: integer weights train as duplicated rows, weights of 1 as no weights (bit for bit), both engines
 * alike, the estimator as the command; bad weights are exit 3, located, and a CSV with the option exit 2.
 */
class WeightColCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  static Path dir;
  private static SparkSession spark;
  /** The flower with w = (row index) mod 3: weights 0, 1 and 2. */
  private static String weighted;

  /** The week-3 flower network, 100 iterations (unless given epochs), on {@code input}, written to {@code output}. */
  private static CommandRun train(Path output, String... input) {
    List<String> args = new ArrayList<>(List.of("train", "--layers", "2,4,1", "--activations", "tanh,sigmoid",
        "--learning-rate", "1.2", "--init", "course-small", "--seed", "2", "--print-every", "0", "--output",
        output.toString()));
    if (!List.of(input).contains("--epochs")) {
      args.addAll(List.of("--iterations", "100"));
    }
    args.addAll(List.of(input));
    return CommandRun.of(args.toArray(new String[0]));
  }

  private static CommandRun trained(Path output, String... input) {
    CommandRun run = train(output, input);
    assertEquals(0, run.exitCode(), run.toString());
    return run;
  }

  /** The flower as Spark reads the CSV, with its row index i (one partition, in file order). */
  private static Dataset<Row> flower() {
    Dataset<Row> columns = spark.read().schema("label double, x1 double, x2 double").csv(FLOWER).coalesce(1);
    return new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features")
        .transform(columns).withColumn("i", functions.monotonically_increasing_id());
  }

  private static String write(Dataset<Row> df, String name) {
    String path = dir.resolve(name).toString();
    df.coalesce(1).write().parquet(path);
    return path;
  }

  @BeforeAll
  static void writeTables() {
    spark = SharedSpark.session();
    weighted = write(flower().withColumn("w", functions.col("i").mod(3).cast("double")).drop("i"), "w.parquet");
  }

  private static double[] costs(Path model) throws IOException {
    JsonNode costs = JSON.readTree(model.resolve("metrics.json").toFile()).get("costs");
    return StreamSupport.stream(costs.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }

  private static void assertSameBits(Path expected, Path found) throws IOException {
    assertArrayEquals(costs(expected), costs(found), 0.0);
    assertArrayEquals(Files.readAllBytes(expected.resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(found.resolve(ModelStore.PARAMETERS_FILE)));
  }

  @Test
  void integerWeightsTrainAsDuplicatedRows() throws IOException {
    Column copies = functions.array_repeat(functions.lit(1), functions.col("i").mod(3).cast("int"));
    String duplicated = write(flower().withColumn("copy", functions.explode(copies)).drop("copy", "i"),
        "duplicated.parquet");
    Path byWeight = dir.resolve("by-weight");
    trained(byWeight, "--train", weighted, "--weight-col", "w");
    Path byCopies = dir.resolve("by-copies");
    trained(byCopies, "--train", duplicated);
    double[] expected = costs(byCopies);
    double[] found = costs(byWeight);
    assertEquals(100, found.length);
    for (int i = 0; i < found.length; i++) {
      assertEquals(expected[i], found[i], 1e-12, "cost " + i);
    }
    JsonNode config = JSON.readTree(byWeight.resolve("model.json").toFile()).get("config");
    assertEquals("w", config.get("weight_col").asText());
  }

  @Test
  void weightsOfOneAreNoWeightsBitForBit() throws IOException {
    Dataset<Row> ones = flower().withColumn("w", functions.lit(1.0)).drop("i");
    String path = write(ones, "ones.parquet");
    for (String precision : new String[] {"float64", "float32"}) {
      Path plain = dir.resolve("plain-" + precision);
      trained(plain, "--train", path, "--precision", precision);
      Path withOnes = dir.resolve("ones-" + precision);
      trained(withOnes, "--train", path, "--precision", precision, "--weight-col", "w");
      assertSameBits(plain, withOnes);
    }
  }

  @Test
  void bothEnginesTrainTheSameBits() throws IOException {
    String[][] variants = {{}, {"--precision", "float32"}, {"--batch-size", "64", "--epochs", "20"},
        {"--class-weight", "1,3"}};
    for (int v = 0; v < variants.length; v++) {
      Path[] models = new Path[2];
      for (int e = 0; e < 2; e++) {
        String engine = e == 0 ? "resident" : "jobs";
        models[e] = dir.resolve("engine-" + v + "-" + engine);
        List<String> args = new ArrayList<>(List.of("--train", weighted, "--weight-col", "w", "--engine", engine,
            "--partitions", "2", "--block-size", "50"));
        args.addAll(List.of(variants[v]));
        trained(models[e], args.toArray(new String[0]));
      }
      assertSameBits(models[0], models[1]);
    }
  }

  @Test
  void theEstimatorGivesTheCostsOfTrain() throws IOException {
    Path cli = dir.resolve("estimator-cli");
    trained(cli, "--train", weighted, "--weight-col", "w");
    DnnClassificationModel model = new DnnClassifier().setHiddenLayers(new int[] {4})
        .setActivations(new String[] {"tanh", "sigmoid"}).setStepSize(1.2).setMaxIter(100)
        .setInitScheme("course-small").setSeed(2L).setWeightCol("w").fit(spark.read().parquet(weighted));
    assertArrayEquals(costs(cli), model.summary().objectiveHistory());
    assertEquals("w", new DnnClassifier().setWeightCol("w").getWeightCol());
  }

  @Test
  void badWeightsStopTheRunLocatedAndWriteNothing() {
    Path out = dir.resolve("refused");
    String[][] cases = {{"-1.0", "-1.0"}, {"double('NaN')", "NaN"}, {"double('Infinity')", "Infinity"},
        {"cast(null as double)", "null"}};
    for (int c = 0; c < cases.length; c++) {
      Dataset<Row> bad = flower().withColumn("w", functions.when(functions.col("i").equalTo(4),
          functions.expr(cases[c][0])).otherwise(functions.lit(1.0))).drop("i");
      CommandRun run = train(out, "--train", write(bad, "bad-" + c + ".parquet"), "--weight-col", "w");
      assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
      assertTrue(run.err().contains("bad-" + c + ".parquet/part-"), run.toString());
      assertTrue(run.err().contains(", row 5, column 'w': expected a finite weight >= 0, found " + cases[c][1]),
          run.toString());
      assertFalse(Files.exists(out), out + " written");
    }
    CommandRun text = train(out, "--train", write(flower().withColumn("w", functions.lit("heavy")).drop("i"),
        "text.parquet"), "--weight-col", "w");
    assertEquals(ExitCodes.INVALID_INPUT, text.exitCode(), text.toString());
    assertTrue(text.err().contains("column 'w': expected a numeric column (a finite weight >= 0), found a column "
        + "of type string"), text.toString());
    CommandRun missing = train(out, "--train", weighted, "--weight-col", "weight");
    assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("column 'weight': expected a finite weight >= 0, found no such column"),
        missing.toString());
    CommandRun zero = train(out, "--train", write(flower().withColumn("w", functions.lit(0.0)).drop("i"),
        "zero.parquet"), "--weight-col", "w");
    assertEquals(ExitCodes.INVALID_INPUT, zero.exitCode(), zero.toString());
    assertTrue(zero.err().contains("zero.parquet: expected at least one sample of positive weight in column 'w', "
        + "found every weight 0"), zero.toString());
    CommandRun csv = train(out, "--train", FLOWER, "--weight-col", "w");
    assertEquals(ExitCodes.USAGE, csv.exitCode(), csv.toString());
    assertTrue(csv.err().contains("--weight-col: expected a table input"), csv.toString());
    assertFalse(Files.exists(out), out + " written");
  }
}
