package org.sparkdnn.data;

import java.io.Serializable;
import java.util.List;

/**
 * Where a table's samples are: the 0/1 label column (null when only features are read, to score them) and the
 * features, either one column holding a vector ({@code featuresColumn}: an ML {@code Vector}, dense or sparse, or
 * an {@code array} of numbers) or numeric columns in order ({@code featureColumns}, then {@code featuresColumn}
 * is null).
 */
public record TableColumns(String label, String featuresColumn, List<String> featureColumns)
    implements Serializable {
  public TableColumns {
    if ((featuresColumn == null) == (featureColumns == null)) {
      throw new IllegalArgumentException("expected either a features column or feature columns");
    }
    featureColumns = featureColumns == null ? null : List.copyOf(featureColumns);
  }

  /** A label column and a vector (or array) column of features. */
  public static TableColumns ofVector(String label, String features) {
    return new TableColumns(label, features, null);
  }

  /** A label column and numeric feature columns, in this order. */
  public static TableColumns ofColumns(String label, List<String> features) {
    return new TableColumns(label, null, features);
  }

  /** These columns without the label: for scoring rows that may have none. */
  public TableColumns withoutLabel() {
    return new TableColumns(null, featuresColumn, featureColumns);
  }

  /** Whether the features are one vector column rather than numeric columns. */
  public boolean isVector() {
    return featuresColumn != null;
  }
}
