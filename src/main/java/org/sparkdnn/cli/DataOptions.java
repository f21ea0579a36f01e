package org.sparkdnn.cli;

import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.spark.BadRowPolicy;
import org.sparkdnn.spark.CsvBlockReader;
import picocli.CommandLine.Option;

/** How input CSV files are laid out and cut into partitions; shared by every command that reads data. */
final class DataOptions {
  @Option(names = "--label-column", paramLabel = "INDEX", defaultValue = "0",
      description = "0-based column of the 0/1 label; 'none' when rows hold only features "
          + "(default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--header", description = "The first line of every file is a header to skip.")
  boolean header;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      description = "Field delimiter, or 'tab' (default: '${DEFAULT-VALUE}').")
  String delimiter;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions of the cached data; 0 = as many as the input splits, at least Spark's default "
          + "parallelism (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--block-size", paramLabel = "SAMPLES", defaultValue = "0",
      description = "Most samples per column block; 0 = as many as fit in 64 MiB of features, at most 4096 "
          + "(default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
      description = "A row that cannot be parsed stops the run (fail), or is left out, counted and reported with "
          + "its file and line (skip) (default: ${DEFAULT-VALUE}).")
  String onBadRow;

  @Option(names = "--max-bad-rows", paramLabel = "N", defaultValue = "100",
      description = "With --on-bad-row skip, fail when an input has more than N bad rows "
          + "(default: ${DEFAULT-VALUE}).")
  long maxBadRows;

  /** The CSV layout these options describe. */
  CsvFormat format() {
    CsvFormat format = CsvFormat.defaults().withHeader(header);
    format = format.withDelimiter(switch (delimiter) {
      case "tab", "\\t" -> '\t';
      default -> {
        if (delimiter.length() != 1) {
          throw new IllegalArgumentException(
              "--delimiter: expected one character or 'tab', found '" + delimiter + "'");
        }
        yield delimiter.charAt(0);
      }
    });
    if (labelColumn.equalsIgnoreCase("none")) {
      return format.withLabelColumn(CsvFormat.NO_LABEL);
    }
    try {
      return format.withLabelColumn(Integer.parseInt(labelColumn.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--label-column: expected a column index or 'none', found '" + labelColumn + "'");
    }
  }

  /** What a bad row does, as --on-bad-row and --max-bad-rows say. */
  BadRowPolicy badRows() {
    if (maxBadRows < 0) {
      throw new IllegalArgumentException("--max-bad-rows: expected 0 or more, found " + maxBadRows);
    }
    return switch (onBadRow) {
      case "fail" -> BadRowPolicy.FAIL;
      case "skip" -> BadRowPolicy.skipUpTo(maxBadRows);
      default -> throw new IllegalArgumentException("--on-bad-row: expected fail or skip, found '" + onBadRow + "'");
    };
  }

  /** Samples per block for rows of {@code numFeatures}. */
  int blockColumns(int numFeatures) {
    if (blockSize < 0) {
      throw new IllegalArgumentException("--block-size: expected 0 (automatic) or more, found " + blockSize);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions: expected 0 (automatic) or more, found " + partitions);
    }
    return blockSize > 0 ? blockSize : CsvBlockReader.automaticBlockColumns(numFeatures);
  }
}
