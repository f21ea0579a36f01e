package org.sparkdnn.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.testing.CsvData;

/** DnnClassifier inside Spark ML: pipelines saved and loaded, cross-validation, params checked and saved. */
class DnnClassifierTest {
  @TempDir
  Path dir;

  /** The flower's columns label, x1, x2, as Spark reads the CSV. */
  private static Dataset<Row> flowerTable() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
        .add("x2", DataTypes.DoubleType);
    return SharedSpark.session().read().schema(schema).csv(CsvData.FLOWER.toString());
  }

  private static double[] probabilities(Dataset<Row> scored) {
    return scored.select("probability").collectAsList().stream()
        .mapToDouble(row -> ((Vector) row.get(0)).apply(1)).toArray();
  }

  @Test
  void aSavedAndLoadedPipelinePredictsTheSameProbabilities() throws IOException {
    Dataset<Row> flower = flowerTable();
    // README pipeline begins
    VectorAssembler assembler = new VectorAssembler()
        .setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features");
    DnnClassifier dnn = new DnnClassifier()
        .setHiddenLayers(new int[] {4})
        .setActivations(new String[] {"tanh", "sigmoid"})
        .setStepSize(1.2)
        .setMaxIter(1000)
        .setInitScheme("course-small")
        .setSeed(2L);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, dnn});
    PipelineModel model = pipeline.fit(flower);
    model.write().overwrite().save(dir.resolve("flower-pipeline").toString());

    PipelineModel loaded = PipelineModel.load(dir.resolve("flower-pipeline").toString());
    Dataset<Row> scored = loaded.transform(flower);
    // README pipeline ends
    assertArrayEquals(probabilities(model.transform(flower)), probabilities(scored));
    double auc = new BinaryClassificationEvaluator().evaluate(scored);
    assertTrue(auc > 0.9, "AUC " + auc);
    DnnClassificationModel stage = (DnnClassificationModel) loaded.stages()[1];
    assertEquals(dnn.getFeaturesCol(), stage.getFeaturesCol());
    assertEquals(((DnnClassificationModel) model.stages()[1]).uid(), stage.uid());
  }

  @Test
  void thresholdsDecideThePredictionAsSparksClassifiersDo() {
    Dataset<Row> flower = new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features")
        .transform(flowerTable());
    DnnClassificationModel model = new DnnClassifier().setHiddenLayers(new int[] {4})
        .setActivations(new String[] {"tanh", "sigmoid"}).setStepSize(1.2).setMaxIter(200)
        .setInitScheme("course-small").setSeed(2L).fit(flower);
    // Spark's rule: the class k of the largest p_k / t_k; with t = (0.9, 0.1), class 1 wins once p > 0.1
    List<Row> rows = model.setThresholds(new double[] {0.9, 0.1}).transform(flower)
        .select("probability", "prediction").collectAsList();
    long ones = 0;
    for (Row row : rows) {
      double p = ((Vector) row.get(0)).apply(1);
      assertEquals(p / 0.1 > (1 - p) / 0.9 ? 1.0 : 0.0, row.getDouble(1), "p = " + p);
      ones += row.getDouble(1) == 1.0 ? 1 : 0;
    }
    long atHalf = model.setThresholds(new double[] {0.5, 0.5}).transform(flower).filter("prediction = 1").count();
    assertTrue(ones > atHalf, ones + " ones at thresholds (0.9, 0.1), " + atHalf + " at (0.5, 0.5)");
  }

  @Test
  void readmeShowsThePipelineExample() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/sparkdnn/ml/DnnClassifierTest.java"));
    String begin = "    // README pipeline begins\n";
    int from = source.indexOf(begin, source.indexOf("void aSavedAndLoaded")) + begin.length();
    String example = source.substring(from, source.indexOf("    // README pipeline ends\n", from))
        .replaceAll("(?m)^    ", "");
    String readme = Files.readString(Path.of("README.md"));
    String block = readme.substring(readme.indexOf("```java\n", readme.indexOf("#### Spark ML")) + 8);
    assertEquals(example, block.substring(0, block.indexOf("```\n")));
  }

  @Test
  void sparkConnectFindsBothClassesAndMakesThemFromAUid() throws ReflectiveOperationException {
    assertEquals(List.of(DnnClassifier.class), ServiceLoader.load(Estimator.class).stream()
        .map(ServiceLoader.Provider::type).filter(type -> type.getName().startsWith("org.sparkdnn")).toList());
    assertEquals(List.of(DnnClassificationModel.class), ServiceLoader.load(Transformer.class).stream()
        .map(ServiceLoader.Provider::type).filter(type -> type.getName().startsWith("org.sparkdnn")).toList());
    DnnClassifier dnn = DnnClassifier.class.getConstructor(String.class).newInstance("dnn_1");
    assertEquals("dnn_1", dnn.uid());
    assertEquals("dnn_1", dnn.stepSize().parent());
    assertEquals("dnn_1", dnn.featuresCol().parent());
    DnnClassificationModel empty = DnnClassificationModel.class.getConstructor(String.class).newInstance("m_1");
    assertEquals("m_1", empty.probabilityCol().parent());
    IllegalStateException e = assertThrows(IllegalStateException.class, empty::savedModel);
    assertEquals("m_1: no trained network; fit a DnnClassifier or load a model", e.getMessage());
  }

  @Test
  void crossValidationOverTwoStepSizesPicksOne() {
    Dataset<Row> flower = new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features")
        .transform(flowerTable());
    DnnClassifier dnn = new DnnClassifier().setHiddenLayers(new int[] {4})
        .setActivations(new String[] {"tanh", "sigmoid"}).setMaxIter(200).setInitScheme("course-small")
        .setSeed(2L).setEngine("jobs");
    ParamMap[] grid = new ParamGridBuilder().addGrid(dnn.stepSize(), new double[] {0.001, 1.2}).build();
    CrossValidator cv = new CrossValidator().setEstimator(dnn).setEstimatorParamMaps(grid)
        .setEvaluator(new BinaryClassificationEvaluator()).setNumFolds(2).setSeed(7L);
    CrossValidatorModel model = cv.fit(flower);

    double[] metrics = model.avgMetrics();
    assertEquals(2, metrics.length);
    assertTrue(metrics[1] > metrics[0], java.util.Arrays.toString(metrics));
    DnnClassificationModel best = (DnnClassificationModel) model.bestModel();
    assertEquals(1.2, best.savedModel().config().get(TrainSettings.LEARNING_RATE.key()));
  }

  @Test
  void badParamsAreRefusedNamingTheParamAndTheOption() {
    DnnClassifier dnn = new DnnClassifier();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dnn.setStepSize(-1));
    assertEquals("stepSize (--learning-rate): learning rate must be a positive finite number, found -1.0",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dnn.setOptimizer("sgd"));
    assertTrue(e.getMessage().startsWith("optimizer (--optimizer): "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dnn.setHiddenLayers(new int[] {4, 0}));
    assertTrue(e.getMessage().startsWith("hiddenLayers (--layers): "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dnn.setValidationFraction(1.5));
    assertTrue(e.getMessage().startsWith("validationFraction (--validation-fraction): "), e.getMessage());

    Dataset<Row> flower = new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features")
        .transform(flowerTable());
    DnnClassifier noStep = new DnnClassifier().setHiddenLayers(new int[] {4}).setMaxIter(5);
    e = assertThrows(IllegalArgumentException.class, () -> noStep.fit(flower));
    assertEquals("stepSize (--learning-rate): expected a value, found none", e.getMessage());
    DnnClassifier tolWithoutValidation = noStep.copy(ParamMap.empty()).setStepSize(0.1).setTol(0.5);
    e = assertThrows(IllegalArgumentException.class, () -> tolWithoutValidation.fit(flower));
    assertEquals("tol (--early-stopping-min-delta): applies with --validation or --validation-fraction only, "
        + "found neither", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> noStep.setMaxIter(0));
    assertTrue(e.getMessage().startsWith("maxIter (--iterations): "), e.getMessage());
  }

  @Test
  void paramsHaveTheSettingsDocsAndDefaultsAndAreSavedWithTheEstimator() throws IOException {
    DnnClassifier dnn = new DnnClassifier().setHiddenLayers(new int[] {5, 3}).setStepSize(0.3).setMaxIter(7)
        .setStandardization(true).setOptimizer("adam");
    assertEquals(TrainSettings.LEARNING_RATE.description(), dnn.stepSize().doc());
    assertEquals("he", dnn.getOrDefault(dnn.initScheme()));
    assertEquals(1L, dnn.getOrDefault(dnn.seed()));
    DnnClassifier defaults = new DnnClassifier();
    assertEquals(false, defaults.getOrDefault(defaults.standardization()));
    assertEquals(1e-4, dnn.getOrDefault(dnn.tol()));
    assertTrue(!dnn.hasDefault(dnn.maxIter()) && !dnn.hasDefault(dnn.hiddenLayers()));

    String path = dir.resolve("estimator").toString();
    // the writer uses the active session: the shared one
    SharedSpark.session();
    dnn.write().save(path);
    DnnClassifier loaded = DnnClassifier.load(path);
    assertEquals(dnn.uid(), loaded.uid());
    assertArrayEquals(new int[] {5, 3}, (int[]) loaded.getOrDefault(loaded.hiddenLayers()));
    assertEquals(0.3, loaded.getOrDefault(loaded.stepSize()));
    assertEquals(true, loaded.getOrDefault(loaded.standardization()));
    assertEquals("adam", loaded.getOrDefault(loaded.optimizer()));
    assertEquals(dnn.config(2), loaded.config(2));
    assertEquals(7, dnn.config(2).get(TrainSettings.ITERATIONS));
    assertEquals(7, dnn.copy(ParamMap.empty()).setBatchSize(16).config(2).get(TrainSettings.EPOCHS));
  }
}
