package org.sparkdnn.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.InputDataException;
import scala.Tuple2;

/**
 * A data set as cached {@link ColumnBlock}s on the executors, with its sample count m. The samples keep their
 * file order across partitions; when the input's splits are too few (a single {@code .gz} file is one split)
 * or a partition count is asked for, the samples are re-cut into N contiguous, near-equal ranges.
 */
public final class DistributedBlocks {
  private final JavaRDD<ColumnBlock> blocks;
  private final long numExamples;

  private DistributedBlocks(JavaRDD<ColumnBlock> blocks, long numExamples) {
    this.blocks = blocks;
    this.numExamples = numExamples;
  }

  /**
   * Reads {@code path}, builds the blocks once, persists and counts them.
   *
   * @param partitions the number of partitions, or 0 for at least Spark's default parallelism
   * @throws InputDataException if the input is missing, empty or holds a bad row
   */
  public static DistributedBlocks load(JavaSparkContext sc, String path, CsvBlockReader reader, int partitions,
      int blockColumns) {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be 0 (automatic) or more, found " + partitions);
    }
    JavaRDD<ColumnBlock> read = reader.read(sc, path).persist(StorageLevel.MEMORY_AND_DISK());
    long[] counts = SparkErrors.unwrap(() -> read
        .mapPartitions(it -> {
          long count = 0;
          while (it.hasNext()) {
            count += it.next().numColumns();
          }
          return List.of(count).iterator();
        })
        .collect()).stream().mapToLong(Long::longValue).toArray();
    long m = 0;
    for (long count : counts) {
      m += count;
    }
    if (m == 0) {
      read.unpersist(false);
      throw InputDataException.ofFile(path, "at least one data row", "none");
    }
    int target = partitions > 0 ? partitions : Math.max(read.getNumPartitions(), sc.defaultParallelism());
    if (target == read.getNumPartitions()) {
      return new DistributedBlocks(read, m);
    }
    long[] starts = new long[counts.length];
    for (int p = 1; p < counts.length; p++) {
      starts[p] = starts[p - 1] + counts[p - 1];
    }
    ContiguousPartitioner partitioner = new ContiguousPartitioner(m, target);
    JavaRDD<ColumnBlock> recut = JavaPairRDD.fromJavaRDD(read.mapPartitionsWithIndex(
            (index, it) -> cutAtBoundaries(it, starts[index], partitioner), true))
        .repartitionAndSortWithinPartitions(partitioner)
        .mapPartitions(it -> concatenate(it, blockColumns), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new DistributedBlocks(recut, m).materialized(read);
  }

  /** Computes and caches the final blocks, then drops the intermediate ones. */
  private DistributedBlocks materialized(JavaRDD<ColumnBlock> intermediate) {
    long counted = SparkErrors.unwrap(() -> blocks.map(b -> (long) b.numColumns()).fold(0L, Long::sum));
    intermediate.unpersist(false);
    if (counted != numExamples) {
      throw new IllegalStateException("re-partitioned data holds " + counted + " samples, expected " + numExamples);
    }
    return this;
  }

  /** Splits blocks that straddle a partition boundary; keys are global sample indexes. */
  private static Iterator<Tuple2<Long, ColumnBlock>> cutAtBoundaries(Iterator<ColumnBlock> it, long start,
      ContiguousPartitioner partitioner) {
    List<Tuple2<Long, ColumnBlock>> pieces = new ArrayList<>();
    long position = start;
    while (it.hasNext()) {
      ColumnBlock block = it.next();
      int from = 0;
      while (from < block.numColumns()) {
        long sample = position + from;
        int q = partitioner.getPartition(sample);
        long end = q + 1 < partitioner.numPartitions() ? partitioner.start(q + 1) : Long.MAX_VALUE;
        int to = (int) Math.min(block.numColumns(), end - position);
        pieces.add(new Tuple2<>(sample, from == 0 && to == block.numColumns() ? block : block.slice(from, to)));
        from = to;
      }
      position += block.numColumns();
    }
    return pieces.iterator();
  }

  /** Joins consecutive pieces (sorted by start) into blocks of up to {@code blockColumns} samples. */
  private static Iterator<ColumnBlock> concatenate(Iterator<Tuple2<Long, ColumnBlock>> it, int blockColumns) {
    List<ColumnBlock> out = new ArrayList<>();
    List<ColumnBlock> pending = new ArrayList<>();
    int pendingColumns = 0;
    while (it.hasNext()) {
      ColumnBlock piece = it.next()._2();
      int from = 0;
      while (from < piece.numColumns()) {
        int take = Math.min(piece.numColumns() - from, blockColumns - pendingColumns);
        pending.add(from == 0 && take == piece.numColumns() ? piece : piece.slice(from, from + take));
        pendingColumns += take;
        from += take;
        if (pendingColumns == blockColumns) {
          out.add(ColumnBlock.concat(pending));
          pending.clear();
          pendingColumns = 0;
        }
      }
    }
    if (pendingColumns > 0) {
      out.add(ColumnBlock.concat(pending));
    }
    return out.iterator();
  }

  /** The cached blocks. */
  public JavaRDD<ColumnBlock> blocks() {
    return blocks;
  }

  /** m, the number of samples. */
  public long numExamples() {
    return numExamples;
  }

  public int numPartitions() {
    return blocks.getNumPartitions();
  }

  /** Releases the cached blocks. */
  public void unpersist() {
    blocks.unpersist(false);
  }
}
