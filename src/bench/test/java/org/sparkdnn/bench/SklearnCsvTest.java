package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SklearnCsvTest {
  /** The shape of sklearn/datasets/data/breast_cancer.csv: target 0 is malignant. */
  private static final List<String> BREAST_CANCER = List.of("3,2,malignant,benign", "17.99,1001,0",
      "13.54,566.3,1", "0.05,4254,0", "");

  @Test
  void theNamedTargetIsLabelOneWhicheverIndexItHas() {
    LabelledTable malignant = SklearnCsv.parse(BREAST_CANCER, "bc.csv", "malignant");
    assertArrayEquals(new int[] {1, 0, 1}, malignant.labels());
    assertEquals("benign", malignant.negativeClass());
    assertArrayEquals(new double[] {0.05, 4254}, malignant.features()[2]);
    assertArrayEquals(new int[] {0, 1, 0}, SklearnCsv.parse(BREAST_CANCER, "bc.csv", "benign").labels());
  }

  @Test
  void rowsMustMatchTheFirstLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SklearnCsv.parse(List.of("4,2,a,b", "1,2,0"), "x.csv", "a"));
    assertEquals("x.csv: expected 4 rows as line 1 says, found 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SklearnCsv.parse(List.of("1,2,a,b", "1,0"), "x.csv", "a"));
    assertEquals("x.csv:2: expected 3 values, found 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SklearnCsv.parse(List.of("1,2,a,b", "1,2,2"), "x.csv", "a"));
    assertEquals("x.csv:2: expected the target 0 or 1, found '2'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SklearnCsv.parse(List.of("1,2,a,b", "1,Infinity,0"), "x.csv", "a"));
    assertTrue(e.getMessage().startsWith("x.csv:2: expected finite numbers"), e.getMessage());
  }

  @Test
  void theFirstLineNamesTheClasses() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SklearnCsv.parse(List.of("1,2,a,b", "1,2,0"), "x.csv", "c"));
    assertEquals("x.csv:1: expected the class c, found a and b", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SklearnCsv.parse(List.of("m,n,a,b", "1,2,0"), "x.csv", "a"));
    assertTrue(e.getMessage().startsWith("x.csv:1: expected m,n,class 0,class 1"), e.getMessage());
  }
}
