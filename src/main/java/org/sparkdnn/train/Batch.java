package org.sparkdnn.train;

import java.io.Serializable;

/**
 * The training samples one gradient step sums over: all of them (batch gradient descent), or mini-batch
 * {@code index} of epoch {@code epoch} as {@link MiniBatches} draws it.
 */
public record Batch(int epoch, int index) implements Serializable {
  /** Every training sample. */
  public static final Batch ALL = new Batch(-1, -1);

  public Batch {
    if ((epoch < 0 || index < 0) && (epoch != -1 || index != -1)) {
      throw new IllegalArgumentException("a mini-batch needs an epoch and an index >= 0, found " + epoch + ", "
          + index);
    }
  }

  /** Whether this is every training sample. */
  public boolean isAll() {
    return epoch < 0;
  }

  @Override
  public String toString() {
    return isAll() ? "all samples" : "mini-batch " + index + " of epoch " + epoch;
  }
}
