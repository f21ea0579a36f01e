package org.sparkdnn.data;

import org.sparkdnn.model.NumpyRandom;

/**
 * The samples {@code --validation-fraction F} holds out of m training samples, by their global index (file
 * order), so the split does not depend on the partitioning: the first ⌈F·m⌉ positions of
 * {@code np.random.seed(seed); np.random.permutation(m)}, ⌈F·m⌉ computed in double as scikit-learn's
 * {@code train_test_split} computes its test size. Immutable.
 */
public final class ValidationSplit {
  private final double fraction;
  private final long numSamples;
  private final long seed;

  /**
   * @param fraction F, in (0, 1)
   * @param numSamples m, below 2<sup>31</sup> − 8 (numpy's permutation is an int array)
   * @param seed the run's seed, 0..2<sup>32</sup> − 1
   * @throws IllegalArgumentException if ⌈F·m⌉ leaves no sample to train on (or m or F is out of range)
   */
  public ValidationSplit(double fraction, long numSamples, long seed) {
    if (!(fraction > 0.0 && fraction < 1.0) || numSamples < 1 || numSamples > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a validation split needs a fraction in (0, 1) of 1 to "
          + (Integer.MAX_VALUE - 8) + " samples, found " + fraction + " of " + numSamples);
    }
    this.fraction = fraction;
    this.numSamples = numSamples;
    this.seed = seed;
    if (size() >= numSamples) {
      throw new IllegalArgumentException(fraction + " of m = " + numSamples + " samples holds out " + size()
          + ", leaving none to train on");
    }
  }

  /** ⌈F·m⌉, the samples held out. */
  public long size() {
    return (long) Math.ceil(fraction * numSamples);
  }

  /** The samples left to train on, m − ⌈F·m⌉. */
  public long kept() {
    return numSamples - size();
  }

  /**
   * The held-out samples as a bit set over the global indices: sample j is held out when bit {@code j % 64} of word
   * {@code j / 64} is set. Shapes: the permutation (m) is drawn and dropped; the set is ⌈m/64⌉ words.
   */
  public long[] heldOut() {
    int[] permutation = new NumpyRandom(seed).permutation((int) numSamples);
    long[] bits = new long[(int) ((numSamples + 63) / 64)];
    for (int position = 0; position < size(); position++) {
      int sample = permutation[position];
      bits[sample >>> 6] |= 1L << sample;
    }
    return bits;
  }

  /** Whether sample {@code sample} is held out, in a set {@link #heldOut()} made. */
  public static boolean isHeldOut(long[] heldOut, long sample) {
    return (heldOut[(int) (sample >>> 6)] & (1L << sample)) != 0;
  }
}
