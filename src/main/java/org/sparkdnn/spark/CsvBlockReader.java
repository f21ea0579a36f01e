package org.sparkdnn.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.data.CsvRowParser;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.FieldException;
import org.sparkdnn.data.InputDataException;
import org.sparkdnn.io.InputFiles;
import scala.Tuple2;

/**
 * Reads labelled CSV into {@link ColumnBlock}s, one Hadoop input split at a time, keeping the file order.
 * A bad row fails its task with an {@link InputDataException} naming the file, line and field.
 */
public final class CsvBlockReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final CsvFormat format;
  private final FeatureScaling scaling;
  private final int numFeatures;
  private final int blockColumns;

  /**
   * @param numFeatures n[0], the features every row must have
   * @param blockColumns the most samples one block holds
   */
  public CsvBlockReader(CsvFormat format, FeatureScaling scaling, int numFeatures, int blockColumns) {
    if (numFeatures < 1) {
      throw new IllegalArgumentException("rows need at least 1 feature, found " + numFeatures);
    }
    if (blockColumns < 1) {
      throw new IllegalArgumentException("blocks need at least 1 column, found " + blockColumns);
    }
    this.format = format;
    this.scaling = scaling;
    this.numFeatures = numFeatures;
    this.blockColumns = blockColumns;
  }

  /** Most samples per block by default: as many as fit in 64 MiB of features, at most 4096. */
  public static int automaticBlockColumns(int numFeatures) {
    long fit = (64L << 20) / (8L * numFeatures);
    return (int) Math.max(1, Math.min(4096, fit));
  }

  /** The layout of the files read. */
  public CsvFormat format() {
    return format;
  }

  /** The scaling applied to every feature. */
  public FeatureScaling scaling() {
    return scaling;
  }

  /** The most samples one block holds. */
  public int blockColumns() {
    return blockColumns;
  }

  /** n[0], the features every row must have. */
  public int numFeatures() {
    return numFeatures;
  }

  /** Where the first data row of an input is, and how many fields it has. */
  public record FirstRow(String file, long line, int fields) {}

  /**
   * The first data row of {@code path} (after the header, if any), so that a width that does not match the
   * layer sizes is reported before any job runs.
   */
  public static FirstRow firstRow(String path, CsvFormat format, Configuration conf) {
    Path file = InputFiles.list(path, conf).get(0);
    try (var reader = InputFiles.open(file, conf)) {
      if (format.header()) {
        reader.readLine();
      }
      String line = reader.readLine();
      if (line == null) {
        throw InputDataException.ofFile(file.toString(), "a data row", "no data row");
      }
      return new FirstRow(file.toString(), format.header() ? 2 : 1,
          CsvRowParser.countFields(line, format.delimiter()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** One RDD partition per input split, each a sequence of non-empty blocks in file order; not persisted. */
  public JavaRDD<ColumnBlock> read(JavaSparkContext sc, String path) {
    List<Path> files = InputFiles.list(path, sc.hadoopConfiguration());
    Job job;
    try {
      job = Job.getInstance(sc.hadoopConfiguration());
      FileInputFormat.setInputPaths(job, files.toArray(new Path[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Configuration conf = job.getConfiguration();
    // Broadcast, not captured: a Configuration is large, and every task of every iteration would carry it.
    Broadcast<SerializableConfiguration> shippedConf = sc.broadcast(new SerializableConfiguration(conf));
    var lines = (JavaNewHadoopRDD<LongWritable, Text>)
        sc.newAPIHadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class);
    return lines.mapPartitionsWithInputSplit(
        (split, records) -> new BlockIterator(((FileSplit) split).getPath(), records, shippedConf), true)
        .filter(block -> block.numColumns() > 0);
  }

  /** Parses one split's lines into blocks of up to {@code blockColumns} samples. */
  private final class BlockIterator implements Iterator<ColumnBlock> {
    private final Path file;
    private final Iterator<Tuple2<LongWritable, Text>> records;
    private final Broadcast<SerializableConfiguration> conf;
    private final CsvRowParser parser;

    BlockIterator(Path file, Iterator<Tuple2<LongWritable, Text>> records,
        Broadcast<SerializableConfiguration> conf) {
      this.file = file;
      this.records = records;
      this.conf = conf;
      this.parser = new CsvRowParser(format, numFeatures, scaling);
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public ColumnBlock next() {
      if (!records.hasNext()) {
        throw new NoSuchElementException();
      }
      double[] x = new double[Math.multiplyExact(blockColumns, numFeatures)];
      double[] y = new double[blockColumns];
      int columns = 0;
      while (columns < blockColumns && records.hasNext()) {
        Tuple2<LongWritable, Text> record = records.next();
        long offset = record._1().get();
        if (offset == 0 && format.header()) {
          continue;
        }
        try {
          y[columns] = parser.parse(record._2().toString(), x, columns * numFeatures);
        } catch (FieldException e) {
          throw located(offset, e);
        }
        columns++;
      }
      if (columns < blockColumns) {
        x = Arrays.copyOf(x, columns * numFeatures);
        y = Arrays.copyOf(y, columns);
      }
      return new ColumnBlock(numFeatures, x, y);
    }

    private InputDataException located(long offset, FieldException e) {
      long line;
      try {
        line = InputFiles.lineNumberAt(file, offset, conf.value().value());
      } catch (IOException io) {
        throw new UncheckedIOException("cannot re-read " + file + " to locate a bad row at byte " + offset, io);
      }
      return new InputDataException(file.toString(), line, e.field(), e.expected(), e.found());
    }
  }
}
