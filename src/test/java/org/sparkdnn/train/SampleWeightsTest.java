package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.GradientCheck;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Per-sample weights ({@code --weight-col}) on the class-weight golden cases' data: the weighted mean gradient is
 * the derivative of the weighted mean cost (alone and times class weights, with the case's L2), integer weights are
 * duplicated samples, weights of 1 are no weights bit for bit (float64 and float32), and class weights times sample
 * weights are the products as sample weights.
 */
class SampleWeightsTest {

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void theMeanGradientIsTheDerivativeOfTheWeightedMeanCost(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    for (ClassWeights classWeights : Arrays.asList(null, new ClassWeights(0.5, 3.0))) {
      GradientSource source = source(golden, weighted(golden), classWeights);
      Parameters p = golden.parameters("parameters");
      assertTrue(source.gradientSums(p).sampleWeighted(), name);
      GradientCheck.assertGradients(source, p, name + " " + classWeights);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void integerWeightsAreDuplicatedSamples(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    ColumnBlock weighted = weighted(golden);
    double[] w = weighted.weights();
    int n = weighted.numFeatures();
    int copies = (int) Arrays.stream(w).sum();
    double[] x = new double[copies * n];
    double[] y = new double[copies];
    int at = 0;
    for (int j = 0; j < w.length; j++) {
      for (int k = 0; k < (int) w[j]; k++) {
        System.arraycopy(weighted.X().data(), j * n, x, at * n, n);
        y[at++] = weighted.labels()[j];
      }
    }
    Parameters p = golden.parameters("parameters");
    GradientSums byWeight = source(golden, weighted, null).gradientSums(p);
    GradientSums byCopies = source(golden, new ColumnBlock(n, x, y), null).gradientSums(p);
    assertEquals(byCopies.count(), byWeight.divisor(), 0.0, name);
    assertClose(byCopies.cost(), byWeight.cost(), 1e-12, 1e-15, name + " cost");
    double[] meanByWeight = byWeight.values().clone();
    double[] meanByCopies = byCopies.values().clone();
    for (int i = 0; i < meanByWeight.length; i++) {
      meanByWeight[i] /= byWeight.divisor();
      meanByCopies[i] /= byCopies.divisor();
    }
    assertClose(meanByCopies, meanByWeight, 1e-12, 1e-15, name + " gradients", p.architecture());
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void weightsOfOneGiveTheUnweightedBits(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    ColumnBlock plain = block(golden);
    double[] ones = new double[plain.numColumns()];
    Arrays.fill(ones, 1.0);
    ColumnBlock weighted = new ColumnBlock(plain.numFeatures(), plain.X().data(), plain.labels(), ones);
    Parameters p = golden.parameters("parameters");
    for (boolean float32 : new boolean[] {false, true}) {
      GradientSums unweighted = GradientSums.empty(p.architecture());
      new BlockPasses(p).accumulateGradients(float32 ? plain.toFloat32() : plain, unweighted);
      GradientSums withOnes = GradientSums.empty(p.architecture());
      new BlockPasses(p).accumulateGradients(float32 ? weighted.toFloat32() : weighted, withOnes);
      assertFalse(unweighted.sampleWeighted());
      assertTrue(withOnes.sampleWeighted());
      assertEquals(unweighted.cost(), withOnes.cost(), 0.0, name);
      assertEquals(unweighted.divisor(), withOnes.divisor(), 0.0, name);
      assertArrayEquals(unweighted.values(), withOnes.values(), 0.0, name + (float32 ? " float32" : ""));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void classWeightsMultiplyTheSampleWeights(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    ColumnBlock weighted = weighted(golden);
    ClassWeights classWeights = new ClassWeights(0.5, 3.0);
    double[] products = new double[weighted.numColumns()];
    for (int j = 0; j < products.length; j++) {
      products[j] = weighted.weights()[j] * classWeights.of(weighted.labels()[j]);
    }
    Parameters p = golden.parameters("parameters");
    GradientSums both = new LocalGradientSource(List.of(weighted), null, classWeights).gradientSums(p);
    GradientSums asSampleWeights = new LocalGradientSource(List.of(new ColumnBlock(weighted.numFeatures(),
        weighted.X().data(), weighted.labels(), products))).gradientSums(p);
    assertEquals(Arrays.stream(products).sum(), both.divisor(), 1e-12, name);
    assertEquals(asSampleWeights.divisor(), both.divisor(), 0.0, name);
    assertEquals(asSampleWeights.cost(), both.cost(), 0.0, name);
    assertArrayEquals(asSampleWeights.values(), both.values(), 0.0, name);
  }

  private static ColumnBlock block(GoldenFile golden) {
    Matrix x = golden.matrix("X");
    return new ColumnBlock(x.rows(), x.data().clone(), golden.vector("Y"));
  }

  /** The golden samples weighted 0, 1, 2, 3, 0, 1, ... (a zero weight leaves a sample out). */
  private static ColumnBlock weighted(GoldenFile golden) {
    ColumnBlock block = block(golden);
    double[] w = new double[block.numColumns()];
    for (int j = 0; j < w.length; j++) {
      w[j] = j % 4;
    }
    return new ColumnBlock(block.numFeatures(), block.X().data(), block.labels(), w);
  }

  /** {@code block} weighted by its own weights and {@code classWeights} (null: none), with the case's L2. */
  private static GradientSource source(GoldenFile golden, ColumnBlock block, ClassWeights classWeights) {
    GradientSource source = new LocalGradientSource(List.of(block), null, classWeights);
    double lambda = golden.number("lambda");
    return lambda > 0 ? new L2Regularized(source, lambda) : source;
  }
}
