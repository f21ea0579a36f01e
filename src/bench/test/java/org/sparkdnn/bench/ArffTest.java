package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArffTest {
  /** The shape of Weka's diabetes.arff: comments, quoted names, a class with spaces in its braces. */
  private static final List<String> DIABETES = List.of("% Pima Indians", "%", "@relation pima_diabetes",
      "@attribute 'preg' numeric", "@attribute 'mass' real", "@attribute 'class' { tested_negative, tested_positive}",
      "@data", "6,33.6,tested_positive", "1,26.6,tested_negative", "", "8,-1.5e-3,'tested_positive'", "%");

  @Test
  void readsNumericAttributesAndTheClassAsLabelOneForThePositiveValue() {
    LabelledTable table = Arff.parse(DIABETES, "diabetes.arff", "tested_positive");
    assertEquals(3, table.numExamples());
    assertEquals(2, table.numFeatures());
    assertArrayEquals(new double[] {6, 33.6}, table.features()[0]);
    assertArrayEquals(new double[] {8, -1.5e-3}, table.features()[2]);
    assertArrayEquals(new int[] {1, 0, 1}, table.labels());
    assertEquals("tested_negative", table.negativeClass());
  }

  @Test
  void theFirstClassValueCanBeClassOne() {
    List<String> ionosphere = List.of("@RELATION ionosphere", "@attribute a01 numeric", "@attribute class {b, g}",
        "@DATA", "1,g", "0.5,b");
    LabelledTable table = Arff.parse(ionosphere, "ionosphere.arff", "b");
    assertArrayEquals(new int[] {0, 1}, table.labels());
    assertEquals("g", table.negativeClass());
  }

  @Test
  void aMissingValueIsAnErrorNamingTheLine() {
    List<String> lines = new ArrayList<>(DIABETES);
    lines.set(8, "?,26.6,tested_negative");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arff.parse(lines, "d.arff", "tested_positive"));
    assertTrue(e.getMessage().startsWith("d.arff:9: ") && e.getMessage().contains("missing value (?)"),
        e.getMessage());
  }

  @Test
  void aRowOfAnotherLengthOrAnotherClassIsAnError() {
    List<String> lines = new ArrayList<>(DIABETES);
    lines.set(7, "6,tested_positive");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arff.parse(lines, "d.arff", "tested_positive"));
    assertTrue(e.getMessage().contains("d.arff:8: expected 3 values, found 2"), e.getMessage());
    lines.set(7, "6,33.6,maybe");
    e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(lines, "d.arff", "tested_positive"));
    assertTrue(e.getMessage().contains("found 'maybe'"), e.getMessage());
    lines.set(7, "6,NaN,tested_positive");
    e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(lines, "d.arff", "tested_positive"));
    assertTrue(e.getMessage().contains("finite number in column 1, found 'NaN'"), e.getMessage());
  }

  @Test
  void aClassValueThatIsNotThereIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arff.parse(DIABETES, "d.arff", "positive"));
    assertTrue(e.getMessage().contains("expected the class value positive, found [tested_negative, tested_positive]"),
        e.getMessage());
  }

  @Test
  void onlyNumericAttributesThenOneBinaryClassLastAreRead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(
        List.of("@attribute name string", "@attribute class {a, b}", "@data", "x,a"), "s.arff", "a"));
    assertTrue(e.getMessage().contains("s.arff:1: expected a numeric or nominal attribute, found string"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(
        List.of("@attribute class {a, b}", "@attribute x numeric", "@data", "a,1"), "c.arff", "a"));
    assertTrue(e.getMessage().contains("c.arff:2: expected the class attribute last"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(
        List.of("@attribute x numeric", "@attribute class {a, b, c}", "@data", "1,a"), "t.arff", "a"));
    assertTrue(e.getMessage().contains("expected a class of two values, found [a, b, c]"), e.getMessage());
  }

  @Test
  void aFileWithoutRowsIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arff.parse(
        List.of("@attribute x numeric", "@attribute class {a, b}", "@data"), "e.arff", "a"));
    assertEquals("e.arff: expected @data and rows, found no rows", e.getMessage());
  }
}
