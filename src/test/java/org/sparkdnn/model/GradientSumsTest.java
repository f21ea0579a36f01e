package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientSumsTest {
  private static final Architecture ARCH = Architecture.of(new int[] {3, 2, 1},
      List.of(Activation.RELU, Activation.SIGMOID)); // 11 parameters
  private static final Architecture BIG = Architecture.withHidden(new int[] {12288, 20, 7, 5, 1},
      Activation.RELU);

  @Test
  void emptyHoldsNothing() {
    GradientSums empty = GradientSums.empty(ARCH);
    assertEquals(0, empty.count());
    assertEquals(0.0, empty.costSum());
    IllegalStateException e = assertThrows(IllegalStateException.class, empty::values);
    assertTrue(e.getMessage().contains("no samples"), e.getMessage());
  }

  @Test
  void mergingEmptiesStaysLazy() {
    GradientSums a = GradientSums.empty(ARCH);
    assertSame(a, a.merge(GradientSums.empty(ARCH)), "merge returns this");
    assertEquals(0, a.count());
    assertThrows(IllegalStateException.class, a::values, "no array allocated by merging empties");
  }

  @Test
  void emptyIsSmallWhateverTheModelSize() throws IOException {
    // The zero value of a Spark aggregation is serialised to every task: it must not carry a model-sized array.
    int emptyBytes = serialize(GradientSums.empty(ARCH)).length;
    GradientSums full = GradientSums.empty(BIG);
    full.allocated();
    assertTrue(emptyBytes < 200, "empty sums serialise to " + emptyBytes + " bytes");
    assertTrue(serialize(full).length > 8 * BIG.numParameters(), "full sums carry their array");
  }

  @Test
  void mergeIntoEmptyCopiesAndLeavesTheOtherAsItWas() {
    GradientSums other = filled(1.0, 2.5, 4);
    GradientSums target = GradientSums.empty(ARCH).merge(other);
    assertNotSame(other.values(), target.values(), "must copy, not alias, the other's array");
    assertArrayEquals(other.values(), target.values());
    assertEquals(2.5, target.costSum());
    assertEquals(4, target.count());
    target.values()[0] = 100.0;
    assertEquals(1.0, other.values()[0], "other untouched by later merges into target");
    assertEquals(2.5, other.costSum());
    assertEquals(4, other.count());
  }

  @Test
  void mergeAddsValuesCostsAndCounts() {
    GradientSums a = filled(1.0, 2.0, 3);
    GradientSums b = filled(0.5, 0.25, 5);
    double[] bBefore = b.values().clone();
    assertSame(a, a.merge(b));
    for (int i = 0; i < ARCH.numParameters(); i++) {
      assertEquals((i + 1.0) + (i + 1.0) * 0.5, a.values()[i], 0.0, "value " + i);
    }
    assertEquals(2.25, a.costSum());
    assertEquals(8, a.count());
    assertEquals(2.25 / 8, a.cost());
    assertArrayEquals(bBefore, b.values(), "the merged-in sums are left as they were");
    // merging an empty changes nothing
    double[] before = a.values().clone();
    a.merge(GradientSums.empty(ARCH));
    assertArrayEquals(before, a.values());
    assertEquals(8, a.count());
  }

  @Test
  void mergeOfDifferentSizesIsRejected() {
    GradientSums a = filled(1.0, 1.0, 1); // 11 values
    GradientSums b = GradientSums.empty(Architecture.withHidden(new int[] {4, 1}, Activation.SIGMOID));
    b.allocated(); // 5 values
    b.addSamples(1.0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains("5 values"), e.getMessage());
    assertTrue(e.getMessage().contains("sums of 11"), e.getMessage());
    assertEquals(1, a.count(), "count unchanged after a rejected merge");
  }

  @Test
  void valuesForTheirArchitectureAllocateOnceAndTheArchitectureIsKept() throws IOException, ClassNotFoundException {
    GradientSums s = GradientSums.empty(ARCH);
    double[] v = s.allocated();
    assertEquals(11, v.length);
    assertSame(v, s.allocated());
    assertSame(v, s.values());
    assertSame(ARCH, s.architecture());
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(GradientSums.empty(BIG))))) {
      assertEquals(BIG, ((GradientSums) in.readObject()).architecture());
    }
  }

  @Test
  void dWAndDbAreViewsAtTheParameterOffsets() {
    GradientSums s = GradientSums.empty(ARCH);
    s.dW(1).set(1, 2, 3.0); // W1 (2, 3): index 1 + 2·2 = 5
    s.db(1).set(1, 0, 4.0); // b1 at 6: index 7
    s.dW(2).set(0, 1, 5.0); // W2 at 8: index 9
    s.db(2).set(0, 0, 6.0); // b2: index 10
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 3, 0, 4, 0, 5, 6}, s.values());
    assertEquals("(2, 3)", s.dW(1).shape());
    assertEquals("(1, 1)", s.db(2).shape());
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    GradientSums s = filled(2.0, 7.5, 9);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(s)))) {
      GradientSums back = (GradientSums) in.readObject();
      assertArrayEquals(s.values(), back.values());
      assertEquals(7.5, back.costSum());
      assertEquals(9, back.count());
    }
  }

  /** Sums whose values are (i + 1)·scale. */
  private static GradientSums filled(double scale, double cost, int count) {
    GradientSums s = GradientSums.empty(ARCH);
    double[] v = s.allocated();
    for (int i = 0; i < v.length; i++) {
      v[i] = (i + 1) * scale;
    }
    s.addSamples(cost, count);
    return s;
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }
}
