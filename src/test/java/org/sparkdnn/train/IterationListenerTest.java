package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * What {@link GradientDescent} tells its {@link IterationListener}, in order, and {@link IterationListener#andThen}.
 */
class IterationListenerTest {
  private static final Architecture NET = Architecture.withHidden(new int[] {2, 3, 1}, Activation.TANH);
  private static final ColumnBlock DATA =
      new ColumnBlock(2, new double[] {1.2, 3.6, 0.2, -1.5, -1.1, 3.7, 0.0, -0.2}, new double[] {0, 0, 1, 1});
  private static final LocalGradientSource SOURCE = new LocalGradientSource(List.of(DATA));
  private static final GradientDescent DESCENT = new GradientDescent(0.3, 4);

  private static Parameters initial() {
    double[] values = new double[NET.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.1 * (i % 5) - 0.2;
    }
    return new Parameters(NET, values);
  }

  /** Writes every event as text, and keeps a copy of the parameters of each {@code onParameters}. */
  private static final class Recorder implements IterationListener {
    private final String name;
    private final List<String> events;
    private final List<Parameters> parameters = new ArrayList<>();

    Recorder(String name, List<String> events) {
      this.name = name;
      this.events = events;
    }

    @Override
    public void onStart(int firstIteration) {
      events.add(name + " start " + firstIteration);
    }

    @Override
    public void onIteration(int iteration, double cost) {
      events.add(name + " cost " + iteration);
    }

    @Override
    public void onParameters(int updates, Parameters current) {
      events.add(name + " parameters " + updates);
      parameters.add(current.copy());
    }
  }

  @Test
  void eachIterationReportsItsCostThenItsParametersAndTheFinalParametersComeLast() {
    List<String> events = new ArrayList<>();
    Recorder a = new Recorder("a", events);
    Recorder b = new Recorder("b", events);
    TrainingResult result = DESCENT.run(SOURCE, initial(), a.andThen(b));

    List<String> expected = new ArrayList<>(List.of("a start 0", "b start 0"));
    for (int i = 0; i < 4; i++) {
      expected.addAll(List.of("a cost " + i, "b cost " + i, "a parameters " + i, "b parameters " + i));
    }
    expected.addAll(List.of("a parameters 4", "b parameters 4"));
    assertEquals(expected, events);
    assertEquals(result.parameters(), a.parameters.get(4), "the final parameters, bit for bit");
    assertEquals(a.parameters, b.parameters);
  }

  @Test
  void theParametersOfIterationIAreThoseItsCostWasComputedFrom() {
    Recorder recorder = new Recorder("r", new ArrayList<>());
    TrainingResult result = DESCENT.run(SOURCE, initial(), recorder);

    assertEquals(initial(), recorder.parameters.get(0));
    for (int i = 0; i < 4; i++) {
      double cost = SOURCE.gradientSums(recorder.parameters.get(i)).cost();
      assertEquals(result.costs()[i], cost, 0.0, "iteration " + i);
    }
  }

  @Test
  void aResumedRunReportsFromWhereItContinues() {
    TrainingResult straight = DESCENT.run(SOURCE, initial(), (i, cost) -> {});
    Recorder first = new Recorder("r", new ArrayList<>());
    TrainingResult two = new GradientDescent(0.3, 2).run(SOURCE, initial(), first);
    List<String> events = new ArrayList<>();
    Recorder resumed = new Recorder("r", events);
    DESCENT.run(SOURCE, new TrainingState(two.parameters(), two.costs()), resumed, Checkpointer.NONE);

    assertEquals(List.of("r start 2", "r cost 2", "r parameters 2", "r cost 3", "r parameters 3", "r parameters 4"),
        events);
    assertArrayEquals(straight.parameters().values(), resumed.parameters.get(2).values());
  }
}
