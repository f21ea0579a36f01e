package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Early stopping inside gradient descent: the checks it makes and when, scikit-learn's rule for an improvement
 * (below the best minus the delta resets the count, any loss below the best becomes the best), the best parameters
 * returned with the costs run, and a run resumed from a checkpoint stopping where the uninterrupted one does.
 */
class EarlyStoppingTest {
  private static final Architecture NET = Architecture.withHidden(new int[] {2, 3, 1}, Activation.TANH);
  private static final ColumnBlock DATA = new ColumnBlock(2,
      new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2, 0.7, 0.3}, new double[] {0, 0, 1, 1, 0});
  private static final GradientSource SOURCE = new LocalGradientSource(List.of(DATA));

  private static Parameters initial() {
    double[] values = new double[NET.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.3 * Math.sin(i + 1.0);
    }
    return new Parameters(NET, values);
  }

  /**
   * A validation loss that answers {@code losses[k]} at its k-th check (the last one after those) and records the
   * checks and the parameters checked.
   */
  private static final class Scripted implements EarlyStopping.ValidationLoss {
    private final double[] losses;
    final List<Integer> checked = new ArrayList<>();
    final Map<Integer, double[]> seen = new HashMap<>();

    Scripted(double... losses) {
      this.losses = losses;
    }

    @Override
    public double at(int updates, Parameters parameters) {
      seen.put(updates, parameters.values().clone());
      checked.add(updates);
      return losses[Math.min(checked.size(), losses.length) - 1];
    }
  }

  @Test
  void stopsAfterPatienceChecksWithoutImprovementAndReturnsTheBest() {
    // checks at 0, 2, 4, ...: the best at 4 (0.5); 0.45 at 8 is below the best but not by more than 0.1
    Scripted loss = new Scripted(0.9, 0.7, 0.5, 0.55, 0.45, 0.6, 0.7);
    EarlyStopping stopping = new EarlyStopping(2, 3, 0.1, loss);
    TrainingResult result = new GradientDescent(0.5, 40).run(SOURCE, TrainingState.start(initial()),
        (i, cost) -> { }, Checkpointer.NONE, stopping);
    assertEquals(List.of(0, 2, 4, 6, 8, 10), loss.checked);
    assertTrue(stopping.stopped());
    assertEquals(10, stopping.stoppedAt());
    assertEquals(10, result.costs().length, "the costs of iterations 0..9, the ones run");
    assertEquals(8, stopping.state().bestIteration(), "0.45 < 0.5 is the best, though no improvement");
    assertEquals(0.45, stopping.state().bestLoss());
    assertEquals(3, stopping.state().withoutImprovement());
    assertArrayEquals(loss.seen.get(8), result.parameters().values(), 0.0);
  }

  @Test
  void runsToTheEndThenChecksTheFinalParametersWhichMayBeTheBest() {
    Scripted loss = new Scripted(0.9, 0.8, 0.7, 0.6);
    EarlyStopping stopping = new EarlyStopping(4, 2, 0.0, loss);
    TrainingResult plain = new GradientDescent(0.5, 10).run(SOURCE, initial(), (i, cost) -> { });
    TrainingResult result = new GradientDescent(0.5, 10).run(SOURCE, TrainingState.start(initial()),
        (i, cost) -> { }, Checkpointer.NONE, stopping);
    assertEquals(List.of(0, 4, 8, 10), loss.checked);
    assertFalse(stopping.stopped());
    assertEquals(-1, stopping.stoppedAt());
    assertEquals(10, stopping.state().bestIteration());
    assertArrayEquals(plain.costs(), result.costs(), 0.0);
    assertArrayEquals(plain.parameters().values(), result.parameters().values(), 0.0);
  }

  @Test
  void theLastCheckNeverStopsButKeepsAnEarlierBest() {
    Scripted loss = new Scripted(0.5, 0.6, 0.7);
    EarlyStopping stopping = new EarlyStopping(5, 2, 0.0, loss);
    TrainingResult result = new GradientDescent(0.5, 10).run(SOURCE, TrainingState.start(initial()),
        (i, cost) -> { }, Checkpointer.NONE, stopping);
    assertEquals(List.of(0, 5, 10), loss.checked, "10 is both due and the last: checked once");
    assertFalse(stopping.stopped());
    assertEquals(10, result.costs().length);
    assertEquals(0, stopping.state().bestIteration());
    assertArrayEquals(initial().values(), result.parameters().values(), 0.0);
  }

  @Test
  void withMiniBatchesTheChecksCountEpochs() {
    ColumnBlock data = new ColumnBlock(2, new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2, 0.7, 0.3},
        new double[] {0, 0, 1, 1, 0});
    MiniBatches batches = new MiniBatches(5, 2, 1);
    Scripted loss = new Scripted(0.9, 1.0, 1.0);
    EarlyStopping stopping = new EarlyStopping(1, 2, 0.0, loss);
    TrainingResult result = new GradientDescent(0.1, 20, UpdateRule.GD, batches)
        .run(new LocalGradientSource(List.of(data), batches), TrainingState.start(initial()), (i, cost) -> { },
            Checkpointer.NONE, stopping);
    assertEquals(List.of(0, 1, 2), loss.checked);
    assertEquals(2, result.costs().length, "epochs 0 and 1 ran, epoch 2 did not");
    assertArrayEquals(initial().values(), result.parameters().values(), 0.0);
  }

  @Test
  void aRunResumedFromACheckpointStopsWhereTheUninterruptedOneDoes() {
    double[] losses = {0.9, 0.7, 0.6, 0.62, 0.61, 0.65, 0.7, 0.8};
    EarlyStopping straight = new EarlyStopping(3, 3, 0.0, new Scripted(losses));
    TrainingResult whole = new GradientDescent(0.5, 50).run(SOURCE, TrainingState.start(initial()),
        (i, cost) -> { }, Checkpointer.NONE, straight);
    List<TrainingState> saved = new ArrayList<>();
    Checkpointer every4 = new Checkpointer() {
      @Override
      public int every() {
        return 4;
      }

      @Override
      public void save(TrainingState state) {
        saved.add(state);
      }
    };
    Scripted firstHalf = new Scripted(losses);
    new GradientDescent(0.5, 50).run(SOURCE, TrainingState.start(initial()), (i, cost) -> { }, every4,
        new EarlyStopping(3, 3, 0.0, firstHalf));
    TrainingState at8 = saved.get(1);
    assertEquals(8, at8.iteration());
    assertEquals(6, at8.stopping().bestIteration(), "checks at 0, 3, 6 before the state after 8 updates");
    // the resumed run's checks go on from the fourth: at 9
    double[] rest = Arrays.copyOfRange(losses, 3, losses.length);
    Scripted resumedLoss = new Scripted(rest);
    EarlyStopping resumed = new EarlyStopping(3, 3, 0.0, resumedLoss);
    TrainingResult after = new GradientDescent(0.5, 50).run(SOURCE, at8, (i, cost) -> { }, Checkpointer.NONE,
        resumed);
    assertEquals(9, resumedLoss.checked.get(0));
    assertEquals(straight.stoppedAt(), resumed.stoppedAt());
    assertEquals(15, resumed.stoppedAt());
    assertArrayEquals(whole.costs(), after.costs(), 0.0);
    assertArrayEquals(whole.parameters().values(), after.parameters().values(), 0.0);
  }

  @Test
  void badSettingsAreRefused() {
    EarlyStopping.ValidationLoss loss = (updates, parameters) -> 0.0;
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 1, 0.0, loss));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, 0, 0.0, loss));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, 1, -1e-3, loss));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, 1, Double.NaN, loss));
    assertThrows(IllegalArgumentException.class,
        () -> new EarlyStoppingState(3, Double.NaN, 0, initial()));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStoppingState(3, 0.5, 0, null));
  }
}
