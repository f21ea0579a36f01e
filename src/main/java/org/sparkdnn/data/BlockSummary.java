package org.sparkdnn.data;

import java.io.Serializable;

/**
 * A per-feature summary built in one pass over blocks, partition by partition, whose partitions' summaries then
 * merge on the driver in partition order ({@link FeatureMoments}, {@link FeatureRanges}).
 *
 * @param <S> the summary's own type, which it merges
 */
public interface BlockSummary<S extends BlockSummary<S>> extends Serializable {
  /** Adds the block's samples. */
  void add(ColumnBlock block);

  /** Adds {@code other}'s samples (it is left unchanged). */
  void add(S other);
}
