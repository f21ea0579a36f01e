package org.sparkdnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryMetricsTest {

  private static BinaryMetrics example() {
    return new BinaryMetrics(ConfusionCountsTest.example(), 0.875);
  }

  @Test
  void delegatesToCounts() {
    BinaryMetrics m = example();
    assertEquals(0.75, m.accuracy());
    assertEquals(0.75, m.precision());
    assertEquals(0.75, m.recall());
    assertEquals(0.75, m.f1());
    assertEquals(ConfusionCountsTest.example().logLoss(), m.logLoss());
    assertEquals(0.875, m.auc());
    assertEquals(8, m.m());
    assertEquals(6, m.correct());
    assertEquals(ConfusionCountsTest.example(), m.confusion());
  }

  @Test
  void mapHasKeysInOrderAndSerializesToJson() throws Exception {
    Map<String, Object> map = example().toMap();
    assertEquals(List.of("accuracy", "correct", "precision", "recall", "recall_0", "recall_1", "f1", "log_loss",
        "roc_auc", "m", "confusion"), List.copyOf(map.keySet()));
    assertEquals(8L, map.get("m"));
    assertEquals(6L, map.get("correct"));
    assertEquals(Map.of("tp", 3L, "fp", 1L, "tn", 3L, "fn", 1L), map.get("confusion"));
    String json = new ObjectMapper().writeValueAsString(map);
    assertEquals("{\"accuracy\":0.75,\"correct\":6,\"precision\":0.75,\"recall\":0.75,\"recall_0\":0.75,"
        + "\"recall_1\":0.75,\"f1\":0.75,\"log_loss\":" + example().logLoss() + ",\"roc_auc\":0.875,\"m\":8,\"confusion\":{\"tp\":3,\"fp\":1,\"tn\":3,\"fn\":1}}",
        json);
  }

  @Test
  void table() {
    BinaryMetrics m = new BinaryMetrics(ConfusionCounts.of(32, 0, 17, 1, 2.5), 0.99);
    assertEquals("""
        accuracy   0.980000
        precision  1.000000
        recall     0.969697
        recall_0   1.000000
        recall_1   0.969697
        f1         0.984615
        log_loss   0.050000
        roc_auc    0.990000
        m          50

                  predicted 0  predicted 1
        actual 0           17            0
        actual 1            1           32
        """, m.toTable());
  }

  @Test
  void tableWidensForLargeCountsAndShowsNaN() {
    BinaryMetrics m = new BinaryMetrics(ConfusionCounts.of(0, 0, 123_456_789_012_345L, 0, 0), Double.NaN);
    String table = m.toTable();
    assertEquals("""
        accuracy   1.000000
        precision  0.000000
        recall     0.000000
        recall_0   1.000000
        recall_1   0.000000
        f1         0.000000
        log_loss   0.000000
        roc_auc    NaN
        m          123456789012345

                      predicted 0      predicted 1
        actual 0  123456789012345                0
        actual 1                0                0
        """, table);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.POSITIVE_INFINITY})
  void rejectsAucOutsideUnitInterval(double auc) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BinaryMetrics(ConfusionCounts.EMPTY, auc));
    assertEquals("expected an AUC in [0, 1] or NaN, found " + auc, e.getMessage());
    assertThrows(NullPointerException.class, () -> new BinaryMetrics(null, 0.5));
  }
}
