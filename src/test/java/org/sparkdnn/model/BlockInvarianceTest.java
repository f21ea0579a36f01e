package org.sparkdnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.linalg.Matrix;

/**
 * Gradient sums do not depend on how the columns of X are split into blocks, nor on the order in which the
 * blocks' sums are merged: the property that lets Spark partitions and {@code treeAggregate} add them up.
 * Each block is a column view of one X (column-major, so columns [c0, c1) start at offset c0·n[0]) with its
 * labels at offset c0 of one Y.
 */
class BlockInvarianceTest {
  private static final double REL = 1e-12;
  private static final double ABS = 1e-15;
  private static final int M = 23;
  private static final Architecture ARCH = Architecture.of(new int[] {6, 5, 4, 3, 1},
      List.of(Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.SIGMOID));

  static Stream<Arguments> splits() {
    int[] ones = new int[M];
    Arrays.fill(ones, 1);
    return Stream.of(
        Arguments.of("blocks of 1", ones),
        Arguments.of("blocks of 3", new int[] {3, 3, 3, 3, 3, 3, 3, 2}),
        Arguments.of("uneven", new int[] {7, 1, 4, 2, 9}),
        Arguments.of("two halves", new int[] {11, 12}),
        Arguments.of("one big and a single column", new int[] {22, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("splits")
  void oneAccumulatorOverAllBlocksEqualsOneBlock(String name, int[] sizes) {
    Fixture f = new Fixture();
    GradientSums whole = f.sums(0, M);
    GradientSums blocks = GradientSums.empty(f.p.architecture());
    for (int[] range : ranges(sizes)) {
      Network.accumulateGradients(f.p, f.block(range[0], range[1]), f.labels, range[0], f.ws, blocks);
    }
    assertSame(whole, blocks, name + ", one accumulator");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("splits")
  void separateSumsMergedInAnyOrderEqualOneBlock(String name, int[] sizes) {
    Fixture f = new Fixture();
    GradientSums whole = f.sums(0, M);
    List<int[]> ranges = ranges(sizes);

    List<GradientSums> parts = new ArrayList<>();
    for (int[] range : ranges) {
      parts.add(f.sums(range[0], range[1]));
    }
    assertSame(whole, mergeInOrder(parts), name + ", merged left to right");
    Collections.reverse(parts);
    assertSame(whole, mergeInOrder(parts), name + ", merged right to left");
    Collections.shuffle(parts, new Random(5));
    assertSame(whole, mergeInOrder(parts), name + ", merged shuffled");

    // As treeAggregate does: pairwise merges, starting from empty zero values.
    List<GradientSums> level = new ArrayList<>();
    for (int[] range : ranges) {
      level.add(GradientSums.empty(f.p.architecture()).merge(f.sums(range[0], range[1])));
    }
    while (level.size() > 1) {
      List<GradientSums> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
      }
      level = next;
    }
    assertSame(whole, level.get(0), name + ", merged as a tree");
  }

  @Test
  void workspaceLargerThanTheBlockAndReusedAcrossSizes() {
    Fixture f = new Fixture();
    GradientSums whole = f.sums(0, M);
    Workspace<Matrix> big = Workspace.float64(f.p.architecture(), 4 * M);
    GradientSums sums = GradientSums.empty(f.p.architecture());
    for (int[] range : ranges(new int[] {2, 9, 1, 11})) {
      Network.accumulateGradients(f.p, f.block(range[0], range[1]), f.labels, range[0], big, sums);
    }
    assertSame(whole, sums, "a workspace of 4m columns, blocks of 2, 9, 1, 11");
  }

  @Test
  void emptyBlockAddsNothing() {
    Fixture f = new Fixture();
    GradientSums sums = GradientSums.empty(f.p.architecture());
    Network.accumulateGradients(f.p, f.block(5, 5), f.labels, 5, f.ws, sums);
    assertEquals(0, sums.count());
    assertEquals(0.0, sums.costSum());
    assertThrows(IllegalStateException.class, sums::values);
  }

  @Test
  void blockWiderThanTheWorkspaceIsRejected() {
    Fixture f = new Fixture();
    Workspace<Matrix> small = Workspace.float64(f.p.architecture(), 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Network.accumulateGradients(f.p, f.block(0, 4), f.labels, 0, small,
            GradientSums.empty(f.p.architecture())));
    assertContains(e.getMessage(), "3 columns");
    assertContains(e.getMessage(), "block of 4");
  }

  @Test
  void inputWithTheWrongNumberOfFeaturesIsRejected() {
    Fixture f = new Fixture();
    Matrix X = Matrix.zeros(f.p.architecture().inputSize() + 1, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Network.accumulateGradients(f.p, X, f.labels, 0, f.ws, GradientSums.empty(f.p.architecture())));
    assertContains(e.getMessage(), "n[0] = " + f.p.architecture().inputSize());
    assertContains(e.getMessage(), X.shape());
  }

  // ---------------------------------------------------------------- helpers

  /** A 4-layer net with every activation, random data, parameters from the He initialiser. */
  private static final class Fixture {
    final Parameters p;
    final Matrix X;
    final double[] labels;
    final Workspace<Matrix> ws;

    Fixture() {
      Architecture arch = ARCH;
      p = Initializer.HE.initialize(arch, 3);
      Random random = new Random(17);
      for (int l = 1; l <= arch.numLayers(); l++) {
        for (int i = 0; i < arch.units(l); i++) {
          p.b(l).set(i, 0, 0.1 * random.nextGaussian());
        }
      }
      X = Matrix.zeros(arch.inputSize(), M);
      for (int q = 0; q < X.size(); q++) {
        X.data()[q] = random.nextGaussian();
      }
      labels = new double[M];
      for (int j = 0; j < M; j++) {
        labels[j] = j % 3 == 0 ? 1.0 : 0.0;
      }
      ws = Workspace.float64(arch, M);
    }

    /** Columns [c0, c1) of X, a view. */
    Matrix block(int c0, int c1) {
      return Matrix.wrap(X.rows(), c1 - c0, X.data(), c0 * X.rows());
    }

    GradientSums sums(int c0, int c1) {
      GradientSums s = GradientSums.empty(p.architecture());
      Network.accumulateGradients(p, block(c0, c1), labels, c0, ws, s);
      return s;
    }
  }

  private static List<int[]> ranges(int[] sizes) {
    List<int[]> out = new ArrayList<>();
    int c = 0;
    for (int size : sizes) {
      out.add(new int[] {c, c + size});
      c += size;
    }
    assertEquals(M, c, "block sizes must cover the m columns");
    return out;
  }

  private static GradientSums mergeInOrder(List<GradientSums> parts) {
    GradientSums total = GradientSums.empty(parts.get(0).architecture());
    for (GradientSums part : parts) {
      total.merge(part);
    }
    return total;
  }

  private static void assertSame(GradientSums expected, GradientSums actual, String what) {
    assertEquals(expected.count(), actual.count(), what + ": count");
    assertClose(expected.costSum(), actual.costSum(), REL, ABS, what + ": cost sum");
    assertClose(expected.values(), actual.values(), REL, ABS, what + ": gradient sums", ARCH);
  }

  private static void assertContains(String text, String part) {
    if (!text.contains(part)) {
      throw new AssertionError("message should contain '" + part + "': " + text);
    }
  }
}
