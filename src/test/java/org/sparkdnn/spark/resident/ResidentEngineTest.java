package org.sparkdnn.spark.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.SharedSpark;
import org.sparkdnn.spark.resident.EngineComparison.Outcome;
import org.sparkdnn.train.IterationListener;

/** The resident engine gives the jobs engine's bits: any partition count, either precision, a task lost or not. */
class ResidentEngineTest {
  @ParameterizedTest
  @CsvSource({"1, FLOAT64, true", "2, FLOAT64, true", "2, FLOAT32, true", "1, FLOAT64, false", "2, FLOAT64, false",
      "2, FLOAT32, false"})
  void givesTheJobsEnginesModelCostsAndTestCountsBitForBit(int partitions, Precision precision, boolean inMemory) {
    EngineComparison runs = new EngineComparison(SharedSpark.context(), partitions, precision);
    try {
      Outcome jobs = runs.jobs();
      assertEquals(EngineComparison.ITERATIONS / EngineComparison.EVAL_EVERY + 1, jobs.tests().size());
      Outcome resident = runs.resident(inMemory, (iteration, cost) -> { });
      assertNull(EngineComparison.difference(jobs, resident));
      // local mode: every task runs in the driver's JVM, linked in memory unless told to use the network
      assertEquals(inMemory ? partitions : 0, resident.tasksInMemory());
    } finally {
      runs.unpersist();
    }
  }

  @ParameterizedTest
  @CsvSource({"1, FLOAT64, true", "2, FLOAT64, true", "2, FLOAT32, false"})
  void givesTheJobsEnginesBitsWithClassWeights(int partitions, Precision precision, boolean inMemory) {
    EngineComparison runs = new EngineComparison(SharedSpark.context(), partitions, precision,
        new ClassWeights(0.4, 2.5));
    EngineComparison plain = new EngineComparison(SharedSpark.context(), partitions, precision);
    try {
      Outcome jobs = runs.jobs();
      assertNull(EngineComparison.difference(jobs, runs.resident(inMemory, (iteration, cost) -> { })));
      // the weights reach the tasks of both engines: the model is not the unweighted one
      assertTrue(EngineComparison.difference(plain.jobs(), jobs) != null);
    } finally {
      runs.unpersist();
      plain.unpersist();
    }
  }

  @Test
  void givesTheJobsEnginesBitsWithFivePartitionsInALocal5JvmOfItsOwn() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java", "-Xmx1g", "@conf/jvm.options", "-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        System.getProperty("java.class.path"), ManyPartitionsRun.class.getName(), "5")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.lines().anyMatch("identical"::equals), output);
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {true, false})
  void aTaskKilledAtIterationKIsRetriedWithItsStageAndTheModelIsTheSame(boolean inMemory) {
    JavaSparkContext sc = SharedSpark.context();
    EngineComparison runs = new EngineComparison(sc, 2, Precision.FLOAT64);
    ResidentTasks tasks = new ResidentTasks();
    sc.sc().addSparkListener(tasks);
    try {
      Outcome jobs = runs.jobs();
      int k = 7;
      Outcome resident = runs.resident(inMemory, (iteration, cost) -> {
        if (iteration == k) {
          Long task = tasks.attempt(1, 0);
          assertTrue(task != null && sc.sc().killTaskAttempt(task, true, "killed by a test at iteration " + k),
              "partition 1's task of stage attempt 0: " + task);
        }
      });
      assertNull(EngineComparison.difference(jobs, resident));
      assertEquals(inMemory ? 2 : 0, resident.tasksInMemory(), "the retried tasks' links");
      assertTrue(tasks.attempt(1, 1) != null && tasks.attempt(0, 1) != null,
          "the stage was retried: " + tasks.started);
    } finally {
      sc.sc().removeSparkListener(tasks);
      runs.unpersist();
    }
  }

  @Test
  void cannotRunWithMorePartitionsThanTaskSlots() {
    JavaSparkContext sc = SharedSpark.context();
    assertEquals(Optional.empty(), ResidentEngine.unavailable(sc, 2));
    assertEquals(Optional.of("3 partitions need 3 task slots at once, and the cluster has 2"),
        ResidentEngine.unavailable(sc, 3));
  }

  /** The task attempts of the resident stage, by partition and stage attempt, as Spark starts them. */
  private static final class ResidentTasks extends SparkListener {
    final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> residentStages = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart job) {
      String description = job.properties() == null ? null : job.properties().getProperty("spark.job.description");
      if (description != null && description.startsWith("spark-dnn resident training")) {
        List<Object> stages = scala.jdk.javaapi.CollectionConverters.asJava(job.stageIds());
        stages.forEach(stage -> residentStages.put((Integer) stage, true));
      }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart task) {
      if (residentStages.containsKey(task.stageId())) {
        started.put(task.taskInfo().partitionId() + "@" + task.stageAttemptId(), task.taskInfo().taskId());
      }
    }

    Long attempt(int partition, int stageAttempt) {
      return started.get(partition + "@" + stageAttempt);
    }
  }
}
