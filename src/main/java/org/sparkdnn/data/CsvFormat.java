package org.sparkdnn.data;

import java.io.Serializable;

/**
 * Layout of a delimited text file of samples: the field delimiter, whether each file starts with a
 * header line, and which field holds the label. Immutable; the {@code with*} methods return
 * validated copies.
 */
public final class CsvFormat implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@link #labelColumn()} value meaning that rows carry features only, no label. */
  public static final int NO_LABEL = -1;

  /** Default field delimiter: a comma. */
  public static final char DEFAULT_DELIMITER = ',';

  /** Default header setting: files have no header line. */
  public static final boolean DEFAULT_HEADER = false;

  /** Default label column: the first field (0-based index 0). */
  public static final int DEFAULT_LABEL_COLUMN = 0;

  private static final CsvFormat DEFAULTS =
      new CsvFormat(DEFAULT_DELIMITER, DEFAULT_HEADER, DEFAULT_LABEL_COLUMN);

  private final char delimiter;
  private final boolean header;
  private final int labelColumn;

  private CsvFormat(char delimiter, boolean header, int labelColumn) {
    if (!isValidDelimiter(delimiter)) {
      throw new IllegalArgumentException("delimiter: expected a character that cannot occur in a"
          + " number (not a digit, '.', '+', '-', 'e', 'E' or whitespace other than tab), found "
          + describe(delimiter));
    }
    if (labelColumn < NO_LABEL) {
      throw new IllegalArgumentException("label column: expected a 0-based index >= 0 or "
          + NO_LABEL + " (no label), found " + labelColumn);
    }
    this.delimiter = delimiter;
    this.header = header;
    this.labelColumn = labelColumn;
  }

  /** Returns the default format: comma-delimited, no header, label in the first field. */
  public static CsvFormat defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with the given field delimiter (tab is allowed, other whitespace is not). */
  public CsvFormat withDelimiter(char delimiter) {
    return new CsvFormat(delimiter, header, labelColumn);
  }

  /** Returns a copy that does ({@code true}) or does not skip the first line of each file. */
  public CsvFormat withHeader(boolean header) {
    return new CsvFormat(delimiter, header, labelColumn);
  }

  /** Returns a copy with the label in the given 0-based field, or {@link #NO_LABEL}. */
  public CsvFormat withLabelColumn(int labelColumn) {
    return new CsvFormat(delimiter, header, labelColumn);
  }

  /** The field delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** Whether the first line of each file is a header to skip. */
  public boolean header() {
    return header;
  }

  /** The 0-based index of the label field, or {@link #NO_LABEL}. */
  public int labelColumn() {
    return labelColumn;
  }

  /** Whether rows carry a label, i.e. {@link #labelColumn()} is not {@link #NO_LABEL}. */
  public boolean hasLabel() {
    return labelColumn != NO_LABEL;
  }

  /** Quotes a character for messages, spelling out tab and other control characters. */
  static String describe(char c) {
    if (c == '\t') {
      return "'\\t'";
    }
    if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  private static boolean isValidDelimiter(char c) {
    if (c == '\t') {
      return true;
    }
    boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
    return !numeric && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvFormat other
        && delimiter == other.delimiter
        && header == other.header
        && labelColumn == other.labelColumn;
  }

  @Override
  public int hashCode() {
    return (delimiter * 31 + Boolean.hashCode(header)) * 31 + labelColumn;
  }

  @Override
  public String toString() {
    return "CsvFormat[delimiter=" + describe(delimiter) + ", header=" + header
        + ", labelColumn=" + (hasLabel() ? Integer.toString(labelColumn) : "none") + "]";
  }
}
