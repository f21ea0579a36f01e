package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.eval.ConfusionCounts;

class TabularRunTest {
  private static final TabularConfiguration ADAM =
      TabularConfiguration.of("adam-0.01", "--iterations 2000 --optimizer adam --learning-rate 0.01");
  private static final TabularSplit SPLIT = new TabularSplit("diabetes", Path.of("/d.arff"), "weka",
      Path.of("data/diabetes-train.csv"), Path.of("data/diabetes-test.csv"), 768, 8, 268, "tested_positive",
      "tested_negative", 614, 154, 2.0, 800.0);

  @Test
  void theHarnessGivesDataLayersInitialisationAndMasterThenTheConfigurationItsOptions() {
    List<String> arguments = TabularRun.arguments(ADAM, SPLIT, 1, "local[2]", 2, Path.of("runs/d-adam"));
    assertEquals(List.of("train", "--train", "data/diabetes-train.csv", "--test", "data/diabetes-test.csv",
        "--layers", "8,16,1", "--activations", "relu,sigmoid", "--init", "he", "--seed", "1", "--master",
        "local[2]", "--partitions", "2", "--output", "runs/d-adam", "--overwrite", "--iterations", "2000",
        "--optimizer", "adam", "--learning-rate", "0.01"), arguments);
    for (String option : TabularRun.HARNESS_OPTIONS) {
      assertTrue(arguments.contains(option), option);
    }
  }

  @Test
  void readsTheTestMetricsAsTrainWritesThem() {
    // the test section as BinaryMetrics.toMap writes it into metrics.json
    BinaryMetrics test = new BinaryMetrics(ConfusionCounts.of(40, 10, 90, 14, 70.0), 0.8125);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("engine", "resident");
    metrics.put("test", test.toMap());
    metrics.put("wall_time_seconds", Map.of("load", 1.1, "train", 2.5, "evaluate", 0.4));
    JsonNode json = new ObjectMapper().valueToTree(metrics);
    TabularResult result = TabularRun.fromMetrics("diabetes", ADAM, json, 7.25);
    assertEquals(0.8125, result.rocAuc());
    assertEquals(130.0 / 154, result.accuracy());
    assertEquals(test.logLoss(), result.logLoss());
    assertEquals(7.25, result.wallSeconds());
    assertEquals(2.5, result.trainSeconds());
    assertEquals("spark-dnn", result.tool());
    assertEquals("adam-0.01", result.model());
    assertEquals("--iterations 2000 --optimizer adam --learning-rate 0.01", result.options());
    assertEquals("resident engine", result.note());
    assertNull(result.failure());
  }

  @Test
  void aMetricsFileWithoutTheTestMetricsIsAnError() throws Exception {
    JsonNode json = new ObjectMapper().readTree("{\"test\": {\"accuracy\": 0.5, \"log_loss\": 0.7}, "
        + "\"wall_time_seconds\": {\"train\": 1}}");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TabularRun.fromMetrics("diabetes", ADAM, json, 1));
    assertEquals("metrics.json: expected a number at roc_auc, found null", e.getMessage());
  }
}
