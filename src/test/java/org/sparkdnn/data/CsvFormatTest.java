package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormatTest {

  @Test
  void defaults() {
    CsvFormat f = CsvFormat.defaults();
    assertEquals(',', f.delimiter());
    assertFalse(f.header());
    assertEquals(0, f.labelColumn());
    assertTrue(f.hasLabel());
    assertEquals(CsvFormat.DEFAULT_DELIMITER, f.delimiter());
    assertEquals(CsvFormat.DEFAULT_HEADER, f.header());
    assertEquals(CsvFormat.DEFAULT_LABEL_COLUMN, f.labelColumn());
    assertSame(f, CsvFormat.defaults());
  }

  @Test
  void withersReturnCopiesAndLeaveOriginalUnchanged() {
    CsvFormat f = CsvFormat.defaults().withDelimiter(';').withHeader(true).withLabelColumn(7);
    assertEquals(';', f.delimiter());
    assertTrue(f.header());
    assertEquals(7, f.labelColumn());
    assertEquals(CsvFormat.defaults(), CsvFormat.defaults().withDelimiter(','));
    assertEquals(',', CsvFormat.defaults().delimiter());
    assertNotEquals(CsvFormat.defaults(), f);
    assertEquals(f, CsvFormat.defaults().withLabelColumn(7).withHeader(true).withDelimiter(';'));
    assertEquals(f.hashCode(), CsvFormat.defaults().withLabelColumn(7).withHeader(true).withDelimiter(';').hashCode());
  }

  @Test
  void noLabel() {
    CsvFormat f = CsvFormat.defaults().withLabelColumn(CsvFormat.NO_LABEL);
    assertEquals(-1, f.labelColumn());
    assertFalse(f.hasLabel());
    assertTrue(f.toString().contains("labelColumn=none"), f.toString());
  }

  @ParameterizedTest
  @ValueSource(chars = {'\t', ';', '|', ':', '#'})
  void acceptsDelimiters(char c) {
    assertEquals(c, CsvFormat.defaults().withDelimiter(c).delimiter());
  }

  @ParameterizedTest
  @ValueSource(chars = {'0', '5', '9', '.', '-', '+', 'e', 'E'})
  void rejectsNumericDelimiters(char c) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvFormat.defaults().withDelimiter(c));
    assertTrue(e.getMessage().contains("expected a character that cannot occur in a number"), e.getMessage());
    assertTrue(e.getMessage().contains("found '" + c + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(chars = {' ', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003'})
  void rejectsWhitespaceDelimitersOtherThanTab(char c) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvFormat.defaults().withDelimiter(c));
    assertTrue(e.getMessage().contains("whitespace other than tab"), e.getMessage());
    assertTrue(e.getMessage().contains(String.format("found U+%04X", (int) c)), e.getMessage());
  }

  @Test
  void rejectsLabelColumnBelowNoLabel() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvFormat.defaults().withLabelColumn(-2));
    assertTrue(e.getMessage().contains("expected a 0-based index >= 0 or -1 (no label)"), e.getMessage());
    assertTrue(e.getMessage().contains("found -2"), e.getMessage());
  }

  @Test
  void toStringSpellsOutTab() {
    assertEquals("CsvFormat[delimiter='\\t', header=true, labelColumn=3]",
        CsvFormat.defaults().withDelimiter('\t').withHeader(true).withLabelColumn(3).toString());
  }

  @Test
  void serializes() throws IOException, ClassNotFoundException {
    CsvFormat f = CsvFormat.defaults().withDelimiter('\t').withHeader(true).withLabelColumn(4);
    assertEquals(f, roundTrip(f));
  }

  static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
