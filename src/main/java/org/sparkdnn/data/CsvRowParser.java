package org.sparkdnn.data;

import java.io.Serializable;
import java.util.Objects;

/**
 * Parses one line of a delimited data file into scaled features and a 0/1 label, scanning the line
 * once without splitting or regular expressions. Harmless decoration is accepted: a UTF-8 byte
 * order mark at the start of the line, a trailing {@code '\r'}, and whitespace (as
 * {@link String#trim}) around fields. Fields must be plain decimal numbers ({@code 17},
 * {@code -0.5}, {@code 1e-3}); values are bit-identical to {@link Double#parseDouble}. Immutable and
 * thread-safe.
 */
public final class CsvRowParser implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /** Longest field text quoted in full in error messages. */
  private static final int MAX_QUOTED_LENGTH = 40;

  private static final String NUMBER = "a finite number";
  private static final String LABEL = "label 0 or 1";

  private final CsvFormat format;
  private final int numFeatures;
  private final FeatureScaling scaling;
  private final int numFields;

  /**
   * @param format the file layout; its label column must lie within the row
   * @param numFeatures the number of feature fields per row, at least 1
   * @param scaling the scaling applied to every feature (not to the label)
   */
  public CsvRowParser(CsvFormat format, int numFeatures, FeatureScaling scaling) {
    this.format = Objects.requireNonNull(format, "format");
    this.scaling = Objects.requireNonNull(scaling, "scaling");
    if (numFeatures < 1 || numFeatures == Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "number of features: expected 1.." + (Integer.MAX_VALUE - 1) + ", found " + numFeatures);
    }
    this.numFeatures = numFeatures;
    this.numFields = format.hasLabel() ? numFeatures + 1 : numFeatures;
    if (format.labelColumn() >= numFields) {
      throw new IllegalArgumentException("label column: expected 0.." + (numFields - 1) + " for "
          + numFeatures + " features plus a label, found " + format.labelColumn());
    }
  }

  /** The file layout. */
  public CsvFormat format() {
    return format;
  }

  /** The number of feature fields per row. */
  public int numFeatures() {
    return numFeatures;
  }

  /** The scaling applied to features. */
  public FeatureScaling scaling() {
    return scaling;
  }

  /** The number of fields per row: {@link #numFeatures()}, plus one if rows carry a label. */
  public int numFields() {
    return numFields;
  }

  /**
   * Parses one line, without its line terminator, writing the {@link #numFeatures()} scaled
   * features in column order (skipping the label) to {@code features[offset ..]}.
   *
   * @return the label, 0.0 or 1.0, or NaN if the format has {@link CsvFormat#NO_LABEL}
   * @throws FieldException if the line is blank, has the wrong number of fields (reported in
   *     preference to a bad field), or has an empty, non-numeric or non-finite field or a label
   *     other than 0 or 1; the target range of {@code features} is then partly overwritten
   * @throws IndexOutOfBoundsException if {@code features} has no room for the features at
   *     {@code offset}
   */
  public double parse(String line, double[] features, int offset) {
    Objects.checkFromIndexSize(offset, numFeatures, features.length);
    int end = line.length();
    int start = end > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    if (isBlank(line, start, end)) {
      throw blankLineError();
    }
    char delimiter = format.delimiter();
    int labelColumn = format.labelColumn();
    double label = Double.NaN;
    int out = offset;
    int last = numFields - 1;
    for (int field = 0; field <= last; field++) {
      int stop = line.indexOf(delimiter, start);
      boolean lastField = field == last;
      if (lastField != (stop < 0)) {
        throw wrongFieldCount(line);
      }
      if (lastField) {
        stop = end;
      }
      int s = start;
      int e = stop;
      while (s < e && line.charAt(s) <= ' ') {
        s++;
      }
      while (e > s && line.charAt(e - 1) <= ' ') {
        e--;
      }
      boolean isLabel = field == labelColumn;
      if (s == e) {
        throw fieldError(line, field, isLabel ? LABEL : NUMBER, "an empty field");
      }
      double value = Decimal.parse(line, s, e);
      if (isLabel) {
        if (value == 0.0) {
          label = 0.0;
        } else if (value == 1.0) {
          label = 1.0;
        } else {
          throw fieldError(line, field, LABEL, quote(line, s, e));
        }
      } else if (Double.isFinite(value)) {
        features[out++] = scaling.apply(value);
      } else {
        throw fieldError(line, field, NUMBER, quote(line, s, e));
      }
      start = stop + 1;
    }
    return label;
  }

  /**
   * Counts the fields of a line: one more than the number of delimiters. A blank line counts as
   * one (empty) field.
   */
  public static int countFields(String line, char delimiter) {
    int count = 1;
    for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + 1)) {
      count++;
    }
    return count;
  }

  /**
   * Whether a line reads as a header rather than data: every field, trimmed, is a name, i.e. text with a letter
   * that is not a number (e.g. {@code label,x1,x2}; not {@code 0;1.5;2}, data with another delimiter).
   */
  public static boolean looksLikeHeader(String line, char delimiter) {
    int start = !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    while (true) {
      int stop = line.indexOf(delimiter, start);
      int e = stop < 0 ? line.length() : stop;
      int s = start;
      while (s < e && line.charAt(s) <= ' ') {
        s++;
      }
      while (e > s && line.charAt(e - 1) <= ' ') {
        e--;
      }
      if (!isName(line, s, e)) {
        return false;
      }
      if (stop < 0) {
        return true;
      }
      start = stop + 1;
    }
  }

  private static boolean isName(String line, int start, int end) {
    if (!Double.isNaN(Decimal.parse(line, start, end))) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (Character.isLetter(line.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The error for a blank line where a row is expected. */
  public FieldException blankLineError() {
    return new FieldException(FieldException.WHOLE_ROW, "a row of " + numFields + " fields", "a blank line");
  }

  /** Whether {@code line} holds nothing but white space (after a byte-order mark, if any). */
  public static boolean isBlank(String line) {
    int start = !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    return isBlank(line, start, line.length());
  }

  private static boolean isBlank(String line, int start, int end) {
    for (int i = start; i < end; i++) {
      if (line.charAt(i) > ' ') {
        return false;
      }
    }
    return true;
  }

  /** The error for a bad field, unless the row has the wrong number of fields, which is reported instead. */
  private FieldException fieldError(String line, int field, String expected, String found) {
    if (countFields(line, format.delimiter()) != numFields) {
      return wrongFieldCount(line);
    }
    return new FieldException(field + 1, expected, found);
  }

  private FieldException wrongFieldCount(String line) {
    int count = countFields(line, format.delimiter());
    return new FieldException(FieldException.WHOLE_ROW,
        numFields + " fields separated by " + CsvFormat.describe(format.delimiter()),
        count + (count == 1 ? " field" : " fields"));
  }

  private static String quote(String line, int start, int end) {
    if (end - start <= MAX_QUOTED_LENGTH) {
      return "'" + line.substring(start, end) + "'";
    }
    return "'" + line.substring(start, start + MAX_QUOTED_LENGTH) + "...' (" + (end - start) + " characters)";
  }

  @Override
  public String toString() {
    return "CsvRowParser[" + format + ", numFeatures=" + numFeatures + ", scaling=" + scaling + "]";
  }
}
