package org.sparkdnn.spark.resident;

import java.util.Iterator;
import org.sparkdnn.data.ColumnBlock;

/**
 * A cached block marked as training or test data: the resident stage reads one partition of each through a single
 * RDD, so that one task per partition holds both.
 */
record Tagged(boolean test, ColumnBlock block) {
  static Tagged train(ColumnBlock block) {
    return new Tagged(false, block);
  }

  /** A partition's training blocks, then its test blocks, tagged. */
  static Iterator<Tagged> both(Iterator<ColumnBlock> train, Iterator<ColumnBlock> test) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return train.hasNext() || test.hasNext();
      }

      @Override
      public Tagged next() {
        return train.hasNext() ? new Tagged(false, train.next()) : new Tagged(true, test.next());
      }
    };
  }
}
