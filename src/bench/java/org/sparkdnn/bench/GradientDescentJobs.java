package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Listens for MLlib's gradient-descent iterations: each is one {@code treeAggregate} job started from MLlib's
 * {@code GradientDescent}, so the end times of those jobs mark the iterations, and their count says how many ran.
 */
final class GradientDescentJobs extends SparkListener {
  /** The call site Spark names the iteration's stages by: "treeAggregate at GradientDescent.scala:NNN". */
  static final String CALL_SITE = "treeAggregate at GradientDescent.scala";

  private final Set<Integer> iterationJobs = new HashSet<>();
  private final List<Long> endMillis = new ArrayList<>();
  private final Set<String> otherStages = new TreeSet<>();

  /** Forgets what was seen, before a new fit. */
  synchronized void reset() {
    iterationJobs.clear();
    endMillis.clear();
    otherStages.clear();
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart start) {
    for (StageInfo stage : CollectionConverters.asJava(start.stageInfos())) {
      if (stage.name().startsWith(CALL_SITE)) {
        iterationJobs.add(start.jobId());
        return;
      }
    }
    for (StageInfo stage : CollectionConverters.asJava(start.stageInfos())) {
      otherStages.add(stage.name());
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd end) {
    if (iterationJobs.contains(end.jobId())) {
      endMillis.add(end.time());
      notifyAll();
    }
  }

  /**
   * The end times (ms) of the iteration jobs once {@code expected} have ended, waiting up to {@code timeoutMillis}
   * for Spark's listener bus to deliver them; fewer if no more come.
   */
  synchronized List<Long> awaitEnds(int expected, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (endMillis.size() < expected && System.currentTimeMillis() < deadline) {
      wait(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return List.copyOf(endMillis);
  }

  /** The names of the stages of the other jobs seen since {@link #reset()}, for an error message. */
  synchronized Set<String> otherStages() {
    return new TreeSet<>(otherStages);
  }
}
