package org.sparkdnn.spark;

import java.io.Serializable;

/**
 * What loading does with a row it cannot parse: fail at once ({@link #FAIL}), or skip it, count it and fail only
 * when more than {@code maxSkipped} rows of one input were skipped.
 *
 * @param skip whether bad rows are skipped rather than fatal
 * @param maxSkipped the most rows one input may lose; 0 when failing
 */
public record BadRowPolicy(boolean skip, long maxSkipped) implements Serializable {
  /** The first bad row stops loading with its location. */
  public static final BadRowPolicy FAIL = new BadRowPolicy(false, 0);

  public BadRowPolicy {
    if (maxSkipped < 0) {
      throw new IllegalArgumentException("most bad rows to skip: expected 0 or more, found " + maxSkipped);
    }
  }

  /** Skip bad rows, failing when an input has more than {@code maxSkipped}. */
  public static BadRowPolicy skipUpTo(long maxSkipped) {
    return new BadRowPolicy(true, maxSkipped);
  }
}
