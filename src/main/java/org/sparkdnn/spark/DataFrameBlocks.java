package org.sparkdnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.model.Precision;

/**
 * A DataFrame's rows as the cached {@link DistributedBlocks} the CSV reader makes: the rows in the DataFrame's
 * order (a Parquet, ORC or JSON file's order; for several part files, the order Spark's scan reads them in, which is
 * the same on every read), one block sequence per partition, re-cut as CSV is, bad rows failing or skipped and
 * counted as {@link BadRowPolicy} says. The features come from one vector column (an ML {@link Vector}, dense or
 * sparse, or an {@code array} of numbers) or from numeric columns in order; each sample's weight, if asked for,
 * from a numeric column (a null, NaN, infinite or negative weight is a bad row).
 *
 * <p>A sparse vector is densified: its block holds every one of its n[0] features, 8 bytes each (4 in float32), so
 * a block of m_b samples takes n[0]·m_b·8 bytes however few of them are non-zero; {@code --block-size} and the
 * partitions bound that per task, the executors' memory must hold the data set's n[0]·m·8 bytes.
 *
 * <p>A bad row is located by its file ({@code input_file_name()}; the source's name, then its partition, where
 * the rows come from no file) and its 1-based row among that file's rows read by its Spark task, which is its row
 * in the file when the file is read whole (files below {@code spark.sql.files.maxPartitionBytes}, 128 MiB).
 */
public final class DataFrameBlocks {
  /** The column the file of each row is selected into; a name no input uses. */
  private static final String FILE_COLUMN = "__spark_dnn_input_file";
  private static final String LABEL = "a label 0 or 1";
  private static final String NUMBER = "a finite number";
  private static final String WEIGHT = "a finite weight >= 0";
  /** How Spark stores an ML vector: (type 0 sparse or 1 dense, size, indices, values). */
  private static final DataType VECTOR_STRUCT = new VectorUDT().sqlType();

  private DataFrameBlocks() {}

