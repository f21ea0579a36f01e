package org.sparkdnn.spark.resident;

import java.util.Iterator;
import org.sparkdnn.data.ColumnBlock;

/**
 * A cached block marked with the data set it belongs to: the resident stage reads one partition of each (training,
 * and test and validation data if any) through a single RDD, so that one task per partition holds them all.
 */
record Tagged(Role role, ColumnBlock block) {
  /** The data sets a resident task holds. */
  enum Role {
    TRAIN, TEST, VALIDATION
  }

  static Tagged train(ColumnBlock block) {
    return new Tagged(Role.TRAIN, block);
  }

  /** A partition's tagged blocks, then its blocks of another data set tagged {@code role}. */
  static Iterator<Tagged> append(Iterator<Tagged> tagged, Iterator<ColumnBlock> more, Role role) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return tagged.hasNext() || more.hasNext();
      }

      @Override
      public Tagged next() {
        return tagged.hasNext() ? tagged.next() : new Tagged(role, more.next());
      }
    };
  }
}
