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
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.testing.CsvData;
import org.sparkdnn.testing.PartFiles;

/**
 * {@code train}, {@code predict} and {@code evaluate} on tables: the planar flower written by Spark as Parquet,
 * ORC and LIBSVM, with dense and sparse vectors, named columns, and as a catalog view and table, trains to the
 * bits of the CSV; bad tables stop the run with exit 3, located, and nothing written.
 */
class TableInputsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  static Path dir;
  private static SparkSession spark;
  private static CommandRun csvRun;
  private static Path csvModel;

  /** The week-3 flower network, 200 iterations, on {@code train}, written to {@code output}. */
  private static CommandRun train(Path output, String... input) {
    List<String> args = new ArrayList<>(List.of("train", "--layers", "2,4,1", "--activations", "tanh,sigmoid",
        "--learning-rate", "1.2", "--iterations", "200", "--init", "course-small", "--seed", "2",
        "--print-every", "0", "--output", output.toString()));
    args.addAll(List.of(input));
    return CommandRun.of(args.toArray(new String[0]));
  }

  /** The flower as Spark reads the CSV: label, x1, x2 doubles, and the features assembled into a vector. */
  private static Dataset<Row> flower() {
    Dataset<Row> columns = spark.read().schema("label double, x1 double, x2 double").csv(FLOWER);
    return new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features")
        .transform(columns);
  }

  private static String write(Dataset<Row> df, String format, String name) {
    String path = dir.resolve(name).toString();
    df.coalesce(1).write().format(format).save(path);
    return path;
  }

  @BeforeAll
  static void writeTables() {
    spark = SharedSpark.session();
    csvModel = dir.resolve("csv-model");
    csvRun = train(csvModel, "--train", FLOWER);
  }

  private static void assertSameModel(CommandRun run, Path model) throws IOException {
    assertEquals(0, csvRun.exitCode(), csvRun.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode expected = JSON.readTree(csvModel.resolve("metrics.json").toFile()).get("costs");
    JsonNode costs = JSON.readTree(model.resolve("metrics.json").toFile()).get("costs");
    assertEquals(200, costs.size());
    for (int i = 0; i < costs.size(); i++) {
      assertEquals(Double.doubleToLongBits(expected.get(i).asDouble()), Double.doubleToLongBits(costs.get(i)
          .asDouble()), "cost " + i);
    }
    assertArrayEquals(Files.readAllBytes(csvModel.resolve(ModelStore.PARAMETERS_FILE)),
        Files.readAllBytes(model.resolve(ModelStore.PARAMETERS_FILE)));
  }

  @Test
  void parquetOrcLibsvmAndJsonTrainToTheBitsOfTheCsv() throws IOException {
    Dataset<Row> vectors = flower().select("label", "features");
    String parquet = write(vectors, "parquet", "flower.parquet");
    Path parquetModel = dir.resolve("parquet-model");
    CommandRun fromParquet = train(parquetModel, "--train", parquet, "--test", parquet);
    assertSameModel(fromParquet, parquetModel);
    JsonNode recorded = JSON.readTree(parquetModel.resolve("metrics.json").toFile()).get("config");
    assertEquals("label", recorded.get("label_col").asText());
    assertEquals("features", recorded.get("features_col").asText());

    Path orcModel = dir.resolve("orc-model");
    assertSameModel(train(orcModel, "--train", write(vectors, "orc", "flower-orc"), "--format", "orc"), orcModel);
    Path libsvmModel = dir.resolve("libsvm-model");
    assertSameModel(train(libsvmModel, "--train", write(vectors, "libsvm", "flower-libsvm")), libsvmModel);
    // JSON's numbers are written and read back as the same doubles; its part files tell the format
    Path jsonModel = dir.resolve("json-model");
    assertSameModel(train(jsonModel, "--train", write(flower().select("label", "x1", "x2"), "json", "flower-json"),
        "--feature-cols", "x1,x2"), jsonModel);
  }

  @Test
  void sparseVectorsNamedColumnsAndCatalogTablesGiveTheSameModel() throws IOException {
    UDF1<Vector, Vector> sparse = Vector::toSparse;
    Dataset<Row> sparseVectors = flower().select(functions.col("label"),
        functions.udf(sparse, SQLDataTypes.VectorType()).apply(functions.col("features")).as("xs"));
    Path sparseModel = dir.resolve("sparse-model");
    assertSameModel(train(sparseModel, "--train", write(sparseVectors, "parquet", "sparse.parquet"),
        "--features-col", "xs"), sparseModel);

    Dataset<Row> named = flower().select(functions.col("x2"), functions.col("label").cast("int").as("y"),
        functions.col("x1"));
    Path namedModel = dir.resolve("named-model");
    assertSameModel(train(namedModel, "--train", write(named, "parquet", "named.parquet"), "--label-col", "y",
        "--feature-cols", "x1,x2"), namedModel);

    flower().createOrReplaceTempView("flower_view");
    Path viewModel = dir.resolve("view-model");
    assertSameModel(train(viewModel, "--train", "flower_view", "--format", "table"), viewModel);
    spark.sql("DROP TABLE IF EXISTS flower_table");
    flower().coalesce(1).write().saveAsTable("flower_table");
    Path tableModel = dir.resolve("table-model");
    assertSameModel(train(tableModel, "--train", "default.flower_table", "--format", "table",
        "--validation", "flower_view", "--eval-every", "50"), tableModel);
  }

  @Test
  void predictWritesParquetWithTheInputsColumnsAndEvaluateReadsTables() throws IOException {
    String parquet = write(flower(), "parquet", "scored-input.parquet");
    Path output = dir.resolve("predictions.parquet");
    CommandRun predict = CommandRun.of("predict", "--model", csvModel.toString(), "--input", parquet,
        "--output", output.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    Dataset<Row> scored = spark.read().parquet(output.toString());
    assertEquals(List.of("label", "x1", "x2", "features", "probability", "prediction"),
        List.of(scored.columns()));
    Path csvOutput = dir.resolve("predictions-csv");
    CommandRun predictCsv = CommandRun.of("predict", "--model", csvModel.toString(), "--input", FLOWER,
        "--output", csvOutput.toString());
    assertEquals(0, predictCsv.exitCode(), predictCsv.toString());
    List<String> lines = PartFiles.lines(csvOutput);
    List<Row> rows = scored.collectAsList();
    assertEquals(400, rows.size());
    for (int j = 0; j < rows.size(); j++) {
      Row row = rows.get(j);
      assertEquals(lines.get(j), row.getDouble(4) + "," + (int) row.getDouble(5), "row " + j);
    }
    CommandRun evaluate = CommandRun.of("evaluate", "--model", csvModel.toString(), "--input", parquet);
    CommandRun evaluateCsv = CommandRun.of("evaluate", "--model", csvModel.toString(), "--input", FLOWER);
    assertEquals(0, evaluate.exitCode(), evaluate.toString());
    assertEquals(evaluateCsv.out(), evaluate.out());
  }

  /** A run that must stop with exit 3, its message holding {@code parts}, and write nothing at {@code output}. */
  private static void assertRefused(CommandRun run, Path output, String... parts) {
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    for (String part : parts) {
      assertTrue(run.err().contains(part), "'" + part + "' in\n" + run);
    }
    assertFalse(Files.exists(output), output + " written");
  }

  @Test
  void badTablesStopTheRunLocatedAndWriteNothing() {
    Dataset<Row> indexed = flower().withColumn("i", functions.monotonically_increasing_id());
    Dataset<Row> nan = indexed.withColumn("x2", functions.when(functions.col("i").equalTo(6),
        functions.lit(Double.NaN)).otherwise(functions.col("x2"))).drop("i");
    String nanPath = write(nan, "parquet", "nan.parquet");
    Path out = dir.resolve("refused");
    assertRefused(train(out, "--train", nanPath, "--feature-cols", "x1,x2"), out, "nan.parquet/part-",
        ", row 7, column 'x2': expected a finite number, found NaN");
    Dataset<Row> nulls = indexed.withColumn("x1", functions.when(functions.col("i").equalTo(0),
        functions.lit(null)).otherwise(functions.col("x1"))).drop("i");
    assertRefused(train(out, "--train", write(nulls, "parquet", "null.parquet"), "--feature-cols", "x1,x2"), out,
        "null.parquet/part-", ", row 1, column 'x1': expected a finite number, found null");
    Dataset<Row> labels = indexed.withColumn("label", functions.when(functions.col("i").equalTo(4),
        functions.lit(2.0)).otherwise(functions.col("label"))).drop("i");
    String labelPath = write(labels, "parquet", "label.parquet");
    assertRefused(train(out, "--train", labelPath), out, "label.parquet/part-",
        ", row 5, column 'label': expected a label 0 or 1, found 2.0");
    assertRefused(CommandRun.of("evaluate", "--model", csvModel.toString(), "--input", labelPath, "--output",
        out.toString()), out, ", row 5, column 'label': expected a label 0 or 1, found 2.0");

    Dataset<Row> wide = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "label"})
        .setOutputCol("features").transform(flower().drop("features"));
    assertRefused(train(out, "--train", write(wide, "parquet", "wide.parquet")), out,
        "wide.parquet, column 'features': expected a vector column (an ML Vector, or an array of numbers) of "
            + "n[0] = 2 features, found vectors of 3 features (the column's ML attributes)");
    assertRefused(train(out, "--train", labelPath, "--label-col", "y"), out, "label.parquet, column 'y': "
        + "expected a label 0 or 1, found no such column (the columns: label, x1, x2, features)");
    assertRefused(train(out, "--train", labelPath, "--features-col", "x1"), out, "label.parquet, column 'x1': "
        + "expected a vector column (an ML Vector, or an array of numbers) of n[0] = 2 features, found a column "
        + "of type double");
    assertRefused(train(out, "--train", "no_such_table", "--format", "table"), out,
        "table no_such_table: expected a table or view in the session's catalog, found none of that name");
    assertRefused(CommandRun.of("predict", "--model", csvModel.toString(), "--input", nanPath, "--feature-cols",
        "x1,x2", "--output", dir.resolve("refused.parquet").toString()), dir.resolve("refused.parquet"),
        ", row 7, column 'x2': expected a finite number, found NaN");
  }

  @Test
  void badRowsAreSkippedAndBoundedAsInCsv() throws IOException {
    Dataset<Row> labels = flower().withColumn("i", functions.monotonically_increasing_id())
        .withColumn("label", functions.when(functions.col("i").equalTo(9), functions.lit(0.5))
            .otherwise(functions.col("label"))).drop("i");
    String path = write(labels, "parquet", "skip.parquet");
    Path model = dir.resolve("skipped-model");
    CommandRun run = train(model, "--train", path, "--on-bad-row", "skip", "--max-bad-rows", "1");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Skipped 1 bad row of " + path + ":"), run.toString());
    JsonNode train = JSON.readTree(model.resolve("metrics.json").toFile()).get("train");
    assertEquals(399, train.get("m").asLong());
    assertEquals(1, train.get("bad_rows").get("skipped").asLong());
    assertTrue(train.get("bad_rows").get("first").get(0).asText()
        .endsWith(", row 10, column 'label': expected a label 0 or 1, found 0.5"), train.toString());
    Path refused = dir.resolve("too-many");
    assertRefused(train(refused, "--train", path, "--on-bad-row", "skip", "--max-bad-rows", "0"), refused,
        path + ": expected at most 0 bad rows, found 1 bad rows");
  }
}
