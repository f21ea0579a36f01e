package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.LocalGradientSource;

/** Checkpoints of gradient descent and runs resumed from them: the same parameters and costs, bit for bit. */
class GradientDescentResumeTest {
  private static final Architecture NET = Architecture.withHidden(new int[] {2, 3, 1}, Activation.TANH);
  private static final ColumnBlock DATA = new ColumnBlock(2,
      new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2, 0.7, 0.3}, new double[] {0, 0, 1, 1, 0});
  private static final GradientSource SOURCE = new LocalGradientSource(List.of(DATA));
  private static final GradientDescent DESCENT = new GradientDescent(0.7, 12);

  private static Parameters initial() {
    double[] values = new double[NET.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.3 * Math.sin(i + 1.0);
    }
    return new Parameters(NET, values);
  }

  /** Keeps every state it is given. */
  private static final class Saved implements Checkpointer {
    private final int every;
    final List<TrainingState> states = new ArrayList<>();

    Saved(int every) {
      this.every = every;
    }

    @Override
    public int every() {
      return every;
    }

    @Override
    public void save(TrainingState state) {
      states.add(state);
    }
  }

  /** A source that fails at iteration {@code crashAt}, as a driver killed mid-training. */
  private static GradientSource crashingAt(int crashAt) {
    int[] calls = {0};
    return (parameters, batch) -> {
      if (calls[0]++ == crashAt) {
        throw new IllegalStateException("crash at iteration " + crashAt);
      }
      return SOURCE.gradientSums(parameters);
    };
  }

  @Test
  void statesAreSavedEveryKIterationsAndAfterTheLast() {
    Saved saved = new Saved(5);
    TrainingResult result = DESCENT.run(SOURCE, TrainingState.start(initial()), (i, cost) -> {}, saved);
    assertEquals(List.of(5, 10, 12), saved.states.stream().map(TrainingState::iteration).toList());
    TrainingState last = saved.states.get(2);
    assertArrayEquals(result.parameters().values(), last.parameters().values());
    assertArrayEquals(result.costs(), last.costs());
    assertArrayEquals(Arrays.copyOf(result.costs(), 5), saved.states.get(0).costs());
  }

  @Test
  void aRunResumedAfterACrashEndsBitIdenticalToAnUninterruptedOne() {
    TrainingResult uninterrupted = DESCENT.run(SOURCE, initial(), (i, cost) -> {});
    Saved saved = new Saved(3);
    assertThrows(IllegalStateException.class,
        () -> DESCENT.run(crashingAt(8), TrainingState.start(initial()), (i, cost) -> {}, saved));
    TrainingState newest = saved.states.get(saved.states.size() - 1);
    assertEquals(6, newest.iteration());

    List<Integer> computed = new ArrayList<>();
    int[] first = {-1};
    IterationListener listener = new IterationListener() {
      @Override
      public void onStart(int firstIteration) {
        first[0] = firstIteration;
      }

      @Override
      public void onIteration(int iteration, double cost) {
        computed.add(iteration);
      }
    };
    TrainingResult resumed = DESCENT.run(SOURCE, newest, listener, new Saved(3));
    assertEquals(6, first[0]);
    assertEquals(List.of(6, 7, 8, 9, 10, 11), computed);
    assertEquals(uninterrupted.parameters(), resumed.parameters(), "bit for bit");
    assertArrayEquals(uninterrupted.costs(), resumed.costs());
  }

  @Test
  void aStateSavedAtTheLastIterationResumesToTheSameResultWithoutComputing() {
    Saved saved = new Saved(100);
    TrainingResult done = DESCENT.run(SOURCE, TrainingState.start(initial()), (i, cost) -> {}, saved);
    assertEquals(List.of(12), saved.states.stream().map(TrainingState::iteration).toList());
    GradientSource unused = (parameters, batch) -> {
      throw new AssertionError("no iteration is left to compute");
    };
    TrainingResult again = DESCENT.run(unused, saved.states.get(0), (i, cost) -> {}, Checkpointer.NONE);
    assertEquals(done.parameters(), again.parameters());
    assertArrayEquals(done.costs(), again.costs());
  }

  @Test
  void aLongerRunContinuesWhereAShorterOneStopped() {
    Saved saved = new Saved(4);
    new GradientDescent(0.7, 8).run(SOURCE, TrainingState.start(initial()), (i, cost) -> {}, saved);
    TrainingResult continued = DESCENT.run(SOURCE, saved.states.get(1), (i, cost) -> {}, Checkpointer.NONE);
    TrainingResult straight = DESCENT.run(SOURCE, initial(), (i, cost) -> {});
    assertEquals(straight.parameters(), continued.parameters());
    assertArrayEquals(straight.costs(), continued.costs());
  }

  @Test
  void aStartPastTheLastIterationIsRefused() {
    TrainingState late = new TrainingState(initial(), new double[13]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DESCENT.run(SOURCE, late, (i, cost) -> {}, Checkpointer.NONE));
    assertTrue(e.getMessage().contains("at iteration 13, past the last of 12 iterations"), e.getMessage());
  }

  @Test
  void aStateWithAnInfiniteParameterIsNeverSaved() {
    // a finite gradient so large that α·(1/m)·Σ∇ overflows: the update leaves an infinite parameter
    GradientSource huge = (parameters, batch) -> {
      GradientSums sums = SOURCE.gradientSums(parameters);
      Arrays.fill(sums.values(), 1e308);
      return sums;
    };
    Saved saved = new Saved(1);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new GradientDescent(100, 5).run(huge, TrainingState.start(initial()), (i, cost) -> {}, saved));
    assertEquals(0, e.iteration());
    assertEquals(List.of(), saved.states);
    assertTrue(e.getMessage().contains("found a parameter of -Infinity after its update"), e.getMessage());
    assertTrue(e.withNote("the last good checkpoint is x").getMessage()
        .endsWith("try a smaller learning rate than 100.0; the last good checkpoint is x"));
  }
}
