package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final Activation SIG = Activation.SIGMOID;
  private static final Activation RELU = Activation.RELU;
  private static final Activation TANH = Activation.TANH;

  // ---------------------------------------------------------------- validation

  @Test
  void needsAtLeastTwoSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {5}, List.of()));
    assertContains(e, "at least n[0] and n[1]");
    assertContains(e, "found 1 size");
    e = assertThrows(IllegalArgumentException.class, () -> Architecture.of(new int[0], List.of()));
    assertContains(e, "at least n[0] and n[1]");
    assertContains(e, "found 0 sizes");
    e = assertThrows(IllegalArgumentException.class, () -> Architecture.withHidden(new int[] {7}, RELU));
    assertContains(e, "found 1 size");
  }

  @Test
  void everySizeMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {3, 0, 1}, List.of(RELU, SIG)));
    assertContains(e, "at least 1");
    assertContains(e, "n[1] = 0");
    assertContains(e, "[3, 0, 1]");
    e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {-2, 4, 1}, List.of(RELU, SIG)));
    assertContains(e, "n[0] = -2");
  }

  @Test
  void outputLayerMustHaveOneUnit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {3, 4, 2}, List.of(RELU, SIG)));
    assertContains(e, "1 unit");
    assertContains(e, "n[2] = 2");
  }

  @Test
  void oneActivationPerLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {3, 4, 5, 1}, List.of(RELU, SIG)));
    assertContains(e, "expected 3 activations");
    assertContains(e, "found 2");
    assertContains(e, "[relu, sigmoid]");
    e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {3, 1}, List.of(RELU, SIG)));
    assertContains(e, "expected 1 activations");
    assertContains(e, "found 2");
  }

  @Test
  void outputActivationMustBeSigmoid() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.of(new int[] {3, 4, 1}, List.of(RELU, TANH)));
    assertContains(e, "must be sigmoid");
    assertContains(e, "found tanh");
  }

  @Test
  void tooManyParametersForOneArray() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.withHidden(new int[] {100_000, 30_000, 1}, RELU));
    assertContains(e, "[100000, 30000, 1]");
    assertContains(e, "3000030000 parameters"); // the running count when it overflowed, after W1 and b1
    assertContains(e, "more than one Java array can hold");
  }

  // ---------------------------------------------------------------- layout and accessors

  @Test
  void flatLayoutIsWThenBPerLayer() {
    Architecture arch = Architecture.of(new int[] {4, 3, 2, 1}, List.of(RELU, TANH, SIG));
    assertEquals(3, arch.numLayers());
    assertEquals(4, arch.inputSize());
    // W1 (3, 4): 0..11, b1: 12..14, W2 (2, 3): 15..20, b2: 21..22, W3 (1, 2): 23..24, b3: 25
    assertEquals(0, arch.weightOffset(1));
    assertEquals(12, arch.biasOffset(1));
    assertEquals(15, arch.weightOffset(2));
    assertEquals(21, arch.biasOffset(2));
    assertEquals(23, arch.weightOffset(3));
    assertEquals(25, arch.biasOffset(3));
    assertEquals(26, arch.numParameters());
    assertEquals(RELU, arch.activation(1));
    assertEquals(TANH, arch.activation(2));
    assertEquals(SIG, arch.activation(3));
    assertEquals(List.of(RELU, TANH, SIG), arch.activations());
    assertEquals("4,3,2,1", arch.sizesText());
    assertEquals("relu,tanh,sigmoid", arch.activationsText());
    assertEquals("layers [4,3,2,1], activations [relu,tanh,sigmoid]", arch.toString());
  }

  @Test
  void courseDeepNetHasTheCourseParameterCount() {
    Architecture arch = Architecture.withHidden(new int[] {12288, 20, 7, 5, 1}, RELU);
    // 12288·20 + 20 + 20·7 + 7 + 7·5 + 5 + 5·1 + 1
    assertEquals(245_760 + 20 + 140 + 7 + 35 + 5 + 5 + 1, arch.numParameters());
    assertEquals(List.of(RELU, RELU, RELU, SIG), arch.activations());
  }

  @Test
  void withHiddenOfOneLayerIsLogisticRegression() {
    Architecture arch = Architecture.withHidden(new int[] {12288, 1}, TANH);
    assertEquals(List.of(SIG), arch.activations());
    assertEquals(12289, arch.numParameters());
  }

  @Test
  void isImmutable() {
    int[] sizes = {3, 4, 1};
    List<Activation> activations = new ArrayList<>(List.of(RELU, SIG));
    Architecture arch = Architecture.of(sizes, activations);
    sizes[1] = 99;
    activations.set(0, TANH);
    assertEquals(4, arch.units(1));
    assertEquals(RELU, arch.activation(1));
    int[] copy = arch.sizes();
    copy[0] = 42;
    assertArrayEquals(new int[] {3, 4, 1}, arch.sizes());
    assertThrows(UnsupportedOperationException.class, () -> arch.activations().set(0, TANH));
  }

  @Test
  void equalityIsBySizesAndActivations() {
    Architecture a = Architecture.of(new int[] {3, 4, 1}, List.of(RELU, SIG));
    Architecture same = Architecture.withHidden(new int[] {3, 4, 1}, RELU);
    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    assertNotEquals(a, Architecture.withHidden(new int[] {3, 4, 1}, TANH));
    assertNotEquals(a, Architecture.withHidden(new int[] {3, 5, 1}, RELU));
    assertNotEquals(a, "layers [3,4,1]");
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    Architecture arch = Architecture.withHidden(new int[] {5, 4, 3, 1}, TANH);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(arch);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Architecture back = (Architecture) in.readObject();
      assertEquals(arch, back);
      assertEquals(arch.numParameters(), back.numParameters());
      assertEquals(arch.biasOffset(3), back.biasOffset(3));
    }
  }

  private static void assertContains(Exception e, String part) {
    assertTrue(e.getMessage().contains(part), "message should contain '" + part + "': " + e.getMessage());
  }
}
