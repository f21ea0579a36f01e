package org.sparkdnn.data;

import java.io.Serializable;
import java.util.List;

/**
 * Where a table's samples are: the 0/1 label column (null when only features are read, to score them) and the
 * features, either one column holding a vector ({@code featuresColumn}: an ML {@code Vector}, dense or sparse, or
 * an {@code array} of numbers) or numeric columns in order ({@code featureColumns}, then {@code featuresColumn}
 * is null), and the numeric column of each sample's weight ({@code weight}, null for none: training data only).
 */
public record TableColumns(String label, String featuresColumn, List<String> featureColumns, String weight)
    implements Serializable {
  public TableColumns {
    if ((featuresColumn == null) == (featureColumns == null)) {
      throw new IllegalArgumentException("expected either a features column or feature columns");
    }
    featureColumns = featureColumns == null ? null : List.copyOf(featureColumns);
  }

  /** A label column and a vector (or array) column of features. */
  public static TableColumns ofVector(String label, String features) {
    return new TableColumns(label, features, null, null);
  }

  /** A label column and numeric feature columns, in this order. */
  public static TableColumns ofColumns(String label, List<String> features) {
    return new TableColumns(label, null, features, null);
  }

  /** These columns without the label (nor the weight): for scoring rows that may have none. */
  public TableColumns withoutLabel() {
    return new TableColumns(null, featuresColumn, featureColumns, null);
  }

  /** These columns with the samples' weights in column {@code name} (null: none). */
  public TableColumns withWeight(String name) {
    return new TableColumns(label, featuresColumn, featureColumns, name);
  }

  /** Whether the features are one vector column rather than numeric columns. */
  public boolean isVector() {
    return featuresColumn != null;
  }
}
