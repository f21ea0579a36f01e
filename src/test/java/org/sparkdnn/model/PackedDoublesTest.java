package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.sparkdnn.linalg.Matrix;

class PackedDoublesTest {
  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void valuesSurviveSerializationBitForBit() throws Exception {
    double[] values = {0.0, -0.0, 1.5, -3.25e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff8000000000123L)};
    double[] back = roundTrip(new PackedDoubles(values)).values();
    assertEquals(values.length, back.length);
    for (int i = 0; i < values.length; i++) {
      assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]), "value " + i);
    }
    assertEquals(0, roundTrip(new PackedDoubles(new double[0])).values().length);
  }

  @Test
  void gradientSumsSurviveSerializationWithTheirArray() throws Exception {
    Architecture arch = Architecture.withHidden(new int[] {3, 2, 1}, Activation.TANH);
    GradientSums sums = GradientSums.empty(arch);
    double[] x = {0.5, -1, 2, 1, 0.25, -0.75};
    Network.accumulateGradients(Initializer.XAVIER.initialize(arch, 4), Matrix.wrap(3, 2, x), new double[] {1, 0},
        0, Workspace.float64(arch, 2), sums);
    GradientSums back = roundTrip(sums);
    assertNotSame(sums.values(), back.values());
    assertArrayEquals(sums.values(), back.values());
    assertEquals(sums.costSum(), back.costSum());
    assertEquals(sums.count(), back.count());
    GradientSums empty = roundTrip(GradientSums.empty(arch));
    assertEquals(0, empty.count());
    assertThrows(IllegalStateException.class, empty::values);
  }

  @Test
  void bulkEncodingIsCompact() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new PackedDoubles(new double[10_000]));
    }
    // 8 bytes a value, plus the stream's block headers (5 bytes a kilobyte) and class descriptor
    assertTrue(bytes.size() >= 80_000 && bytes.size() < 81_000,
        "expected about 8 bytes a value, found " + bytes.size() + " bytes for 10000 values");
  }
}
