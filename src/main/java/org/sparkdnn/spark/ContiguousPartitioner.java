package org.sparkdnn.spark;

import org.apache.spark.Partitioner;

/**
 * Sends sample ranges keyed by their global start index to N partitions of contiguous, near-equal ranges:
 * partition q holds samples {@code [⌊q·m/N⌋, ⌊(q+1)·m/N⌋)}. Ranges are cut at those boundaries first.
 */
final class ContiguousPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final long numExamples;
  private final int partitions;

  ContiguousPartitioner(long numExamples, int partitions) {
    this.numExamples = numExamples;
    this.partitions = partitions;
  }

  /** The first sample of partition q. */
  long start(int q) {
    return Math.multiplyExact(q, numExamples) / partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long sample = (Long) key;
    int q = (int) Math.min(partitions - 1, Math.multiplyExact(sample, partitions) / numExamples);
    while (q + 1 < partitions && start(q + 1) <= sample) {
      q++;
    }
    while (q > 0 && start(q) > sample) {
      q--;
    }
    return q;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContiguousPartitioner other
        && other.numExamples == numExamples && other.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numExamples) * 31 + partitions;
  }
}
