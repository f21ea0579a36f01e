package org.sparkdnn.bench;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.spark.DistributedBlocks;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * Spark's own cost of one job over cached blocks: a job that only counts each partition's blocks, submitted the way
 * {@code SparkGradientSource} submits its iteration ({@code runJob} with a named function class, so the closure
 * cleaner has nothing to scan). What is left of our overhead above it is ours: the parameters shipped in, the sums
 * shipped back and added.
 */
final class EmptyJob {
  private static final ClassTag<Integer> INTEGER = ClassTag$.MODULE$.apply(Integer.class);

  private EmptyJob() {}

  /** Runs one job over {@code data}'s cached blocks; returns the number of blocks, a check that every task ran. */
  static int run(DistributedBlocks data) {
    Integer[] counts = (Integer[]) data.blocks().context().runJob(data.blocks().rdd(), new CountBlocks(), INTEGER);
    int total = 0;
    for (Integer count : counts) {
      total += count;
    }
    return total;
  }

  /** A partition's number of blocks, read from the cache and otherwise untouched. */
  private static final class CountBlocks extends AbstractFunction2<TaskContext, Iterator<ColumnBlock>, Integer>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer apply(TaskContext context, Iterator<ColumnBlock> blocks) {
      int count = 0;
      while (blocks.hasNext()) {
        blocks.next();
        count++;
      }
      return count;
    }
  }
}
