package org.sparkdnn.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.testing.CsvData;

/** {@link Trainer#fit} trains as {@link Trainer#train} does, on a DataFrame, and writes nothing. */
class InMemoryFitTest {
  private static final String FLOWER = CsvData.FLOWER.toString();
  private static final TableColumns COLUMNS = TableColumns.ofColumns("label", List.of("x1", "x2"));

  @TempDir
  Path dir;

  private static Dataset<Row> flowerTable() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
        .add("x2", DataTypes.DoubleType);
    return SharedSpark.session().read().schema(schema).csv(FLOWER);
  }

  /** The settings both runs share: standardized, Adam, held-out validation data with early stopping. */
  private static TrainingConfig.Builder settings(TrainingConfig.Builder builder) {
    return builder.set(TrainSettings.TRAIN, FLOWER)
        .set(TrainSettings.LAYERS, new int[] {2, 4, 1})
        .set(TrainSettings.ACTIVATIONS, new String[] {"tanh", "sigmoid"})
        .set(TrainSettings.LEARNING_RATE, 0.05)
        .set(TrainSettings.OPTIMIZER, "adam")
        .set(TrainSettings.ITERATIONS, 200)
        .set(TrainSettings.INIT, "course-small")
        .set(TrainSettings.SEED, 2L)
        .set(TrainSettings.SCALE, "standardize")
        .set(TrainSettings.VALIDATION_FRACTION, 0.2)
        .set(TrainSettings.EVAL_EVERY, 20);
  }

  private static Trainer quietTrainer() {
    return new Trainer(SharedSpark.context(), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), null);
  }

  @Test
  void fitOnADataFrameGivesTheCostsAndModelOfTrain() {
    TrainedModel written = quietTrainer().train(settings(TrainingConfig.builder())
        .set(TrainSettings.OUTPUT, dir.resolve("model").toString()).build());
    TrainedModel fitted = quietTrainer().fit(settings(TrainingConfig.inMemoryBuilder()).build(), flowerTable(),
        COLUMNS);

    assertNull(fitted.output());
    assertArrayEquals(written.result().costs(), fitted.result().costs());
    assertEquals(written.model().parameters(), fitted.model().parameters());
    assertEquals(written.model().standardization(), fitted.model().standardization());
    assertEquals(written.train(), fitted.train());
    assertEquals(written.fingerprint(), fitted.fingerprint());
    assertEquals(FLOWER, fitted.model().provenance().trainingData());
    assertEquals("course-small", fitted.model().provenance().initializer());
    assertEquals(written.model().config().get("partitions"), fitted.model().config().get("partitions"));
  }

  @Test
  void fitRefusesAConfigurationThatWritesFilesAndUnnamedValidationData() {
    TrainingConfig writing = TrainingConfig.builder().set(TrainSettings.TRAIN, FLOWER)
        .set(TrainSettings.LAYERS, new int[] {2, 1}).set(TrainSettings.LEARNING_RATE, 0.1)
        .set(TrainSettings.ITERATIONS, 1).set(TrainSettings.OUTPUT, dir.resolve("x").toString()).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> quietTrainer().fit(writing, flowerTable(), COLUMNS));
    assertTrue(e.getMessage().startsWith("expected a configuration of TrainingConfig.inMemoryBuilder()"),
        e.getMessage());

    TrainingConfig named = TrainingConfig.inMemoryBuilder().set(TrainSettings.TRAIN, FLOWER)
        .set(TrainSettings.LAYERS, new int[] {2, 1}).set(TrainSettings.LEARNING_RATE, 0.1)
        .set(TrainSettings.ITERATIONS, 1).set(TrainSettings.VALIDATION, "held-out rows").build();
    e = assertThrows(IllegalArgumentException.class, () -> quietTrainer().fit(named, flowerTable(), COLUMNS));
    assertEquals("--validation: expected validation data for held-out rows, found none", e.getMessage());
  }
}
