package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SklearnRunTest {
  @Test
  void readsTheScriptsJson() throws Exception {
    JsonNode json = new ObjectMapper().readTree("{\"sklearn\": \"1.2.1\", \"estimator\": \"x\", "
        + "\"iterations\": 312, \"fit_seconds\": 0.42, \"test\": {\"roc_auc\": 0.995, \"accuracy\": 0.96, \"log_loss\": 0.09, \"m\": 113}}");
    TabularResult mlp = SklearnRun.parse("breast-cancer", SklearnRun.Model.MLP, json, 2.5, 1, 2000);
    assertEquals("scikit-learn", mlp.tool());
    assertEquals("MLPClassifier", mlp.model());
    assertEquals("StandardScaler + MLPClassifier(hidden_layer_sizes=(16,), relu, adam, max_iter=2000, "
        + "random_state=1)", mlp.options());
    assertEquals(0.995, mlp.rocAuc());
    assertEquals(0.96, mlp.accuracy());
    assertEquals(0.09, mlp.logLoss());
    assertEquals(2.5, mlp.wallSeconds());
    assertEquals(0.42, mlp.trainSeconds());
    assertEquals("312 iterations, scikit-learn 1.2.1", mlp.note());
    assertEquals("StandardScaler + LogisticRegression(max_iter=2000, random_state=1)",
        SklearnRun.parse("breast-cancer", SklearnRun.Model.LOGISTIC, json, 2.5, 1, 2000).options());
  }

  @Test
  void aValueMissingFromTheJsonIsAnError() throws Exception {
    JsonNode json = new ObjectMapper().readTree("{\"iterations\": 3, \"test\": {\"roc_auc\": 0.9, \"accuracy\": 0.8,"
        + " \"log_loss\": 0.3}}");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SklearnRun.parse("d", SklearnRun.Model.MLP, json, 1, 1, 10));
    assertEquals("bench-sklearn.py's JSON: expected a number at fit_seconds, found null", e.getMessage());
  }
}
