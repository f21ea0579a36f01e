package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  @Test
  void theCatShapeAtAMillionSamplesNeedsItsFeaturesAndLabels() {
    MemoryBudget budget = MemoryBudget.ofGib(12);
    assertEquals(8L * 12289 * 1_000_000, MemoryBudget.oursBytes(12288, 1_000_000));
    assertEquals("needs 91.6 GiB (memory budget 12.0 GiB)",
        budget.refusal(MemoryBudget.oursBytes(12288, 1_000_000)));
  }

  @Test
  void aCaseThatFitsIsNotRefused() {
    MemoryBudget budget = MemoryBudget.ofGib(12);
    assertNull(budget.refusal(MemoryBudget.oursBytes(1000, 1_000_000)));
    assertEquals("needs 22.4 GiB (memory budget 12.0 GiB)",
        budget.refusal(MemoryBudget.mllibBytes(1000, 1_000_000)));
  }

  @Test
  void cachedDataMustFitSparksStorageMemoryToo() {
    long gib = 1L << 30;
    assertNull(MemoryBudget.storageRefusal(9 * gib, 11 * gib));
    assertEquals("needs 9.2 GiB of Spark storage memory, has 8.5 GiB (spark.memory.fraction of SPARK_DNN_HEAP)",
        MemoryBudget.storageRefusal(MemoryBudget.oursBytes(12288, 100_000), (long) (9.4 * gib)));
  }
}
