package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayerSizesTest {
  @Test
  void countsEveryMatrixProductOfTheGradientPassOnce() {
    // [100,20,7,5,1]: Σ n[l]n[l-1] = 2000 + 140 + 35 + 5 = 2180; without layer 1: 180
    LayerSizes layers = LayerSizes.parse("100,20,7,5,1");
    long m = 1000;
    assertEquals(2.0 * m * 2180, layers.forwardFlops(m));
    assertEquals(2.0 * m * (2180 + 180), layers.backwardFlops(m));
    assertEquals(2.0 * m * (2 * 2180 + 180), layers.gradientFlops(m));
  }

  @Test
  void logisticRegressionHasNoInputGradient() {
    // [12288,1]: dW only, so backward costs the same as forward
    LayerSizes layers = LayerSizes.parse("12288,1");
    assertEquals(layers.forwardFlops(209), layers.backwardFlops(209));
  }

  @Test
  void parameterCountHoldsWeightsAndBiases() {
    assertEquals(20 * 101 + 7 * 21 + 5 * 8 + 6, LayerSizes.parse("100,20,7,5,1").parameterCount());
    assertEquals(245_973, LayerSizes.parse("12288,20,7,5,1").parameterCount());
  }

  @Test
  void printsAndParsesTheSameText() {
    LayerSizes layers = LayerSizes.parse("1000, 256,1");
    assertEquals("[1000,256,1]", layers.toString());
    assertEquals(layers, LayerSizes.parse(layers.csv()));
  }

  @Test
  void refusesAShapeWithoutALayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSizes.parse("100"));
    assertTrue(e.getMessage().contains("L ≥ 1") && e.getMessage().contains("[100]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerSizes.parse("100,0,1"));
    assertTrue(e.getMessage().contains("≥ 1") && e.getMessage().contains("found 0"), e.getMessage());
  }
}
