package org.sparkdnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkdnn.model.Precision;

/** {@link TrainingConfig}: checked as a whole, recorded as JSON and read back, compared on resume. */
class TrainingConfigTest {
  private static TrainingConfig.Builder flower() {
    return TrainingConfig.builder().set(TrainSettings.TRAIN, "flower.csv")
        .set(TrainSettings.LAYERS, new int[] {2, 4, 1}).set(TrainSettings.LEARNING_RATE, 1.2).set(TrainSettings.ITERATIONS, 100)
        .set(TrainSettings.OUTPUT, "out");
  }

  @Test
  void recordsTheKeysInTheirOrderWithTheDefaultsAndTheActivationsCompleted() {
    Map<String, Object> json = flower().set(DataSettings.DELIMITER, "tab").build().toJson();
    assertEquals(List.of("train", "test", "layers", "activations", "learning_rate", "l2", "class_weight",
        "optimizer", "beta1", "beta2", "epsilon", "iterations", "batch_size", "epochs", "init", "seed", "init_from",
        "scale", "format", "label_col", "features_col", "feature_cols", "weight_col", "label_column", "header", "delimiter", "on_bad_row", "max_bad_rows", "precision", "warm_start",
        "partitions", "block_size", "eval_every", "validation", "validation_fraction", "early_stopping_patience",
        "early_stopping_min_delta"),
        List.copyOf(json.keySet()));
    assertEquals(List.of("relu", "sigmoid"), json.get("activations"));
    assertEquals(List.of(2, 4, 1), json.get("layers"));
    assertEquals("\t", json.get("delimiter"));
    assertEquals("he", json.get("init"));
    assertEquals(1L, json.get("seed"));
    assertEquals(100L, json.get("max_bad_rows"));
    assertEquals("float64", json.get("precision"));
  }

  @Test
  void courseRecordsItsCaseFirstAndNoWarmStart() {
    TrainingConfig course = TrainingConfig.courseBuilder().set(TrainSettings.COURSE_CASE, "week3-planar")
        .set(TrainSettings.TRAIN, "flower.csv").set(TrainSettings.LAYERS, new int[] {2, 4, 1})
        .set(TrainSettings.LEARNING_RATE, 1.2).set(TrainSettings.ITERATIONS, 10).build();
    List<String> keys = List.copyOf(course.toJson().keySet());
    assertEquals("course_case", keys.get(0));
    assertTrue(!keys.contains("warm_start") && keys.contains("precision"), keys.toString());
  }

  @Test
  void jsonRoundTripGivesTheRecordedValuesBack() {
    TrainingConfig config = flower().set(TrainSettings.SCALE, "255.0").set(TrainSettings.PRECISION, "FLOAT32")
        .set(DataSettings.HEADER, true).build();
    Map<String, Object> json = config.toJson();
    assertEquals("255", json.get("scale"));
    assertEquals("float32", json.get("precision"));
    SettingValues back = SettingValues.fromJson(TrainSettings.TRAIN_COMMAND, json);
    assertEquals(json, back.toJson());
    assertEquals(List.of(), config.differencesFrom(json));
  }

  @Test
  void aRecordingWithoutANewerKeyReadsItsDefault() {
    Map<String, Object> old = new LinkedHashMap<>(flower().build().toJson());
    old.remove("precision");
    assertEquals(Precision.FLOAT64, TrainingConfig.recordedPrecision(old));
    assertEquals(List.of(), flower().build().differencesFrom(old));
    assertEquals(Precision.FLOAT32, TrainingConfig.recordedPrecision(Map.of("precision", "float32")));
  }

  @Test
  void differencesNameTheComparedKeysOnly() {
    Map<String, Object> checkpoint = flower().build().toJson();
    TrainingConfig now = flower().set(TrainSettings.TRAIN, "other.csv").set(TrainSettings.ITERATIONS, 500)
        .set(TrainSettings.LEARNING_RATE, 0.5).set(TrainSettings.SEED, 3L).build();
    assertEquals(List.of("learning_rate: 1.2 in the checkpoint, 0.5 now", "seed: 1 in the checkpoint, 3 now"),
        now.differencesFrom(checkpoint).stream().map(ConfigDifference::toString).toList());
  }

  @Test
  void everyErrorNamesItsOption() {
    assertMessage("--learning-rate: learning rate must be a positive finite number, found 0.0",
        () -> flower().set(TrainSettings.LEARNING_RATE, 0.0));
    assertMessage("--partitions: expected 0 (automatic) or more, found -2",
        () -> flower().set(DataSettings.PARTITIONS, -2));
    assertMessage("--label-column: expected a column index or 'none', found 'first'",
        () -> TrainingConfig.builder().setParsed(DataSettings.LABEL_COLUMN, "first"));
    assertMessage("--activations: expected 2 activations",
        () -> flower().set(TrainSettings.ACTIVATIONS, new String[] {"relu"}).build());
    assertMessage("--train: expected a value, found none",
        () -> TrainingConfig.builder().set(TrainSettings.LAYERS, new int[] {2, 1}).build());
    assertMessage("--output, --publish-root: expected exactly one of them, found both",
        () -> flower().set(TrainSettings.PUBLISH_ROOT, "root").build());
    assertMessage("--gate-metric: expected accuracy, log-loss or auc, found 'f1'",
        () -> flower().set(TrainSettings.GATE_METRIC, "f1"));
  }

  @Test
  void valuesAreImmutable() {
    int[] layers = {2, 4, 1};
    TrainingConfig config = flower().set(TrainSettings.LAYERS, layers).build();
    layers[1] = 9;
    config.get(TrainSettings.LAYERS)[1] = 8;
    assertEquals(4, config.architecture().units(1));
    assertEquals(config, flower().build());
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}
