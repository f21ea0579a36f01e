package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.BlockPasses;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.GradientCheck;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Class weights against numpy (golden files from {@code src/test/python/gen_class_weight_golden.py}: the weighted
 * cost, mean gradients, one step and one mini-batch epoch, with L2 in one case), the mean gradient against fourth-order
 * central differences of the weighted mean cost, the float32 passes against the double ones, and the weights' checks.
 */
class ClassWeightsTest {
  private static final List<String> CASES = List.of("relu-leaky", "logistic");

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void costGradientsStepAndEpochAreNumpys(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    Architecture arch = golden.architecture();
    ClassWeights weights = weights(golden);
    assertArrayEquals(golden.vector("weights"), new double[] {weights.negative(), weights.positive()}, name);
    Parameters initial = golden.parameters("parameters");
    GradientSums sums = source(golden, weights, null).gradientSums(initial);
    assertClose(golden.number("cost"), sums.cost(), 1e-12, 1e-15, name + " cost");
    double[] mean = sums.values().clone();
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= sums.divisor();
    }
    assertClose(golden.flatGradients("gradients"), mean, 1e-12, 1e-15, name + " gradients", arch);

    double rate = golden.number("learning_rate");
    TrainingResult step = new GradientDescent(rate, 1).run(source(golden, weights, null), initial, (i, c) -> { });
    assertClose(golden.parameters("parameters_after_one_step").values(), step.parameters().values(), 1e-12,
        1e-15, name + " one step", arch);

    MiniBatches batches = new MiniBatches(golden.vector("Y").length, golden.integer("batch_size"),
        golden.integer("seed"));
    TrainingResult epoch = new GradientDescent(rate, 1, UpdateRule.GD, batches)
        .run(source(golden, weights, batches), initial, (i, c) -> { });
    assertClose(golden.number("epoch_cost"), epoch.costs()[0], 1e-12, 1e-15, name + " epoch cost");
    assertClose(golden.parameters("parameters_after_epoch").values(), epoch.parameters().values(), 1e-12, 1e-15,
        name + " one epoch", arch);
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu-leaky", "logistic"})
  void theMeanGradientIsTheDerivativeOfTheWeightedMeanCost(String name) {
    GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
    GradientSource source = source(golden, weights(golden), null);
    GradientCheck.assertGradients(source, golden.parameters("parameters"), name);
  }

  @Test
  void weightsOfOneGiveTheUnweightedBits() {
    for (String name : CASES) {
      GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
      Parameters p = golden.parameters("parameters");
      GradientSums plain = new LocalGradientSource(List.of(block(golden))).gradientSums(p);
      GradientSums ones =
          new LocalGradientSource(List.of(block(golden)), null, new ClassWeights(1.0, 1.0)).gradientSums(p);
      assertEquals(plain.cost(), ones.cost(), 0.0, name);
      assertArrayEquals(plain.values(), ones.values(), 0.0, name);
      assertEquals(plain.count(), ones.divisor(), 0.0, name);
    }
  }

  @Test
  void float32PassesAgreeWithDouble() {
    for (String name : CASES) {
      GoldenFile golden = GoldenFile.load("golden/class-weight-" + name + ".json");
      ClassWeights weights = weights(golden);
      Parameters p = golden.parameters("parameters");
      ColumnBlock block = block(golden);
      // the double reference sees the features float32 holds
      double[] features = block.X().data().clone();
      for (int i = 0; i < features.length; i++) {
        features[i] = (float) features[i];
      }
      GradientSums wide = GradientSums.empty(p.architecture());
      new BlockPasses(p, weights).accumulateGradients(new ColumnBlock(block.numFeatures(), features,
          block.labels()), wide);
      GradientSums narrow = GradientSums.empty(p.architecture());
      new BlockPasses(p, weights).accumulateGradients(block.toFloat32(), narrow);
      wide.weighBy(weights);
      narrow.weighBy(weights);
      assertEquals(wide.positives(), narrow.positives(), name);
      assertClose(wide.cost(), narrow.cost(), 1e-5, 0.0, name + " float32 cost");
      assertClose(wide.values(), narrow.values(), 1e-4, 1e-6, name + " float32 gradient sums", p.architecture());
    }
  }

  @Test
  void balancedIsScikitLearnsAndNeedsBothClasses() {
    ClassWeights weights = ClassWeights.balanced(3, 9);
    assertEquals(2.0, weights.negative(), 0.0);
    assertEquals(12.0 / 18.0, weights.positive(), 0.0);
    // each class carries half of the total weight
    assertEquals(12.0, weights.total(3, 9), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ClassWeights.balanced(0, 9));
    assertThrows(IllegalArgumentException.class, () -> ClassWeights.balanced(3, 0));
  }

  @Test
  void theOptionTextIsCanonical() {
    assertEquals("none", ClassWeights.canonical("none"));
    assertEquals("balanced", ClassWeights.canonical(" balanced "));
    assertEquals("1.0,3.0", ClassWeights.canonical("1,3"));
    assertEquals(new ClassWeights(0.25, 4.0), ClassWeights.parse("0.25, 4"));
    assertEquals(4.0, ClassWeights.parse("0.25,4").of(1.0), 0.0);
    assertEquals(0.25, ClassWeights.parse("0.25,4").of(0.0), 0.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0,1", "1,0", "-1,2", "NaN,1", "1,Infinity", "1", "1,2,3", "heavy", "1,", ",1", "Balanced"})
  void badWeightsAreRefused(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassWeights.canonical(text));
    assertTrue(e.getMessage().contains("positive finite"), e.getMessage());
  }

  private static ClassWeights weights(GoldenFile golden) {
    String text = golden.node("class_weight").textValue();
    if (!ClassWeights.BALANCED.equals(text)) {
      return ClassWeights.parse(text);
    }
    long positives = 0;
    for (double y : golden.vector("Y")) {
      positives += y == 1.0 ? 1 : 0;
    }
    return ClassWeights.balanced(golden.vector("Y").length - positives, positives);
  }

  private static ColumnBlock block(GoldenFile golden) {
    Matrix x = golden.matrix("X");
    return new ColumnBlock(x.rows(), x.data().clone(), golden.vector("Y"));
  }

  /** The golden data weighted by {@code weights}, with the case's L2 term when it has one. */
  private static GradientSource source(GoldenFile golden, ClassWeights weights, MiniBatches batches) {
    GradientSource source = new LocalGradientSource(List.of(block(golden)), batches, weights);
    double lambda = golden.number("lambda");
    return lambda > 0 ? new L2Regularized(source, lambda) : source;
  }
}
