package org.sparkdnn.data;

/**
 * Bad input data, located: the file, the 1-based line, the 1-based field (0 for the row as a whole),
 * what was expected and what was found, and optionally a hint at the likely mistake. Thrown on executors
 * and carried back to the driver intact. A table's row is located by its source (table or file), its 1-based
 * row and its column's name instead ({@link #ofColumn}).
 */
public final class InputDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int field;
  private final String expected;
  private final String found;
  private final String hint;
  /** The table column at fault, or null for a CSV field (or a whole file). */
  private final String column;

  public InputDataException(String file, long line, int field, String expected, String found) {
    this(file, line, field, null, expected, found, null);
  }

  private InputDataException(String file, long line, int field, String column, String expected, String found,
      String hint) {
    super((column == null ? describe(file, line, field, expected, found)
        : describeColumn(file, line, column, expected, found)) + (hint == null ? "" : "; " + hint));
    this.file = file;
    this.line = line;
    this.field = field;
    this.column = column;
    this.expected = expected;
    this.found = found;
    this.hint = hint;
  }

  /** This error with a hint at the likely mistake appended to the message, e.g. "drop --header". */
  public InputDataException withHint(String hint) {
    return new InputDataException(file, line, field, column, expected, found, hint);
  }

  /**
   * A bad value in a table's column: "SOURCE, row R, column 'C': expected …, found …".
   *
   * @param source the table, or its file and where in it ("table t, file F", "data.parquet, partition 3")
   * @param row the 1-based row, 0 for the column as a whole (missing, or of the wrong type)
   */
  public static InputDataException ofColumn(String source, long row, String column, String expected,
      String found) {
    return new InputDataException(source, row, 0, column, expected, found, null);
  }

  /** A problem with a whole file or path rather than one line (line 0). */
  public static InputDataException ofFile(String file, String expected, String found) {
    return new InputDataException(file, 0, 0, expected, found);
  }

  private static String describe(String file, long line, int field, String expected, String found) {
    StringBuilder where = new StringBuilder(file);
    if (line > 0) {
      where.append(", line ").append(line);
    }
    if (field > 0) {
      where.append(", field ").append(field);
    }
    return where + ": expected " + expected + ", found " + found;
  }

  private static String describeColumn(String source, long row, String column, String expected, String found) {
    return source + (row > 0 ? ", row " + row : "") + ", column '" + column + "': expected " + expected + ", found "
        + found;
  }

  /** The table column at fault; null for CSV data. */
  public String column() {
    return column;
  }

  public String file() {
    return file;
  }

  /** 1-based line number; 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** 1-based field number; 0 when the problem concerns the whole row or file. */
  public int field() {
    return field;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }

  /** The hint at the likely mistake, or null. */
  public String hint() {
    return hint;
  }
}
