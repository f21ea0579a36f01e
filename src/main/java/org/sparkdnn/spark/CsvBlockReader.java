package org.sparkdnn.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
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
 * A bad row fails its task with an {@link InputDataException} naming the file, line and field, or is skipped
 * and counted, as the {@link BadRowPolicy} says. With a header expected, a first line that parses as data fails
 * whatever the policy: the file has no header.
 */
public final class CsvBlockReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final CsvFormat format;
  private final FeatureScaling scaling;
  private final int numFeatures;
  private final int blockColumns;
  private final BadRowPolicy badRows;

  /** A reader that fails on the first bad row. */
  public CsvBlockReader(CsvFormat format, FeatureScaling scaling, int numFeatures, int blockColumns) {
    this(format, scaling, numFeatures, blockColumns, BadRowPolicy.FAIL);
  }

  /**
   * @param numFeatures n[0], the features every row must have
   * @param blockColumns the most samples one block holds
   * @param badRows whether a bad row fails the load or is skipped
   */
  public CsvBlockReader(CsvFormat format, FeatureScaling scaling, int numFeatures, int blockColumns,
      BadRowPolicy badRows) {
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
    this.badRows = badRows;
  }

  /**
   * Most samples per block by default: as many as fit in 256 KiB of features, at least 256 and at most 4096, and
   * never more than 64 MiB. A block's X is read by the forward pass and again by the backward pass; in half of a
   * core's L2 cache the second read hits it (100,20,7,5,1 at m = 1e5, local[2]: about a tenth faster per iteration
   * than blocks of 4096), while 256 samples keep the products' long dimension long for wide inputs.
   */
  public static int automaticBlockColumns(int numFeatures) {
    long bytesPerSample = 8L * numFeatures;
    long cached = Math.max(256, Math.min(4096, (256L << 10) / bytesPerSample));
    return (int) Math.max(1, Math.min(cached, (64L << 20) / bytesPerSample));
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

  /** What a bad row does. */
  public BadRowPolicy badRows() {
    return badRows;
  }

  /** Where the first data row of an input is, and how many fields it has. */
  public record FirstRow(String file, long line, int fields) {}

  /**
   * The first data row of {@code path} (after the header, if any), so that a width that does not match the
   * layer sizes is reported before any job runs.
   */
  public static FirstRow firstRow(String path, CsvFormat format, Configuration conf) {
    Path file = InputFiles.list(path, conf).get(0);
    int line = format.header() ? 2 : 1;
    List<String> lines = InputFiles.firstLines(file, line, conf);
    if (lines.size() < line) {
      throw InputDataException.ofFile(file.toString(), "a data row", "no data row");
    }
    return new FirstRow(file.toString(), line, CsvRowParser.countFields(lines.get(line - 1), format.delimiter()));
  }

  /**
   * One RDD partition per input split, each a sequence of non-empty blocks in file order; not persisted.
   *
   * @param skipped where skipped bad rows are counted
   */
  JavaRDD<ColumnBlock> read(JavaSparkContext sc, String path, BadRowTally skipped) {
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
        (split, records) -> new BlockIterator((FileSplit) split, records, shippedConf, skipped), true)
        .filter(block -> block.numColumns() > 0);
  }

  /**
   * Parses one split's lines into blocks of up to {@code blockColumns} samples. Every line is a record, so a
   * line number is the split's first line number plus the records read before it; that number is found, when a
   * bad row needs it, by counting the lines before the split once. Blank lines at the end of a file are harmless
   * (a trailing empty line, as spreadsheets export); blank lines followed by data are bad rows.
   */
  private final class BlockIterator implements Iterator<ColumnBlock> {
    private final Path file;
    private final long splitStart;
    private final Iterator<Tuple2<LongWritable, Text>> records;
    private final Broadcast<SerializableConfiguration> conf;
    private final BadRowTally skipped;
    private final CsvRowParser parser;
    /** Byte offset of the split's first line, -1 before it is read; its line number, 0 until needed. */
    private long firstOffset = -1;
    private long firstLine;
    private long recordsRead;
    private int described;
    /** The blank lines not yet known to be followed by data: how many, the first one's index and offset. */
    private long pendingBlanks;
    private long firstBlankIndex;
    private long firstBlankOffset;

    BlockIterator(FileSplit split, Iterator<Tuple2<LongWritable, Text>> records,
        Broadcast<SerializableConfiguration> conf, BadRowTally skipped) {
      this.file = split.getPath();
      this.splitStart = split.getStart();
      this.records = records;
      this.conf = conf;
      this.skipped = skipped;
      this.parser = new CsvRowParser(format, numFeatures, scaling);
    }

    @Override
    public boolean hasNext() {
      return moreRecords();
    }

    /** The next block; empty when every remaining row was skipped or a header ({@link #read} drops those). */
    @Override
    public ColumnBlock next() {
      if (!moreRecords()) {
        throw new NoSuchElementException();
      }
      double[] x = new double[Math.multiplyExact(blockColumns, numFeatures)];
      double[] y = new double[blockColumns];
      int columns = 0;
      while (columns < blockColumns && moreRecords()) {
        Tuple2<LongWritable, Text> record = nextRecord();
        long offset = record._1().get();
        if (firstOffset < 0) {
          firstOffset = offset;
        }
        long index = recordsRead++;
        String line = record._2().toString();
        if (offset == 0 && format.header()) {
          requireHeader(line, x, columns * numFeatures);
          continue;
        }
        if (CsvRowParser.isBlank(line)) {
          if (pendingBlanks++ == 0) {
            firstBlankIndex = index;
            firstBlankOffset = offset;
          }
          continue;
        }
        rejectPendingBlanks();
        try {
          y[columns] = parser.parse(line, x, columns * numFeatures);
          columns++;
        } catch (FieldException e) {
          reject(line, index, offset, e);
        }
      }
      if (pendingBlanks > 0 && !moreRecords() && !onlyBlanksFrom(firstBlankOffset)) {
        rejectPendingBlanks();
      }
      if (columns < blockColumns) {
        x = Arrays.copyOf(x, columns * numFeatures);
        y = Arrays.copyOf(y, columns);
      }
      return new ColumnBlock(numFeatures, x, y);
    }

    /** Fails on a bad row, or counts it as skipped, as the policy says. */
    private void reject(String line, long index, long offset, FieldException e) {
      InputDataException bad = new InputDataException(file.toString(), lineNumber(index), e.field(),
          e.expected(), e.found());
      if (offset == 0 && CsvRowParser.looksLikeHeader(line, format.delimiter())) {
        bad = bad.withHint("is line 1 a header? pass --header");
      }
      if (!badRows.skip()) {
        throw bad;
      }
      skipped.add(bad, described++ < SkippedRows.KEPT);
    }

    /** The blank lines met since the last row, followed by more data: each a bad row. */
    private void rejectPendingBlanks() {
      for (long i = 0; i < pendingBlanks; i++) {
        reject("", firstBlankIndex + i, firstBlankOffset, parser.blankLineError());
      }
      pendingBlanks = 0;
    }

    /**
     * Whether {@code file} holds only blank lines from byte {@code offset} to its end. A compressed file is one
     * split, so the end of its records is the end of the file; a plain file may continue in later splits, and
     * is read from {@code offset} until the first character that is not white space.
     */
    private boolean onlyBlanksFrom(long offset) {
      Configuration hadoop = conf.value().value();
      if (new CompressionCodecFactory(hadoop).getCodec(file) != null) {
        return true;
      }
      try (FSDataInputStream in = file.getFileSystem(hadoop).open(file)) {
        in.seek(offset);
        InputStream buffered = new BufferedInputStream(in);
        for (int b = buffered.read(); b >= 0; b = buffered.read()) {
          if (b > ' ') {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        throw InputFiles.readFailure(file, lineNumber(firstBlankIndex), e, hadoop);
      }
    }

    private boolean moreRecords() {
      try {
        return records.hasNext();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw readFailure(e);
      }
    }

    private Tuple2<LongWritable, Text> nextRecord() {
      try {
        return records.next();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw readFailure(e);
      }
    }

    /**
     * A checked exception from Hadoop's record reader (which Scala's iterator passes on undeclared), located at
     * the line after the last one read.
     */
    private RuntimeException readFailure(Exception e) {
      if (e instanceof IOException io) {
        return InputFiles.readFailure(file, lineNumber(recordsRead), io, conf.value().value());
      }
      return new IllegalStateException("cannot read " + file + ": " + e, e);
    }

    /** Fails if line 1, which should be a header, parses as data; {@code x} from {@code offset} is scratch. */
    private void requireHeader(String line, double[] x, int offset) {
      try {
        parser.parse(line, x, offset);
      } catch (FieldException notData) {
        return;
      }
      throw new InputDataException(file.toString(), 1, 0, "a header line", "a data row").withHint("drop --header");
    }

    /** The 1-based line number of the split's record {@code index} (0-based). */
    private long lineNumber(long index) {
      if (firstLine == 0) {
        long offset = firstOffset < 0 ? splitStart : firstOffset;
        try {
          firstLine = offset == 0 ? 1 : InputFiles.lineNumberAt(file, offset, conf.value().value());
        } catch (IOException io) {
          throw new UncheckedIOException(
              "cannot re-read " + file + " to locate a bad row after byte " + offset, io);
        }
      }
      return firstLine + index;
    }
  }
}
