package org.sparkdnn.spark;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.sparkdnn.data.InputDataException;

/**
 * Counts skipped bad rows on the executors and keeps the first {@link SkippedRows#KEPT} of every task, through
 * Spark accumulators registered on the driver.
 *
 * <p>Accumulators updated in a transformation count again whenever a partition is recomputed, so
 * {@link #snapshot()} is read once, right after the job that computes and caches every partition: that job's
 * result stage merges each partition's updates exactly once, and a later recomputation of a lost partition is
 * not read.
 */
final class BadRowTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A skipped row's location, for ordering, and its message. */
  private record Skipped(String file, long line, String message) implements Serializable {}

  private final LongAccumulator count;
  private final CollectionAccumulator<Skipped> first;

  private BadRowTally(LongAccumulator count, CollectionAccumulator<Skipped> first) {
    this.count = count;
    this.first = first;
  }

  /** New accumulators in {@code sc}. */
  static BadRowTally register(JavaSparkContext sc) {
    return new BadRowTally(sc.sc().longAccumulator("skipped bad rows"),
        sc.sc().collectionAccumulator("first skipped bad rows"));
  }

  /**
   * Counts one skipped row (on an executor).
   *
   * @param describe whether to keep its message: true for the first {@link SkippedRows#KEPT} of a task
   */
  void add(InputDataException row, boolean describe) {
    count.add(1);
    if (describe) {
      first.add(new Skipped(row.file(), row.line(), row.getMessage()));
    }
  }

  /** What was skipped, read on the driver after the job that materialised the blocks. */
  SkippedRows snapshot() {
    List<String> messages = first.value().stream()
        .sorted(Comparator.comparing(Skipped::file).thenComparingLong(Skipped::line))
        .limit(SkippedRows.KEPT)
        .map(Skipped::message)
        .toList();
    return new SkippedRows(count.value(), messages);
  }
}
