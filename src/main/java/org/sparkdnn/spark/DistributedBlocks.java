package org.sparkdnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.sparkdnn.data.BlockSummary;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CourseHdf5;
import org.sparkdnn.data.FeatureMoments;
import org.sparkdnn.data.FeatureRanges;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.data.ValidationSplit;
import org.sparkdnn.model.Precision;
import scala.Tuple2;

/**
 * A data set as cached {@link ColumnBlock}s on the executors, with its sample count m. The samples keep their
 * file order across partitions; when the input's splits are too few (a single {@code .gz} file is one split)
 * or a partition count is asked for, the samples are re-cut into N contiguous, near-equal ranges. A course HDF5
 * file ({@code .h5}, {@code .hdf5}) is small: it is read on the driver and cut into the same ranges. In float32
 * the blocks are read and cut in double, then cached with their features rounded to float (4 bytes per value).
 */
public final class DistributedBlocks {
  private final JavaRDD<ColumnBlock> blocks;
  private final long numExamples;
  private final SkippedRows skippedRows;
  /** Partition p holds the samples [starts[p], starts[p+1]) of the file order. */
  private final long[] starts;
  /** Where the blocks of an HDF5 file are recomputed from, one per partition; none for CSV. */
  private final List<Broadcast<List<ColumnBlock>>> sources;

  private DistributedBlocks(JavaRDD<ColumnBlock> blocks, long numExamples, SkippedRows skippedRows, long[] starts,
      List<Broadcast<List<ColumnBlock>>> sources) {
    if (starts.length != blocks.getNumPartitions() + 1 || starts[starts.length - 1] != numExamples) {
      throw new IllegalArgumentException("partition starts " + Arrays.toString(starts) + " for "
          + blocks.getNumPartitions() + " partitions of " + numExamples + " samples");
    }
    this.blocks = blocks;
    this.numExamples = numExamples;
    this.skippedRows = skippedRows;
    this.starts = starts;
    this.sources = sources;
  }

  /** Partition boundaries from per-partition sample counts: {0, c0, c0 + c1, …, m}. */
  private static long[] startsOf(long[] counts) {
    long[] starts = new long[counts.length + 1];
    for (int p = 0; p < counts.length; p++) {
      starts[p + 1] = starts[p] + counts[p];
    }
    return starts;
  }

  /** The boundaries of {@code partitioner}'s contiguous ranges over m samples. */
  private static long[] startsOf(ContiguousPartitioner partitioner, long m) {
    long[] starts = new long[partitioner.numPartitions() + 1];
    for (int q = 0; q < partitioner.numPartitions(); q++) {
      starts[q] = partitioner.start(q);
    }
    starts[partitioner.numPartitions()] = m;
    return starts;
  }

  /**
   * Reads {@code path}, builds the blocks once, persists and counts them. A path ending in {@code .h5} or
   * {@code .hdf5} (any case) is read as a course HDF5 file ({@link CourseHdf5}), with the reader's scaling.
   * Bad rows are skipped if the reader's {@link BadRowPolicy} says so; they are counted by the job that first
   * computes and caches the blocks, and only by it ({@link BadRowTally}).
   *
   * @param partitions the number of partitions, or 0 for at least Spark's default parallelism (exactly it for an
   *     HDF5 file, which has no input splits)
   * @param blockColumns the most samples one cached block holds
   * @throws InputDataException if the input is missing, empty or holds a bad row (with skipping: more bad rows
   *     than the policy allows, or nothing but bad rows)
   */
  public static DistributedBlocks load(JavaSparkContext sc, String path, CsvBlockReader reader, int partitions,
      int blockColumns) {
    return load(sc, path, reader, partitions, blockColumns, Precision.FLOAT64);
  }

  /**
   * As {@link #load(JavaSparkContext, String, CsvBlockReader, int, int)}, caching the features in
   * {@code precision}: float32 blocks hold them as {@code float[]}, rounded from the values read.
   */
  public static DistributedBlocks load(JavaSparkContext sc, String path, CsvBlockReader reader, int partitions,
      int blockColumns, Precision precision) {
    return loadDouble(sc, path, reader, partitions, blockColumns).in(precision);
  }

