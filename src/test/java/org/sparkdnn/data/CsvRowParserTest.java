package org.sparkdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRowParserTest {

  private static final CsvFormat CSV = CsvFormat.defaults();
  private static final FeatureScaling NONE = FeatureScaling.none();

  private static double[] parse(CsvRowParser parser, String line, double[] expectedLabel) {
    double[] features = new double[parser.numFeatures()];
    expectedLabel[0] = parser.parse(line, features, 0);
    return features;
  }

  private static FieldException fails(CsvRowParser parser, String line) {
    return assertThrows(FieldException.class, () -> parser.parse(line, new double[parser.numFeatures()], 0));
  }

  private static void assertFieldError(FieldException e, int field, String expected, String found) {
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(expected, e.expected(), e.getMessage());
    assertEquals(found, e.found(), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(found), e.getMessage());
  }

  private static void assertBitsEqual(double expected, double actual, String what) {
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
      fail(what + ": expected " + expected + ", found " + actual);
    }
  }

  // ---- well-formed rows ----

  @Test
  void parsesLabelFirstWithScaling() {
    CsvRowParser p = new CsvRowParser(CSV, 3, FeatureScaling.parse("255"));
    double[] label = new double[1];
    double[] f = parse(p, "1,0,255,17", label);
    assertEquals(1.0, label[0]);
    assertArrayEquals(new double[] {0.0, 1.0, 17 / 255.0}, f);
    assertBitsEqual(17 / 255.0, f[2], "17/255");
    assertBitsEqual(Double.parseDouble("17") / 255.0, f[2], "parsed 17/255");
  }

  @Test
  void writesAtOffsetAndLeavesTheRestAlone() {
    CsvRowParser p = new CsvRowParser(CSV, 2, NONE);
    double[] features = {-7, -7, -7, -7, -7};
    assertEquals(0.0, p.parse("0,3.5,-2", features, 2));
    assertArrayEquals(new double[] {-7, -7, 3.5, -2, -7}, features);
  }

  @Test
  void labelInTheMiddle() {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(2), 4, NONE);
    double[] label = new double[1];
    assertArrayEquals(new double[] {10, 11, 13, 14}, parse(p, "10,11,1,13,14", label));
    assertEquals(1.0, label[0]);
  }

  @Test
  void labelLast() {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(3), 3, NONE);
    double[] label = new double[1];
    assertArrayEquals(new double[] {10, 11, 12}, parse(p, "10,11,12,0", label));
    assertEquals(0.0, label[0]);
    assertThrows(IllegalArgumentException.class, () -> new CsvRowParser(CSV.withLabelColumn(3), 2, NONE));
  }

  @Test
  void noLabelReturnsNaN() {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(CsvFormat.NO_LABEL), 3, NONE);
    assertEquals(3, p.numFields());
    double[] label = new double[1];
    assertArrayEquals(new double[] {1, 0, 2}, parse(p, "1,0,2", label));
    assertTrue(Double.isNaN(label[0]));
    assertFieldError(fails(p, "1,0,2,3"), 0, "3 fields separated by ','", "4 fields");
  }

  @Test
  void singleFeatureWithoutLabel() {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(CsvFormat.NO_LABEL), 1, NONE);
    double[] label = new double[1];
    assertArrayEquals(new double[] {42}, parse(p, " 42 ", label));
    assertFieldError(fails(p, "1,2"), 0, "1 fields separated by ','", "2 fields");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1,2,3\r",              // Windows line ending
    "\uFEFF1,2,3",          // UTF-8 byte order mark on a file's first line
    "\uFEFF1,2,3\r",
    " 1 , 2\t,3  ",         // spaces and tabs around fields
    "1,2,3 \t \r",          // trailing whitespace
    "\t1,+2,3.",
  })
  void acceptsHarmlessDecoration(String line) {
    CsvRowParser p = new CsvRowParser(CSV, 2, NONE);
    double[] label = new double[1];
    assertArrayEquals(new double[] {2, 3}, parse(p, line, label));
    assertEquals(1.0, label[0]);
  }

  @Test
  void tabDelimitedWithSpaces() {
    CsvRowParser p = new CsvRowParser(CSV.withDelimiter('\t'), 2, NONE);
    double[] label = new double[1];
    assertArrayEquals(new double[] {2.5, -3}, parse(p, "0\t 2.5 \t-3 \r", label));
    assertEquals(0.0, label[0]);
    assertFieldError(fails(p, "0,2.5,-3"), 0, "3 fields separated by '\\t'", "1 field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "-0", "+0", "0e5", "00", ".0", "0."})
  void acceptsLabelZero(String text) {
    CsvRowParser p = new CsvRowParser(CSV, 1, NONE);
    double label = p.parse(text + ",5", new double[1], 0);
    assertBitsEqual(0.0, label, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "1e0", "+1", "1.", "01", "10e-1", " 1 "})
  void acceptsLabelOne(String text) {
    CsvRowParser p = new CsvRowParser(CSV, 1, NONE);
    assertEquals(1.0, p.parse(text + ",5", new double[1], 0));
  }

  @Test
  void labelIsNotScaled() {
    CsvRowParser p = new CsvRowParser(CSV, 1, FeatureScaling.divideBy(255));
    double[] f = new double[1];
    assertEquals(1.0, p.parse("1,255", f, 0));
    assertEquals(1.0, f[0]);
  }

  // ---- malformed rows ----

  @Test
  void wrongNumberOfFields() {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    assertFieldError(fails(p, "1,2,3"), 0, "4 fields separated by ','", "3 fields");
    assertFieldError(fails(p, "1,2,3,4,5"), 0, "4 fields separated by ','", "5 fields");
    assertFieldError(fails(p, "1"), 0, "4 fields separated by ','", "1 field");
    assertEquals("expected 4 fields separated by ',', found 3 fields", fails(p, "1,2,3").getMessage());
  }

  @Test
  void wrongNumberOfFieldsIsReportedBeforeABadField() {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    // a wrong delimiter makes the whole line one non-numeric field
    assertFieldError(fails(p, "1;2;3;4"), 0, "4 fields separated by ','", "1 field");
    assertFieldError(fails(p, "1,abc,3"), 0, "4 fields separated by ','", "3 fields");
    assertFieldError(fails(p, "1,,3,4,5"), 0, "4 fields separated by ','", "5 fields");
  }

  @Test
  void wideRowsCountFields() {
    int n = 12288;
    CsvRowParser p = new CsvRowParser(CSV, n, FeatureScaling.divideBy(255));
    StringBuilder row = new StringBuilder("1");
    for (int i = 0; i < n; i++) {
      row.append(',').append(i % 256);
    }
    double[] f = new double[n];
    assertEquals(1.0, p.parse(row.toString(), f, 0));
    for (int i = 0; i < n; i++) {
      assertBitsEqual((i % 256) / 255.0, f[i], "feature " + i);
    }
    String shortRow = row.substring(0, row.lastIndexOf(","));
    assertFieldError(fails(p, shortRow), 0, "12289 fields separated by ','", "12288 fields");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\r", "\t \r", "\uFEFF", "\uFEFF \r"})
  void blankLine(String line) {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    FieldException e = fails(p, line);
    assertFieldError(e, 0, "a row of 4 fields", "a blank line");
    assertEquals("expected a row of 4 fields, found a blank line", e.getMessage());
  }

  @Test
  void emptyField() {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    assertFieldError(fails(p, "1,2,,4"), 3, "a finite number", "an empty field");
    assertFieldError(fails(p, "1,2, \t ,4"), 3, "a finite number", "an empty field");
    assertFieldError(fails(p, "1,2,3,"), 4, "a finite number", "an empty field");
    assertFieldError(fails(p, ",2,3,4"), 1, "label 0 or 1", "an empty field");
    assertEquals("field 4: expected a finite number, found an empty field", fails(p, "1,2,3,").getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.2.3", "0x10", "1d", "1f", "1e", "1e+", "e5", "--1", "+-1", "-", "+", ".", "..",
    "1 2", "1'5", "٣", "1_000", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e400", "-1e309"})
  void nonNumericOrNonFiniteField(String text) {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    FieldException e = fails(p, "0,1," + text + ",3");
    assertFieldError(e, 3, "a finite number", "'" + text + "'");
    assertEquals("field 3: expected a finite number, found '" + text + "'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "-1", "cat", "0.5", "1.0000001", "NaN", "Infinity", "1e400", "true"})
  void labelNotZeroOrOne(String text) {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(1), 2, NONE);
    FieldException e = fails(p, "7," + text + ",8");
    assertFieldError(e, 2, "label 0 or 1", "'" + text + "'");
    assertEquals("field 2: expected label 0 or 1, found '" + text + "'", e.getMessage());
  }

  @Test
  void longFieldTextIsTruncatedInMessages() {
    CsvRowParser p = new CsvRowParser(CSV, 1, NONE);
    String garbage = "x".repeat(1000);
    FieldException e = fails(p, "0," + garbage);
    assertFieldError(e, 2, "a finite number", "'" + "x".repeat(40) + "...' (1000 characters)");
  }

  @Test
  void featuresArrayMustHaveRoom() {
    CsvRowParser p = new CsvRowParser(CSV, 3, NONE);
    assertThrows(IndexOutOfBoundsException.class, () -> p.parse("1,2,3,4", new double[3], 1));
    assertThrows(IndexOutOfBoundsException.class, () -> p.parse("1,2,3,4", new double[3], -1));
  }

  @Test
  void constructorValidation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvRowParser(CSV, 0, NONE));
    assertTrue(e.getMessage().contains("expected 1..2147483646, found 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CsvRowParser(CSV.withLabelColumn(5), 4, NONE));
    assertEquals("label column: expected 0..4 for 4 features plus a label, found 5", e.getMessage());
    assertThrows(NullPointerException.class, () -> new CsvRowParser(null, 4, NONE));
    assertThrows(NullPointerException.class, () -> new CsvRowParser(CSV, 4, null));
  }

  @Test
  void aLineOfWordsLooksLikeAHeader() {
    assertTrue(CsvRowParser.looksLikeHeader("label,x1,x2", ','));
    assertTrue(CsvRowParser.looksLikeHeader("\uFEFF label , pixel 1\tx2 \r", ','));
    assertTrue(CsvRowParser.looksLikeHeader("y\tx", '\t'));
  }

  @Test
  void aLineWithANumberOrAnEmptyFieldDoesNotLookLikeAHeader() {
    assertFalse(CsvRowParser.looksLikeHeader("cat,1.2,3.5", ','));
    assertFalse(CsvRowParser.looksLikeHeader("label,x1,2", ','));
    assertFalse(CsvRowParser.looksLikeHeader("label,,x2", ','));
    assertFalse(CsvRowParser.looksLikeHeader("", ','));
    assertFalse(CsvRowParser.looksLikeHeader("0,1.5,-2", ','));
    assertFalse(CsvRowParser.looksLikeHeader("0;1.5;-2", ','));
  }

  @Test
  void countFields() {
    assertEquals(1, CsvRowParser.countFields("", ','));
    assertEquals(1, CsvRowParser.countFields("abc", ','));
    assertEquals(3, CsvRowParser.countFields("1,2,3", ','));
    assertEquals(4, CsvRowParser.countFields("1,2,3,", ','));
    assertEquals(2, CsvRowParser.countFields("1\t2,3", '\t'));
  }

  @Test
  void serializes() throws IOException, ClassNotFoundException {
    CsvRowParser p = new CsvRowParser(CSV.withLabelColumn(2), 3, FeatureScaling.divideBy(255));
    CsvRowParser copy = (CsvRowParser) CsvFormatTest.roundTrip(p);
    double[] f = new double[3];
    assertEquals(1.0, copy.parse("51,102,1,255", f, 0));
    assertArrayEquals(new double[] {51 / 255.0, 102 / 255.0, 1.0}, f);
    assertEquals(p.toString(), copy.toString());
  }

  // ---- FieldException ----

  @Test
  void fieldExceptionMessages() {
    FieldException e = new FieldException(3, "a finite number", "'abc'");
    assertEquals("field 3: expected a finite number, found 'abc'", e.getMessage());
    e = new FieldException(FieldException.WHOLE_ROW, "12289 fields", "12288 fields");
    assertEquals("expected 12289 fields, found 12288 fields", e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> new FieldException(-1, "x", "y"));
    assertTrue(bad.getMessage().contains("found -1"), bad.getMessage());
  }

  // ---- number parsing equals Double.parseDouble bit for bit ----

  private static void assertParsesLikeJdk(String text) {
    double expected = Double.parseDouble(text);
    assertBitsEqual(expected, Decimal.parse(text, 0, text.length()), "'" + text + "'");
    String padded = "[" + text + "]";
    assertBitsEqual(expected, Decimal.parse(padded, 1, padded.length() - 1), "substring '" + text + "'");
  }

  @Test
  void integersParseLikeJdk() {
    List<String> texts = new ArrayList<>(List.of("0", "-0", "+0", "00", "-000", "1", "-1", "255", "007",
        "999999999999999", "-999999999999999", "1000000000000000", "9007199254740991", "9007199254740992",
        "9007199254740993", "-9007199254740993", "9007199254740995", "18014398509481985",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999999",
        "123456789012345678901234567890123456789", "0000000000000000000000000000012"));
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      long v = random.nextLong() >> random.nextInt(64);
      texts.add(Long.toString(v));
    }
    for (String t : texts) {
      assertParsesLikeJdk(t);
    }
  }

  @Test
  void decimalsParseLikeJdk() {
    List<String> texts = new ArrayList<>(List.of("0.1", "-0.0", "0.0", ".5", "5.", "-.5", "+.5", "0.3",
        "2.2250738585072014E-308", "4.9e-324", "1e-400", "1.7976931348623157e308", "1e22", "1e23",
        "0.1234567890123456789", "9007199254740993.0", "900719925474099.3", "0.0000000000000000000001",
        "0.00000000000000000000001", "1.00000000000000011102230246251565404236316680908203125",
        "123.456e-7", "1E5", "1e+5", "-2.5E-3"));
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      long mantissa = random.nextLong() >>> (1 + random.nextInt(63));
      String digits = Long.toString(mantissa);
      int point = random.nextInt(digits.length() + 1);
      String t = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
      if (t.endsWith(".") && random.nextBoolean()) {
        t += "0";
      }
      if (random.nextInt(10) == 0) {
        t += "e" + (random.nextInt(80) - 40);
      }
      texts.add(t.equals(".") || t.equals("-.") ? "0" : t);
      texts.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
      texts.add(Double.toString(random.nextInt(256) / 255.0));
    }
    for (String t : texts) {
      assertParsesLikeJdk(t);
    }
  }

  @Test
  void parserValuesEqualJdkForManyFields() {
    Random random = new Random(3);
    int n = 1000;
    StringBuilder row = new StringBuilder("0");
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      String t = switch (i % 4) {
        case 0 -> Integer.toString(random.nextInt(256));
        case 1 -> Long.toString(random.nextLong());
        case 2 -> Double.toString(random.nextGaussian());
        default -> Double.toString(random.nextGaussian() * 1e-30);
      };
      expected[i] = Double.parseDouble(t) / 255.0;
      row.append(',').append(t);
    }
    double[] f = new double[n];
    new CsvRowParser(CSV, n, FeatureScaling.divideBy(255)).parse(row.toString(), f, 0);
    for (int i = 0; i < n; i++) {
      assertBitsEqual(expected[i], f[i], "feature " + i);
    }
  }
}
