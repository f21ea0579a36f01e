package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.model.Precision;
import org.sparkdnn.testing.CsvData;

class DataFrameBlocksTest {
  private static final FeatureScaling NONE = FeatureScaling.parse("none");
  private static final ColumnBlock FLOWER = CsvData.readBlock(CsvData.FLOWER);
  private static final StructType VECTORS = new StructType().add("label", DataTypes.DoubleType)
      .add("features", SQLDataTypes.VectorType());

  /**
   * The flower's samples as rows of {@code schema}, each made by {@code row} from (label, x1, x2), in Spark's
   * default parallelism of partitions (2), in order.
   */
  private static Dataset<Row> flower(StructType schema, Function<double[], Row> row) {
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < FLOWER.numColumns(); j++) {
      rows.add(row.apply(new double[] {FLOWER.labels()[j], FLOWER.X().get(0, j), FLOWER.X().get(1, j)}));
    }
    return SharedSpark.session().createDataFrame(rows, schema);
  }

  private static Dataset<Row> denseFlower() {
    return flower(VECTORS, v -> RowFactory.create(v[0], Vectors.dense(v[1], v[2])));
  }

  private static DistributedBlocks blocks(Dataset<Row> df, TableColumns columns, BadRowPolicy badRows,
      Precision precision) {
    return DataFrameBlocks.fromDataFrame(df, "the DataFrame", columns, 2, NONE, badRows, 0, 64, precision);
  }

  /** Every sample's features then label, in order, as doubles. */
  private static double[] samples(DistributedBlocks blocks) {
    List<Double> values = new ArrayList<>();
    for (ColumnBlock block : blocks.blocks().collect()) {
      assertTrue(block.numColumns() <= 64);
      for (int j = 0; j < block.numColumns(); j++) {
        for (int i = 0; i < block.numFeatures(); i++) {
          values.add(block.feature(j * block.numFeatures() + i));
        }
        values.add(block.labels()[j]);
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void denseSparseArrayAndColumnsGiveTheBlocksOfTheCsvReader() {
    CsvBlockReader reader = new CsvBlockReader(CsvFormat.defaults(), NONE, 2, 64);
    DistributedBlocks csv = DistributedBlocks.load(SharedSpark.context(), CsvData.FLOWER.toString(), reader, 0, 64);
    StructType arrays = new StructType().add("label", DataTypes.IntegerType)
        .add("xs", DataTypes.createArrayType(DataTypes.DoubleType));
    StructType named = new StructType().add("x2", DataTypes.DoubleType).add("y", DataTypes.LongType)
        .add("x1", DataTypes.DoubleType);
    List<DistributedBlocks> tables = List.of(
        blocks(denseFlower(), TableColumns.ofVector("label", "features"), BadRowPolicy.FAIL, Precision.FLOAT64),
        blocks(flower(VECTORS, v -> RowFactory.create(v[0], Vectors.dense(v[1], v[2]).toSparse())),
            TableColumns.ofVector("label", "features"), BadRowPolicy.FAIL, Precision.FLOAT64),
        blocks(flower(arrays, v -> RowFactory.create((int) v[0], List.of(v[1], v[2]))),
            TableColumns.ofVector("label", "xs"), BadRowPolicy.FAIL, Precision.FLOAT64),
        blocks(flower(named, v -> RowFactory.create(v[2], (long) v[0], v[1])),
            TableColumns.ofColumns("y", List.of("x1", "x2")), BadRowPolicy.FAIL, Precision.FLOAT64));
    try {
      for (DistributedBlocks table : tables) {
        assertEquals(400, table.numExamples());
        assertArrayEquals(csv.partitionStarts(), table.partitionStarts());
        assertArrayEquals(samples(csv), samples(table));
        assertEquals(0, table.skippedRows().count());
      }
    } finally {
      csv.unpersist();
      tables.forEach(DistributedBlocks::unpersist);
    }
  }

  @Test
  void float32RoundsTheFeaturesOnce() {
    DistributedBlocks blocks =
        blocks(denseFlower(), TableColumns.ofVector("label", "features"), BadRowPolicy.FAIL, Precision.FLOAT32);
    try {
      for (ColumnBlock block : blocks.blocks().collect()) {
        assertEquals(Precision.FLOAT32, block.precision());
      }
      double[] values = samples(blocks);
      assertEquals((float) FLOWER.X().get(1, 0), values[1]);
    } finally {
      blocks.unpersist();
    }
  }

  /** The flower with row {@code bad} (0-based) replaced. */
  private static Dataset<Row> withBadRow(int bad, Row replacement) {
    List<Row> rows = new ArrayList<>(denseFlower().collectAsList());
    rows.set(bad, replacement);
    return SharedSpark.session().createDataFrame(rows, VECTORS).coalesce(1);
  }

  private static InputDataException failure(Dataset<Row> df, TableColumns columns) {
    return assertThrows(InputDataException.class,
        () -> blocks(df, columns, BadRowPolicy.FAIL, Precision.FLOAT64).unpersist());
  }

  @Test
  void aBadRowIsLocatedByPartitionRowAndColumn() {
    TableColumns columns = TableColumns.ofVector("label", "features");
    assertEquals("the DataFrame, partition 0, row 8, column 'features': expected a finite number at index 1, "
        + "found NaN", failure(withBadRow(7, RowFactory.create(1.0, Vectors.dense(0.5, Double.NaN))), columns)
        .getMessage());
    assertEquals("the DataFrame, partition 0, row 3, column 'features': expected a vector of n[0] = 2 features, "
        + "found a vector of 3 features",
        failure(withBadRow(2, RowFactory.create(1.0, Vectors.dense(1, 2, 3))), columns).getMessage());
    assertEquals("the DataFrame, partition 0, row 1, column 'features': expected a vector of n[0] = 2 features, "
        + "found null", failure(withBadRow(0, RowFactory.create(1.0, null)), columns).getMessage());
    assertEquals("the DataFrame, partition 0, row 400, column 'label': expected a label 0 or 1, found 2.0",
        failure(withBadRow(399, RowFactory.create(2.0, Vectors.dense(1, 2))), columns).getMessage());
    assertEquals("the DataFrame, partition 0, row 5, column 'label': expected a label 0 or 1, found null",
        failure(withBadRow(4, RowFactory.create(null, Vectors.sparse(2, new int[] {1}, new double[] {1}))),
            columns).getMessage());
    assertEquals("the DataFrame, partition 0, row 2, column 'features': expected a finite number at index 0, "
        + "found Infinity", failure(withBadRow(1, RowFactory.create(0.0,
            Vectors.sparse(2, new int[] {0}, new double[] {Double.POSITIVE_INFINITY}))), columns).getMessage());
  }

  @Test
  void aMissingOrMistypedColumnFailsBeforeAnyJob() {
    assertEquals("the DataFrame, column 'y': expected a label 0 or 1, found no such column (the columns: label, "
        + "features)", failure(denseFlower(), TableColumns.ofVector("y", "features")).getMessage());
    assertEquals("the DataFrame, column 'label': expected a vector column (an ML Vector, or an array of numbers) "
        + "of n[0] = 2 features, found a column of type double",
        failure(denseFlower(), TableColumns.ofVector("label", "label")).getMessage());
    assertEquals("the DataFrame, column 'features': expected a numeric column (a label 0 or 1), found a column "
        + "of type vector", failure(denseFlower(), TableColumns.ofVector("features", "features")).getMessage());
    assertEquals("the DataFrame, column 'label,label,label': expected n[0] = 2 feature columns, found 3 columns",
        failure(denseFlower(), TableColumns.ofColumns("label", List.of("label", "label", "label")))
            .getMessage());
    assertEquals("the DataFrame, column 'features': expected a numeric feature column, found a column of type "
        + "vector", failure(denseFlower(), TableColumns.ofColumns("label", List.of("label", "features")))
        .getMessage());
  }

  @Test
  void skippedRowsAreCountedAndBoundedAsForCsv() {
    Dataset<Row> df = withBadRow(9, RowFactory.create(0.5, Vectors.dense(1, 2)));
    DistributedBlocks blocks =
        blocks(df, TableColumns.ofVector("label", "features"), BadRowPolicy.skipUpTo(1), Precision.FLOAT64);
    try {
      assertEquals(399, blocks.numExamples());
      assertEquals(1, blocks.skippedRows().count());
      assertEquals(List.of("the DataFrame, partition 0, row 10, column 'label': expected a label 0 or 1, found 0.5"),
          blocks.skippedRows().first());
      double[] all = samples(blocks);
      assertEquals(399 * 3, all.length);
      assertEquals(FLOWER.X().get(0, 10), all[9 * 3]);
    } finally {
      blocks.unpersist();
    }
    InputDataException tooMany = assertThrows(InputDataException.class, () -> blocks(df,
        TableColumns.ofVector("label", "features"), BadRowPolicy.skipUpTo(0), Precision.FLOAT64).unpersist());
    assertTrue(tooMany.getMessage().startsWith("the DataFrame: expected at most 0 bad rows, found 1 bad rows"),
        tooMany.getMessage());
  }
}
