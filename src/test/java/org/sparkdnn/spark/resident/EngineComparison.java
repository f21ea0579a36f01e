package org.sparkdnn.spark.resident;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.spark.SparkGradientSource;
import org.sparkdnn.train.GradientDescent;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.IterationListener;
import org.sparkdnn.train.TrainingResult;

/**
 * The same training run through the resident and the jobs engine: seeded data of 5 features in blocks of 7
 * samples, a [5, 6, 3, 1] ReLU network, 25 iterations, the test counts at every 5th update; with class weights or
 * without.
 */
final class EngineComparison {
  static final Architecture ARCH = Architecture.withHidden(new int[] {5, 6, 3, 1}, Activation.RELU);
  static final int ITERATIONS = 25;
  static final int EVAL_EVERY = 5;
  static final double RATE = 0.5;

  private final JavaSparkContext sc;
  /** Null for none. */
  private final ClassWeights weights;
  final DistributedBlocks train;
  final DistributedBlocks test;

  EngineComparison(JavaSparkContext sc, int partitions, Precision precision) {
    this(sc, partitions, precision, null);
  }

  EngineComparison(JavaSparkContext sc, int partitions, Precision precision, ClassWeights weights) {
    this.sc = sc;
    this.weights = weights;
    this.train = blocks(sc, 23, partitions, precision, 1);
    this.test = blocks(sc, 9, partitions, precision, 2);
  }

  /**
   * What one run gives: its final parameters, costs and test counts; for the resident engine, how many of its tasks
   * were linked in memory at the end (the jobs engine: −1).
   */
  record Outcome(TrainingResult result, List<ConfusionCounts> tests, int tasksInMemory) {}

  Outcome jobs() {
    return run(new SparkGradientSource(sc, train, ARCH, null, weights),
        parameters -> SparkEvaluator.confusion(sc, test, parameters, 0.5), (iteration, cost) -> { });
  }

  /** Through the resident engine, whose tasks link in memory if {@code inMemory}, else over the network. */
  Outcome resident(boolean inMemory, IterationListener listener) {
    try (ResidentEngine engine = ResidentEngine.start(sc, train, test, null, ARCH, null, weights, 60, 0, inMemory,
        0)) {
      Outcome outcome = run(engine, parameters -> engine.testCounts(parameters, 0.5), listener);
      return new Outcome(outcome.result(), outcome.tests(), engine.tasksInMemory());
    }
  }

  /** The first difference between two outcomes, or null if they are the same bits. */
  static String difference(Outcome expected, Outcome found) {
    double[] e = expected.result().parameters().values();
    double[] f = found.result().parameters().values();
    for (int i = 0; i < e.length; i++) {
      if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(f[i])) {
        return "parameter " + i + ": expected " + e[i] + ", found " + f[i];
      }
    }
    double[] ec = expected.result().costs();
    double[] fc = found.result().costs();
    for (int i = 0; i < ec.length; i++) {
      if (Double.doubleToRawLongBits(ec[i]) != Double.doubleToRawLongBits(fc[i])) {
        return "cost " + i + ": expected " + ec[i] + ", found " + fc[i];
      }
    }
    return expected.tests().equals(found.tests()) ? null
        : "test counts: expected " + expected.tests() + ", found " + found.tests();
  }

  void unpersist() {
    train.unpersist();
    test.unpersist();
  }

  private interface Tester {
    ConfusionCounts counts(Parameters parameters);
  }

  private static Outcome run(GradientSource source, Tester tester, IterationListener listener) {
    List<ConfusionCounts> tests = new ArrayList<>();
    IterationListener testing = new IterationListener() {
      @Override
      public void onIteration(int iteration, double cost) {}

      @Override
      public void onParameters(int updates, Parameters parameters) {
        if (updates % EVAL_EVERY == 0) {
          tests.add(tester.counts(parameters));
        }
      }
    };
    TrainingResult result = new GradientDescent(RATE, ITERATIONS)
        .run(source, Initializer.HE.initialize(ARCH, 3), listener.andThen(testing));
    return new Outcome(result, tests, -1);
  }

  /** {@code blocks} seeded blocks of 7 samples of 5 features in [-1, 1) with random 0/1 labels. */
  private static DistributedBlocks blocks(JavaSparkContext sc, int blocks, int partitions, Precision precision,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ColumnBlock> list = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      double[] x = new double[5 * 7];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble(-1.0, 1.0);
      }
      double[] y = new double[7];
      for (int j = 0; j < y.length; j++) {
        y[j] = random.nextInt(2);
      }
      list.add(new ColumnBlock(5, x, y));
    }
    return DistributedBlocks.of(sc.parallelize(list, partitions), precision);
  }
}
