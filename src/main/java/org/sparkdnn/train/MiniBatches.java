package org.sparkdnn.train;

import java.io.Serializable;
import org.sparkdnn.model.NumpyRandom;

/**
 * The mini-batches of course 2's {@code random_mini_batches}, drawn over the global indices of the m training
 * samples, so they do not depend on how the samples are partitioned. Epoch e draws
 * {@code np.random.seed(seed + 1 + e); permutation = np.random.permutation(m)} (the course's {@code model} adds 1
 * to its seed before every epoch), and mini-batch k holds the samples at positions {@code [k·B, min(m, (k+1)·B))} of
 * that permutation, in that order: ⌈m/B⌉ batches, the last one smaller when B does not divide m. Immutable.
 */
public final class MiniBatches implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numSamples;
  private final int batchSize;
  private final long seed;

  /**
   * @param numSamples m, at least 1 and below 2<sup>31</sup> (numpy's permutation of them is an int array)
   * @param batchSize B, at least 1
   * @param seed the run's seed, 0..2<sup>32</sup> − 1
   */
  public MiniBatches(long numSamples, int batchSize, long seed) {
    if (numSamples < 1 || numSamples > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("mini-batches need 1 to " + (Integer.MAX_VALUE - 8) + " samples, found "
          + numSamples);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("a mini-batch holds at least 1 sample, found " + batchSize);
    }
    if (seed < 0 || seed > NumpyRandom.MAX_SEED) {
      throw new IllegalArgumentException("seed must be in [0, " + NumpyRandom.MAX_SEED + "], found " + seed);
    }
    this.numSamples = (int) numSamples;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** m. */
  public int numSamples() {
    return numSamples;
  }

  /** B. */
  public int batchSize() {
    return batchSize;
  }

  /** ⌈m/B⌉, the updates of one epoch. */
  public int perEpoch() {
    return (numSamples + batchSize - 1) / batchSize;
  }

  /** The number of samples in mini-batch {@code index}: B, or what is left for the last one. */
  public int size(int index) {
    checkIndex(index);
    return Math.min(batchSize, numSamples - index * batchSize);
  }

  /** The numpy seed of epoch {@code epoch}'s permutation: seed + 1 + epoch, modulo 2<sup>32</sup>. */
  long epochSeed(int epoch) {
    return (seed + 1 + epoch) & NumpyRandom.MAX_SEED;
  }

  /**
   * Epoch {@code epoch}'s mini-batches restricted to the samples {@code [from, to)} one partition holds: their
   * indices relative to {@code from}, batch by batch, each batch's in permutation order.
   * Shapes: the permutation (m) is drawn whole and dropped; the order kept is (to − from).
   */
  public Order order(int epoch, long from, long to) {
    if (epoch < 0 || from < 0 || to < from || to > numSamples) {
      throw new IllegalArgumentException("epoch " + epoch + ", samples [" + from + ", " + to + ") of " + numSamples);
    }
    int[] permutation = new NumpyRandom(epochSeed(epoch)).permutation(numSamples);
    int[] columns = new int[(int) (to - from)];
    int[] starts = new int[perEpoch() + 1];
    int at = 0;
    for (int position = 0; position < numSamples; position++) {
      int sample = permutation[position];
      if (sample >= from && sample < to) {
        columns[at++] = (int) (sample - from);
        starts[position / batchSize + 1]++;
      }
    }
    for (int k = 1; k < starts.length; k++) {
      starts[k] += starts[k - 1];
    }
    return new Order(epoch, columns, starts);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= perEpoch()) {
      throw new IndexOutOfBoundsException("mini-batch " + index + " of " + perEpoch());
    }
  }

  /**
   * One partition's share of an epoch's mini-batches: batch k is {@code columns[starts[k] .. starts[k+1])}, indices
   * of the partition's samples in the order the batch lists them.
   */
  public record Order(int epoch, int[] columns, int[] starts) {
    /** The first entry of {@link #columns} in mini-batch {@code index}. */
    public int from(int index) {
      return starts[index];
    }

    /** One past the last entry of {@link #columns} in mini-batch {@code index}. */
    public int to(int index) {
      return starts[index + 1];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MiniBatches other && numSamples == other.numSamples && batchSize == other.batchSize
        && seed == other.seed;
  }

  @Override
  public int hashCode() {
    return (31 * numSamples + batchSize) * 31 + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return perEpoch() + " mini-batches of " + batchSize + " of " + numSamples + " samples, seed " + seed;
  }
}