  private static DistributedBlocks loadDouble(JavaSparkContext sc, String path, CsvBlockReader reader,
      int partitions, int blockColumns) {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be 0 (automatic) or more, found " + partitions);
    }
    if (CourseHdf5.isHdf5(path)) {
      return loadCourseHdf5(sc, path, reader, partitions > 0 ? partitions : sc.defaultParallelism(), blockColumns);
    }
    BadRowTally tally = BadRowTally.register(sc);
    return cached(sc, reader.read(sc, path, tally), tally, path, reader.badRows().maxSkipped(), partitions,
        blockColumns);
  }

  /**
   * Blocks read by the executors ({@code blocks}, not persisted, in the input's order), persisted and counted in the
   * one job that also counts their skipped bad rows in {@code tally}; then re-cut into contiguous ranges if they
   * are fewer than {@code partitions} (0: at least Spark's default parallelism).
   *
   * @param path the input, for messages
   * @throws InputDataException if more than {@code maxSkipped} rows were skipped, or none is left
   */
  static DistributedBlocks cached(JavaSparkContext sc, JavaRDD<ColumnBlock> blocks, BadRowTally tally,
      String path, long maxSkipped, int partitions, int blockColumns) {
    JavaRDD<ColumnBlock> read = blocks.persist(StorageLevel.MEMORY_AND_DISK());
    long[] counts = SparkErrors.unwrap(() -> read
        .mapPartitions(DistributedBlocks::countOf)
        .collect()).stream().mapToLong(Long::longValue).toArray();
    SkippedRows skipped = tally.snapshot();
    long m = 0;
    for (long count : counts) {
      m += count;
    }
    if (skipped.count() > maxSkipped) {
      read.unpersist(false);
      throw InputDataException.ofFile(path, "at most " + maxSkipped + " bad rows", skipped.count() + " bad rows")
          .withHint("fix them or raise --max-bad-rows; the first:" + skipped.listing());
    }
    if (m == 0) {
      read.unpersist(false);
      throw InputDataException.ofFile(path, "at least one data row",
          skipped.count() == 0 ? "none" : "none but " + skipped.count() + " bad rows, skipped");
    }
    int target = partitions > 0 ? partitions : Math.max(read.getNumPartitions(), sc.defaultParallelism());
    if (target == read.getNumPartitions()) {
      return new DistributedBlocks(read, m, skipped, startsOf(counts), List.of());
    }
    long[] starts = startsOf(counts);
    ContiguousPartitioner partitioner = new ContiguousPartitioner(m, target);
    JavaRDD<ColumnBlock> recut = JavaPairRDD.fromJavaRDD(read.mapPartitionsWithIndex(
            (index, it) -> cutAtBoundaries(it, starts[index], partitioner), true))
        .repartitionAndSortWithinPartitions(partitioner)
        .mapPartitions(it -> concatenate(it, blockColumns), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new DistributedBlocks(recut, m, skipped, startsOf(partitioner, m), List.of()).materialized();
    } finally {
      read.unpersist(false);
    }
  }

  /**
   * Persists and counts blocks built elsewhere (e.g. generated on the executors), keeping their partitions.
   *
   * @throws IllegalArgumentException if the blocks hold no sample
   */
  public static DistributedBlocks of(JavaRDD<ColumnBlock> blocks) {
    return counted(blocks, SkippedRows.NONE, List.of());
  }

  /** Persists and counts {@code blocks}, which keep {@code sources} for recomputing a lost partition. */
  private static DistributedBlocks counted(JavaRDD<ColumnBlock> blocks, SkippedRows skipped,
      List<Broadcast<List<ColumnBlock>>> sources) {
    JavaRDD<ColumnBlock> persisted = blocks.persist(StorageLevel.MEMORY_AND_DISK());
    long[] counts = SparkErrors.unwrap(() -> persisted.mapPartitions(DistributedBlocks::countOf).collect())
        .stream().mapToLong(Long::longValue).toArray();
    long[] starts = startsOf(counts);
    long m = starts[counts.length];
    if (m == 0) {
      persisted.unpersist(false);
      throw new IllegalArgumentException("the blocks hold no sample");
    }
    return new DistributedBlocks(persisted, m, skipped, starts, sources);
  }

  /**
   * These samples in two, partition by partition and in order: those whose global index is not in {@code heldOut}
   * (a {@link ValidationSplit#heldOut()} bit set) and those that are, each persisted and counted with this
   * partitioning, this copy released. The kept part carries the bad rows skipped while loading. Both parts are
   * the same whatever the partitioning, as the sums over them are.
   *
   * @throws IllegalArgumentException if either part holds no sample
   */
  public Split split(JavaSparkContext sc, long[] heldOut) {
    Broadcast<long[]> bits = sc.broadcast(heldOut);
    long[] first = starts;
    JavaRDD<ColumnBlock> kept =
        blocks.mapPartitionsWithIndex((p, it) -> selected(it, first[p], bits.value(), false), true);
    JavaRDD<ColumnBlock> out =
        blocks.mapPartitionsWithIndex((p, it) -> selected(it, first[p], bits.value(), true), true);
    DistributedBlocks keptBlocks = counted(kept, skippedRows, sources);
    DistributedBlocks heldOutBlocks = counted(out, SkippedRows.NONE, List.of());
    blocks.unpersist(false);
    return new Split(keptBlocks, heldOutBlocks);
  }

  /** The two parts of {@link #split}. */
  public record Split(DistributedBlocks kept, DistributedBlocks heldOut) {}

  /**
   * The columns of a partition's blocks, whose first sample is global index {@code start}, held out or not as
   * {@code heldOut} says, block by block (empty blocks dropped).
   * Shapes: each block X (n[0], m_b); each block returned X (n[0], its selected columns).
   */
  private static Iterator<ColumnBlock> selected(Iterator<ColumnBlock> it, long start, long[] heldOut,
      boolean held) {
    List<ColumnBlock> out = new ArrayList<>();
    long sample = start;
    while (it.hasNext()) {
      ColumnBlock block = it.next();
      int[] columns = new int[block.numColumns()];
      int count = 0;
      for (int j = 0; j < block.numColumns(); j++, sample++) {
        if (ValidationSplit.isHeldOut(heldOut, sample) == held) {
          columns[count++] = j;
        }
      }
      if (count > 0) {
        out.add(ColumnBlock.gather(List.of(block), columns, 0, count));
      }
    }
    return out.iterator();
  }

  /** As {@link #of(JavaRDD)}, caching the blocks' features in {@code precision}. */
  public static DistributedBlocks of(JavaRDD<ColumnBlock> blocks, Precision precision) {
    return of(blocks).in(precision);
  }

  /**
   * These blocks with their features in {@code precision}: this for float64 (blocks are read in double); for
   * float32 the rounded blocks, computed, cached and counted, with this double copy released.
   */
  DistributedBlocks in(Precision precision) {
    if (precision == Precision.FLOAT64) {
      return this;
    }
    JavaRDD<ColumnBlock> rounded = blocks.map(ColumnBlock::toFloat32).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new DistributedBlocks(rounded, numExamples, skippedRows, starts, sources).materialized();
    } finally {
      blocks.unpersist(false);
    }
  }

  /**
   * These float64 blocks standardized by {@code standardization}, then in {@code precision} (rounded to float
   * after standardizing, in double): computed, cached and counted, with these blocks released.
   */
  public DistributedBlocks standardized(Standardization standardization, Precision precision) {
    JavaRDD<ColumnBlock> mapped = blocks.map(block -> {
      ColumnBlock z = standardization.apply(block);
      return precision == Precision.FLOAT32 ? z.toFloat32() : z;
    }).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new DistributedBlocks(mapped, numExamples, skippedRows, starts, sources).materialized();
    } finally {
      blocks.unpersist(false);
    }
  }

  /**
   * The float64 blocks' per-feature moments, in one job: each partition's, exact, added on the driver in partition
   * order (exact sums: the same bits for any partitioning).
   */
  public FeatureMoments moments(int numFeatures) {
    return summary(() -> new FeatureMoments(numFeatures));
  }

  /** The blocks' per-feature minima and maxima, in one job. */
  public FeatureRanges ranges(int numFeatures) {
    return summary(() -> new FeatureRanges(numFeatures));
  }

  /** Each partition's summary, begun by {@code empty}, merged on the driver in partition order: one job. */
  private <S extends BlockSummary<S>> S summary(SerializableSupplier<S> empty) {
    List<S> partitions = SparkErrors.unwrap(() -> blocks.mapPartitions(it -> {
      S summary = empty.get();
      it.forEachRemaining(block -> summary.add(block));
      return List.of(summary).iterator();
    }).collect());
    S all = empty.get();
    partitions.forEach(all::add);
    return all;
  }

  /** A supplier Spark can ship to the executors. */
  @FunctionalInterface
  private interface SerializableSupplier<T> extends Supplier<T>, Serializable {}

  /**
   * Reads the file on the driver and cuts it as a re-cut CSV: partition q holds samples
   * {@code [⌊q·m/N⌋, ⌊(q+1)·m/N⌋)}. Each partition's blocks are broadcast rather than parallelized, so that the
   * tasks of every later job carry a handle, not the data.
   */
  private static DistributedBlocks loadCourseHdf5(JavaSparkContext sc, String path, CsvBlockReader reader,
      int partitions, int blockColumns) {
    List<ColumnBlock> read = CourseHdf5.read(path, sc.hadoopConfiguration(), reader.scaling(), blockColumns);
    int n = read.get(0).numFeatures();
    if (n != reader.numFeatures()) {
      throw InputDataException.ofFile(path, "n[0] = " + reader.numFeatures() + " features per sample",
          n + " features per sample");
    }
    long m = read.stream().mapToLong(ColumnBlock::numColumns).sum();
    ContiguousPartitioner partitioner = new ContiguousPartitioner(m, partitions);
    List<List<Tuple2<Long, ColumnBlock>>> pieces = new ArrayList<>();
    for (int q = 0; q < partitions; q++) {
      pieces.add(new ArrayList<>());
    }
    cutAtBoundaries(read.iterator(), 0, partitioner)
        .forEachRemaining(piece -> pieces.get(partitioner.getPartition(piece._1())).add(piece));
    List<Broadcast<List<ColumnBlock>>> sources = new ArrayList<>();
    for (List<Tuple2<Long, ColumnBlock>> partition : pieces) {
      List<ColumnBlock> blocks = new ArrayList<>();
      concatenate(partition.iterator(), blockColumns).forEachRemaining(blocks::add);
      sources.add(sc.broadcast(blocks));
    }
    JavaRDD<ColumnBlock> blocks = sc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
        .mapPartitionsWithIndex((q, it) -> sources.get(q).value().iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    DistributedBlocks loaded =
        new DistributedBlocks(blocks, m, SkippedRows.NONE, startsOf(partitioner, m), List.copyOf(sources))
            .materialized();
    // Cached now: the executors' copies can go; the driver keeps its own for recomputing a lost partition.
    sources.forEach(source -> source.unpersist(false));
    return loaded;
  }

  /** A partition's sample count, as a one-element iterator. */
  private static Iterator<Long> countOf(Iterator<ColumnBlock> it) {
    long count = 0;
    while (it.hasNext()) {
      count += it.next().numColumns();
    }
    return List.of(count).iterator();
  }

  /** Computes, caches and counts the blocks. */
  private DistributedBlocks materialized() {
    long counted = SparkErrors.unwrap(() -> blocks.map(b -> (long) b.numColumns()).fold(0L, Long::sum));
    if (counted != numExamples) {
      throw new IllegalStateException("the cached blocks hold " + counted + " samples, expected " + numExamples);
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

  /**
   * The samples labelled 1, in one job over the cached blocks (m minus it are labelled 0): what
   * {@code --class-weight balanced} needs.
   */
  public long labelledOne() {
    return SparkErrors.unwrap(() -> blocks.map(DistributedBlocks::labelledOne).reduce(Long::sum));
  }

  /** The samples of a block labelled 1. Shapes: labels (1, m_b). */
  private static long labelledOne(ColumnBlock block) {
    long ones = 0;
    for (double label : block.labels()) {
      if (label == 1.0) {
        ones++;
      }
    }
    return ones;
  }

  /** The bad rows skipped while loading; {@link SkippedRows#NONE} unless the reader skips them. */
  public SkippedRows skippedRows() {
    return skippedRows;
  }

  /**
   * The partitions' first samples in the data's order, then m: partition p holds samples
   * {@code [starts[p], starts[p+1])}, its blocks' columns in that order (a copy).
   */
  public long[] partitionStarts() {
    return starts.clone();
  }

  public int numPartitions() {
    return blocks.getNumPartitions();
  }

  /** Releases the cached blocks (and, for an HDF5 file, the driver's copy they were cut from). */
  public void unpersist() {
    blocks.unpersist(false);
    sources.forEach(Broadcasts::destroy);
  }
}
