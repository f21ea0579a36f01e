package org.sparkdnn.bench;

/**
 * What a case may hold in memory at once, and what each contender needs: ours holds the features and labels once,
 * 8·(n[0] + 1)·m bytes (the driver's copy for the compute timing is dropped before Spark caches its own); MLlib holds
 * {@value #MLLIB_COPIES} copies (the cached DataFrame, its own stacked blocks, the rows being built). What Spark caches
 * must also fit its storage memory, or it would spill to disk.
 */
record MemoryBudget(long bytes) {
  static final int MLLIB_COPIES = 3;
  /** Of MLlib's copies, those Spark caches (the DataFrame and the stacked blocks). */
  static final int MLLIB_CACHED_COPIES = 2;
  /** Share of Spark's storage memory that cached data may fill before it would spill to disk mid-benchmark. */
  static final double STORAGE_SHARE = 0.9;
  private static final double GIB = 1L << 30;

  MemoryBudget {
    if (bytes <= 0) {
      throw new IllegalArgumentException("memory budget: expected > 0 bytes, found " + bytes);
    }
  }

  static MemoryBudget ofGib(double gib) {
    return new MemoryBudget((long) (gib * GIB));
  }

  /** Bytes of one copy of the samples: 8 per feature and label, 8·(n[0] + 1)·m. */
  static long sampleBytes(int numFeatures, long m) {
    return 8L * (numFeatures + 1) * m;
  }

  static long oursBytes(int numFeatures, long m) {
    return sampleBytes(numFeatures, m);
  }

  static long mllibBytes(int numFeatures, long m) {
    return MLLIB_COPIES * sampleBytes(numFeatures, m);
  }

  /** Null if {@code needed} fits, else "needs X GiB (budget Y GiB)". */
  String refusal(long needed) {
    return needed <= bytes ? null
        : String.format("needs %.1f GiB (memory budget %.1f GiB)", needed / GIB, bytes / GIB);
  }

  /**
   * Null if {@code cached} bytes fit in {@value #STORAGE_SHARE} of Spark's storage memory {@code storage}, else
   * "needs X GiB of Spark storage memory, has Y GiB": cached blocks beyond it would go to disk and time the disk.
   */
  static String storageRefusal(long cached, long storage) {
    return cached <= STORAGE_SHARE * storage ? null : String.format("needs %.1f GiB of Spark storage memory, has "
        + "%.1f GiB (spark.memory.fraction of SPARK_DNN_HEAP)", cached / GIB, STORAGE_SHARE * storage / GIB);
  }

  double gib() {
    return bytes / GIB;
  }
}