  /**
   * {@code df}'s samples, cached as blocks in {@code precision} (read in double, then rounded once for float32),
   * after the columns were checked on the driver: this is what {@code train}, {@code predict} and
   * {@code evaluate} do with a table, and what a Spark ML estimator calls with the DataFrame it is given.
   *
   * @param source what the rows are called in messages: the path read, "table db.name", "the DataFrame"
   * @param columns the label (null to read features only, labels NaN), feature and weight (null: none) columns
   * @param numFeatures n[0]: the features of every sample
   * @param scaling applied to every feature as it is read (a divisor; standardizing comes later, from the blocks)
   * @param partitions the partitions of the cached blocks; 0: the DataFrame's, at least Spark's default parallelism
   * @param blockColumns the most samples one cached block holds
   * @throws InputDataException if a column is missing or of the wrong type (before any Spark job), or a row is bad
   *     (unless skipped: then more bad rows than the policy allows, or nothing but bad rows)
   */
  public static DistributedBlocks fromDataFrame(Dataset<Row> df, String source, TableColumns columns,
      int numFeatures, FeatureScaling scaling, BadRowPolicy badRows, int partitions, int blockColumns,
      Precision precision) {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be 0 (automatic) or more, found " + partitions);
    }
    if (blockColumns < 1) {
      throw new IllegalArgumentException("blocks need at least 1 column, found " + blockColumns);
    }
    checkColumns(df.schema(), source, columns, numFeatures);
    List<Column> selected = new ArrayList<>();
    names(columns).forEach(name -> selected.add(column(name)));
    selected.add(functions.input_file_name().as(FILE_COLUMN));
    Dataset<Row> rows = df.select(selected.toArray(new Column[0]));
    RowParser parser = new RowParser(source, columns, rows.schema(), numFeatures, scaling);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
    BadRowTally tally = BadRowTally.register(sc);
    JavaRDD<ColumnBlock> blocks = rows.toJavaRDD()
        .mapPartitionsWithIndex((p, it) -> new RowBlocks(parser, p, it, blockColumns, badRows, tally), true)
        .filter(block -> block.numColumns() > 0);
    DistributedBlocks cached =
        DistributedBlocks.cached(sc, blocks, tally, source, badRows.maxSkipped(), partitions, blockColumns);
    if (columns.weight() != null && !hasPositiveWeight(cached)) {
      cached.unpersist();
      throw InputDataException.ofFile(source, "at least one sample of positive weight in column '"
          + columns.weight() + "'", "every weight 0");
    }
    return cached.in(precision);
  }

  /** Whether some sample weighs more than 0: with none, every cost and gradient would be 0/0. */
  private static boolean hasPositiveWeight(DistributedBlocks blocks) {
    return SparkErrors.unwrap(() -> blocks.blocks().filter(block -> {
      for (double w : block.weights()) {
        if (w > 0) {
          return true;
        }
      }
      return false;
    }).count()) > 0;
  }

  /**
   * Fails unless {@code schema} has the columns: the label and the weight numeric, the vector column an ML vector
   * or an array of numbers (of n[0] values when its ML attributes, as {@code VectorAssembler} writes them, say how
   * many), the feature columns numeric and n[0] of them. Reads no data.
   *
   * @throws InputDataException naming the source, the column, what was expected and what was found
   */
  public static void checkColumns(StructType schema, String source, TableColumns columns, int numFeatures) {
    if (columns.label() != null) {
      StructField label = field(schema, source, columns.label(), LABEL);
      if (!(label.dataType() instanceof NumericType)) {
        throw InputDataException.ofColumn(source, 0, columns.label(), "a numeric column (" + LABEL + ")",
            "a column of type " + label.dataType().simpleString());
      }
    }
    if (columns.weight() != null) {
      StructField weight = field(schema, source, columns.weight(), WEIGHT);
      if (!(weight.dataType() instanceof NumericType)) {
        throw InputDataException.ofColumn(source, 0, columns.weight(), "a numeric column (" + WEIGHT + ")",
            "a column of type " + weight.dataType().simpleString());
      }
    }
    if (columns.isVector()) {
      String name = columns.featuresColumn();
      String expected = "a vector column (an ML Vector, or an array of numbers) of n[0] = " + numFeatures
          + " features";
      StructField features = field(schema, source, name, expected);
      // ORC keeps a vector column as its struct (VectorUDT's sqlType), without the type
      boolean vector = features.dataType() instanceof VectorUDT
          || features.dataType().simpleString().equals(VECTOR_STRUCT.simpleString());
      boolean array = features.dataType() instanceof ArrayType a && a.elementType() instanceof NumericType;
      if (!vector && !array) {
        throw InputDataException.ofColumn(source, 0, name, expected,
            "a column of type " + features.dataType().simpleString());
      }
      int size = features.dataType() instanceof VectorUDT ? AttributeGroup.fromStructField(features).size() : -1;
      if (size >= 0 && size != numFeatures) {
        throw InputDataException.ofColumn(source, 0, name, expected,
            "vectors of " + size + " features (the column's ML attributes)");
      }
      return;
    }
    List<String> names = columns.featureColumns();
    if (names.size() != numFeatures) {
      throw InputDataException.ofColumn(source, 0, String.join(",", names),
          "n[0] = " + numFeatures + " feature columns", names.size() + " columns");
    }
    for (String name : names) {
      StructField feature = field(schema, source, name, "a numeric feature column");
      if (!(feature.dataType() instanceof NumericType)) {
        throw InputDataException.ofColumn(source, 0, name, "a numeric feature column",
            "a column of type " + feature.dataType().simpleString());
      }
    }
  }

  /**
   * {@code df} with two columns added, {@code probability} (ŷ of its features) and {@code prediction} (1.0 where
   * it exceeds {@code threshold}, else 0.0), one row per row whose features are good; a bad row fails the job, or
   * is dropped with {@link BadRowPolicy#skip()} (uncounted: {@link #fromDataFrame} counts them). Lazy: the rows are
   * scored when the result is written.
   *
   * @param scorer ŷ of a block's samples (the model's scaling applied), (n[0], m_b) → (1, m_b)
   */
  public static Dataset<Row> withPredictions(Dataset<Row> df, String source, TableColumns columns,
      int numFeatures, FeatureScaling scaling, BadRowPolicy badRows, int blockColumns, BlockScorer scorer,
      double threshold) {
    checkColumns(df.schema(), source, columns, numFeatures);
    int width = df.schema().size();
    Column[] all = new Column[width + 1];
    for (int i = 0; i < width; i++) {
      all[i] = column(df.schema().fields()[i].name());
    }
    all[width] = functions.input_file_name().as(FILE_COLUMN);
    Dataset<Row> rows = df.select(all);
    RowParser parser = new RowParser(source, columns, rows.schema(), numFeatures, scaling);
    JavaRDD<Row> scored = rows.toJavaRDD().mapPartitionsWithIndex((p, it) -> new ScoredRows(parser, p, it,
        blockColumns, badRows.skip(), scorer, width, threshold), true);
    StructType schema = df.schema()
        .add("probability", DataTypes.DoubleType, false)
        .add("prediction", DataTypes.DoubleType, false);
    return df.sparkSession().createDataFrame(scored, schema);
  }

  /** ŷ of a block's samples: shipped to the executors with the model it scores by. */
  @FunctionalInterface
  public interface BlockScorer extends Serializable {
    /** Shapes: block X (n[0], m_b); returns ŷ (1, m_b). */
    double[] probabilities(ColumnBlock block);
  }

  /** The columns a sample is read from: the features, then the label and the weight if any. */
  private static List<String> names(TableColumns columns) {
    List<String> names = new ArrayList<>(columns.isVector() ? List.of(columns.featuresColumn())
        : columns.featureColumns());
    if (columns.label() != null) {
      names.add(columns.label());
    }
    if (columns.weight() != null && !names.contains(columns.weight())) {
      names.add(columns.weight());
    }
    return names;
  }

  /** A column by its name as it is, dots and all (not a nested field). */
  private static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  private static StructField field(StructType schema, String source, String name, String expected) {
    for (StructField field : schema.fields()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    throw InputDataException.ofColumn(source, 0, name, expected,
        "no such column (the columns: " + String.join(", ", schema.fieldNames()) + ")");
  }

  /** A bad value in one column of a row: where it is said by the caller, which knows the row. */
  private static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String column;
    final String expected;
    final String found;

    BadValue(String column, String expected, String found) {
      super(column + ": expected " + expected + ", found " + found, null, false, false);
      this.column = column;
      this.expected = expected;
      this.found = found;
    }
  }

  /**
   * Reads one row's sample into a column of a block: its features checked finite (and counted, for a vector) and
   * scaled, its label checked 0 or 1, its weight checked finite and not negative; and tells where the row is.
   */
  private static final class RowParser implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final TableColumns columns;
    private final int numFeatures;
    private final FeatureScaling scaling;
    /** The row's fields: the vector column, or each feature column; the label and weight (-1: none); the file. */
    private final int[] featureIndexes;
    private final int labelIndex;
    private final int weightIndex;
    private final int fileIndex;

    RowParser(String source, TableColumns columns, StructType rows, int numFeatures, FeatureScaling scaling) {
      this.source = source;
      this.columns = columns;
      this.numFeatures = numFeatures;
      this.scaling = scaling;
      List<String> features = columns.isVector() ? List.of(columns.featuresColumn()) : columns.featureColumns();
      this.featureIndexes = features.stream().mapToInt(rows::fieldIndex).toArray();
      this.labelIndex = columns.label() == null ? -1 : rows.fieldIndex(columns.label());
      this.weightIndex = columns.weight() == null ? -1 : rows.fieldIndex(columns.weight());
      this.fileIndex = rows.fieldIndex(FILE_COLUMN);
    }

    /** Whether the samples have weights. */
    boolean weighted() {
      return weightIndex >= 0;
    }

    /**
     * The row's weight w, finite and at least 0.
     *
     * @throws BadValue naming the weight column
     */
    double weight(Row row) {
      Object value = row.get(weightIndex);
      if (value == null) {
        throw new BadValue(columns.weight(), WEIGHT, "null");
      }
      double weight = ((Number) value).doubleValue();
      if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
        throw new BadValue(columns.weight(), WEIGHT, String.valueOf(value));
      }
      return weight;
    }

    /** The file the row was read from; "" for rows from no file. */
    String file(Row row) {
      return row.isNullAt(fileIndex) ? "" : row.getString(fileIndex);
    }

    /** "SOURCE, file F" or, for rows from no file, "SOURCE, partition P". */
    String where(int partition, String file) {
      return source + (file.isEmpty() ? ", partition " + partition : ", file " + file);
    }

    /**
     * Writes the row's features into {@code x} from {@code offset} and returns its label (NaN without a label
     * column). Shapes: x (n[0], m_b) column-major, this sample's column starting at {@code offset}.
     *
     * @throws BadValue naming the column
     */
    double parse(Row row, double[] x, int offset) {
      if (columns.isVector()) {
        vector(row, x, offset);
      } else {
        for (int i = 0; i < numFeatures; i++) {
          String name = columns.featureColumns().get(i);
          x[offset + i] = scaling.apply(finite(row.get(featureIndexes[i]), name, NUMBER));
        }
      }
      return labelIndex < 0 ? Double.NaN : label(row.get(labelIndex));
    }

    /** A vector's values, a sparse one's zeros written out. Shapes: the vector (n[0]) into x's column. */
    private void vector(Row row, double[] x, int offset) {
      String name = columns.featuresColumn();
      Object value = row.get(featureIndexes[0]);
      String expected = "a vector of n[0] = " + numFeatures + " features";
      if (value == null) {
        throw new BadValue(name, expected, "null");
      }
      if (value instanceof Row struct) {
        value = vectorOf(struct);
      }
      if (value instanceof Vector vector) {
        if (vector.size() != numFeatures) {
          throw new BadValue(name, expected, "a vector of " + vector.size() + " features");
        }
        if (vector instanceof SparseVector sparse) {
          Arrays.fill(x, offset, offset + numFeatures, scaling.apply(0.0));
          int[] indices = sparse.indices();
          double[] values = sparse.values();
          for (int k = 0; k < indices.length; k++) {
            x[offset + indices[k]] = scaling.apply(element(values[k], name, indices[k]));
          }
        } else {
          double[] values = ((DenseVector) vector).values();
          for (int i = 0; i < numFeatures; i++) {
            x[offset + i] = scaling.apply(element(values[i], name, i));
          }
        }
        return;
      }
      List<Object> list = row.getList(featureIndexes[0]);
      if (list.size() != numFeatures) {
        throw new BadValue(name, expected, "an array of " + list.size() + " numbers");
      }
      for (int i = 0; i < numFeatures; i++) {
        x[offset + i] = scaling.apply(finite(list.get(i), name, NUMBER + " at index " + i));
      }
    }

    /** The vector a {@link #VECTOR_STRUCT} holds. */
    private static Vector vectorOf(Row struct) {
      double[] values = struct.<Double>getList(3).stream().mapToDouble(Double::doubleValue).toArray();
      if (struct.getByte(0) == 1) {
        return Vectors.dense(values);
      }
      int[] indices = struct.<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray();
      return Vectors.sparse(struct.getInt(1), indices, values);
    }

    private static double element(double value, String name, int index) {
      if (!Double.isFinite(value)) {
        throw new BadValue(name, NUMBER + " at index " + index, String.valueOf(value));
      }
      return value;
    }

    private static double finite(Object value, String name, String expected) {
      if (value == null) {
        throw new BadValue(name, expected, "null");
      }
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        throw new BadValue(name, expected, String.valueOf(number));
      }
      return number;
    }

    private double label(Object value) {
      if (value == null) {
        throw new BadValue(columns.label(), LABEL, "null");
      }
      double label = ((Number) value).doubleValue();
      if (label == 0.0) {
        return 0.0;
      }
      if (label == 1.0) {
        return 1.0;
      }
      throw new BadValue(columns.label(), LABEL, String.valueOf(value));
    }
  }

  /** Where a partition's rows are: the current file, and the rows read of it. */
  private static final class Position {
    private final RowParser parser;
    private final int partition;
    private String file;
    private long row;

    Position(RowParser parser, int partition) {
      this.parser = parser;
      this.partition = partition;
    }

    /** Moves to {@code next}: the row after the last one, or the first of another file. */
    void advance(Row next) {
      String nextFile = parser.file(next);
      if (!nextFile.equals(file)) {
        file = nextFile;
        row = 0;
      }
      row++;
    }

    InputDataException error(BadValue bad) {
      return InputDataException.ofColumn(parser.where(partition, file), row, bad.column, bad.expected, bad.found);
    }
  }

  /** One partition's rows as blocks of up to {@code blockColumns} samples, in row order (some maybe empty). */
  private static final class RowBlocks implements Iterator<ColumnBlock> {
    private final RowParser parser;
    private final Position position;
    private final Iterator<Row> rows;
    private final int blockColumns;
    private final BadRowPolicy badRows;
    private final BadRowTally skipped;
    private final int numFeatures;
    private int described;

    RowBlocks(RowParser parser, int partition, Iterator<Row> rows, int blockColumns, BadRowPolicy badRows,
        BadRowTally skipped) {
      this.parser = parser;
      this.position = new Position(parser, partition);
      this.rows = rows;
      this.blockColumns = blockColumns;
      this.badRows = badRows;
      this.skipped = skipped;
      this.numFeatures = parser.numFeatures;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    /** Shapes: up to blockColumns rows → X (n[0], m_b), Y (1, m_b), weights (1, m_b) if weighted. */
    @Override
    public ColumnBlock next() {
      if (!rows.hasNext()) {
        throw new NoSuchElementException();
      }
      double[] x = new double[Math.multiplyExact(blockColumns, numFeatures)];
      double[] y = new double[blockColumns];
      double[] w = parser.weighted() ? new double[blockColumns] : null;
      int columns = 0;
      while (columns < blockColumns && rows.hasNext()) {
        Row row = rows.next();
        position.advance(row);
        try {
          y[columns] = parser.parse(row, x, columns * numFeatures);
          if (w != null) {
            w[columns] = parser.weight(row);
          }
          columns++;
        } catch (BadValue bad) {
          InputDataException located = position.error(bad);
          if (!badRows.skip()) {
            throw located;
          }
          skipped.add(located, described++ < SkippedRows.KEPT);
        }
      }
      if (columns < blockColumns) {
        x = Arrays.copyOf(x, columns * numFeatures);
        y = Arrays.copyOf(y, columns);
        w = w == null ? null : Arrays.copyOf(w, columns);
      }
      return new ColumnBlock(numFeatures, x, y, w);
    }
  }

  /** One partition's good rows with their probability and prediction appended, scored a block at a time. */
  private static final class ScoredRows implements Iterator<Row> {
    private final RowParser parser;
    private final Position position;
    private final Iterator<Row> rows;
    private final int blockColumns;
    private final boolean skip;
    private final BlockScorer scorer;
    private final int width;
    private final double threshold;
    private final List<Row> pending = new ArrayList<>();
    private int next;

    ScoredRows(RowParser parser, int partition, Iterator<Row> rows, int blockColumns, boolean skip,
        BlockScorer scorer, int width, double threshold) {
      this.parser = parser;
      this.position = new Position(parser, partition);
      this.rows = rows;
      this.blockColumns = blockColumns;
      this.skip = skip;
      this.scorer = scorer;
      this.width = width;
      this.threshold = threshold;
    }

    @Override
    public boolean hasNext() {
      while (next == pending.size() && rows.hasNext()) {
        scoreBlock();
      }
      return next < pending.size();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.get(next++);
    }

    /** The next block of good rows, scored. Shapes: X (n[0], m_b) → ŷ (1, m_b), one output row per column. */
    private void scoreBlock() {
      int n = parser.numFeatures;
      List<Row> good = new ArrayList<>();
      double[] x = new double[Math.multiplyExact(blockColumns, n)];
      while (good.size() < blockColumns && rows.hasNext()) {
        Row row = rows.next();
        position.advance(row);
        try {
          parser.parse(row, x, good.size() * n);
          good.add(row);
        } catch (BadValue bad) {
          if (!skip) {
            throw position.error(bad);
          }
        }
      }
      pending.clear();
      next = 0;
      if (good.isEmpty()) {
        return;
      }
      double[] unlabelled = new double[good.size()];
      Arrays.fill(unlabelled, Double.NaN);
      double[] probabilities =
          scorer.probabilities(new ColumnBlock(n, Arrays.copyOf(x, good.size() * n), unlabelled));
      for (int j = 0; j < good.size(); j++) {
        Object[] values = new Object[width + 2];
        for (int i = 0; i < width; i++) {
          values[i] = good.get(j).get(i);
        }
        values[width] = probabilities[j];
        values[width + 1] = probabilities[j] > threshold ? 1.0 : 0.0;
        pending.add(RowFactory.create(values));
      }
    }
  }
}
