package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {
  @TempDir
  Path dir;

  @Test
  void theMeanLeavesOutTheFirstTenIterations() {
    double[] seconds = new double[14];
    Arrays.fill(seconds, 0, 10, 1.0);
    seconds[10] = 0.001;
    seconds[11] = 0.002;
    seconds[12] = 0.003;
    seconds[13] = 0.006;
    assertEquals(0.003, new RunMetrics("resident", seconds).settledSecondsPerIteration(), 1e-15);
  }

  @Test
  void aRunOfNoMoreThanTheSettlingIterationsHasNoMean() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RunMetrics("jobs", new double[10]).settledSecondsPerIteration());
    assertTrue(e.getMessage().contains("more than 10 iterations, found 10"), e.getMessage());
  }

  @Test
  void readsTheEngineAndIterationSecondsOfMetricsJson() throws Exception {
    Files.writeString(dir.resolve("metrics.json"),
        "{\"engine\": \"resident\", \"costs\": [0.7, 0.6], \"iteration_seconds\": [0.5, 0.25]}");
    RunMetrics metrics = RunMetrics.read(dir, Engine.RESIDENT);
    assertEquals("resident", metrics.engine());
    assertArrayEquals(new double[] {0.5, 0.25}, metrics.iterationSeconds());
  }

  @Test
  void anotherEngineThanAskedForIsAnError() throws Exception {
    Files.writeString(dir.resolve("metrics.json"), "{\"engine\": \"jobs\", \"iteration_seconds\": [0.5]}");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunMetrics.read(dir, Engine.RESIDENT));
    assertTrue(e.getMessage().contains("expected engine resident, found 'jobs'"), e.getMessage());
  }

  @Test
  void anIterationWithoutTimeIsAnError() throws Exception {
    Files.writeString(dir.resolve("metrics.json"), "{\"engine\": \"jobs\", \"iteration_seconds\": [null, 0.5]}");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunMetrics.read(dir, Engine.JOBS));
    assertTrue(e.getMessage().contains("iteration 0 has no time"), e.getMessage());
  }
}
