package org.sparkdnn.data;

/**
 * A row of a data file that cannot be parsed, because of one field or of the row as a whole. The
 * message reads {@code "field 3: expected a finite number, found 'abc'"}, or without the
 * {@code "field N: "} prefix when the row as a whole is wrong. Callers add the file and line.
 */
public final class FieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@link #field()} value meaning the row as a whole, e.g. its number of fields. */
  public static final int WHOLE_ROW = 0;

  private final int field;
  private final String expected;
  private final String found;

  /**
   * @param field the 1-based field number within the row, or {@link #WHOLE_ROW}
   * @param expected what the field or row should be, e.g. {@code "a finite number"}
   * @param found what it is, e.g. {@code "'abc'"} (field text is quoted by the caller)
   */
  public FieldException(int field, String expected, String found) {
    super((field == WHOLE_ROW ? "" : "field " + field + ": ") + "expected " + expected + ", found " + found);
    if (field < WHOLE_ROW) {
      throw new IllegalArgumentException("field: expected a 1-based number or 0 (whole row), found " + field);
    }
    this.field = field;
    this.expected = expected;
    this.found = found;
  }

  /** The 1-based field number within the row, or {@link #WHOLE_ROW}. */
  public int field() {
    return field;
  }

  /** What the field or row should be, e.g. {@code "a finite number"} or {@code "12289 fields"}. */
  public String expected() {
    return expected;
  }

  /** What it is, e.g. {@code "'abc'"}, {@code "an empty field"} or {@code "12288 fields"}. */
  public String found() {
    return found;
  }
}
