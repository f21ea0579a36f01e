package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseRunTest {
  @Test
  void readsTheLastCostPrinted() {
    List<String> log = List.of("BLAS: x", "Cost after iteration 0: 0.7717493284237686",
        "Cost after iteration 2499: 0.08843 [31.0 s elapsed, ETA 0.0 s]", "Accuracy: 0.98");
    assertEquals(0.08843, CourseRun.lastCost(log));
  }

  @Test
  void aLogWithoutCostIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CourseRun.lastCost(List.of("Exception in thread main")));
    assertTrue(e.getMessage().contains("Cost after iteration") && e.getMessage().contains("1 lines"),
        e.getMessage());
  }
}
