package org.sparkdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparkdnn.testing.Close.assertClose;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.testing.GoldenFile;
import org.sparkdnn.testing.LocalGradientSource;

/**
 * Momentum and Adam against the course's {@code update_parameters_with_momentum} and
 * {@code update_parameters_with_adam} (golden files from {@code src/test/python/gen_optimizer_golden.py}), and a
 * run resumed from a mid-run state, moving averages included, that ends where the uninterrupted one does.
 */
class UpdateRuleTest {
  @ParameterizedTest
  @CsvSource({"momentum, logistic", "momentum, relu-leaky", "adam, logistic", "adam, relu-leaky"})
  void stepsAreTheCourses(String rule, String name) {
    GoldenFile golden = GoldenFile.load("golden/optimizer-" + rule + "-" + name + ".json");
    Architecture arch = golden.architecture();
    List<OptimizerState> saved = new ArrayList<>();
    TrainingResult result = descent(golden).run(source(golden), TrainingState.start(golden.parameters("parameters")),
        (iteration, cost) -> { }, checkpointer(1, saved));
    assertClose(golden.vector("costs"), result.costs(), 1e-12, 1e-15, rule + " " + name + " costs");
    assertClose(golden.parameters("parameters_after_n_steps").values(), result.parameters().values(), 1e-11,
        1e-14, rule + " " + name + " parameters", arch);
    OptimizerState last = saved.get(saved.size() - 1);
    assertEquals(golden.integer("iterations"), last.steps());
    assertClose(golden.flatGradients("v"), last.velocity(), 1e-11, 1e-15, rule + " " + name + " v", arch);
    if (rule.equals("adam")) {
      assertClose(golden.parameters(arch, golden.node("s"), "d", "s").values(), last.squares(), 1e-11, 1e-18,
          rule + " " + name + " s", arch);
    }
  }

  @ParameterizedTest
  @CsvSource({"momentum", "adam"})
  void aRunResumedFromASavedStateEndsBitForBitWhereTheUninterruptedOneDoes(String rule) {
    GoldenFile golden = GoldenFile.load("golden/optimizer-" + rule + "-relu-leaky.json");
    List<TrainingState> saved = new ArrayList<>();
    Checkpointer every5 = new Checkpointer() {
      @Override
      public int every() {
        return 5;
      }

      @Override
      public void save(TrainingState state) {
        saved.add(state);
      }
    };
    TrainingResult straight = descent(golden).run(source(golden),
        TrainingState.start(golden.parameters("parameters")), (iteration, cost) -> { }, every5);
    TrainingResult resumed = descent(golden).run(source(golden), saved.get(0), (iteration, cost) -> { },
        Checkpointer.NONE);
    assertArrayEquals(straight.parameters().values(), resumed.parameters().values());
    assertArrayEquals(straight.costs(), resumed.costs());
  }

  @Test
  void aStateOfAnotherRuleIsRefused() {
    UpdateRule adam = UpdateRule.of(UpdateRule.Kind.ADAM, 0.9, 0.999, 1e-8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.check(new OptimizerState(3, new double[4], null), 4));
    assertEquals("expected the state of adam for 4 parameters, found a velocity of 4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UpdateRule.GD.check(new OptimizerState(1, new double[4],
        null), 4));
  }

  @Test
  void hyperparametersOutsideTheirRangesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> UpdateRule.of(UpdateRule.Kind.MOMENTUM, 1.0, 0.999, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> UpdateRule.of(UpdateRule.Kind.ADAM, 0.9, -0.1, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> UpdateRule.of(UpdateRule.Kind.ADAM, 0.9, 0.999, 0.0));
    assertEquals(UpdateRule.GD, UpdateRule.of(UpdateRule.Kind.GD, 5, 5, -1));
  }

  private static GradientDescent descent(GoldenFile golden) {
    UpdateRule rule = UpdateRule.of(UpdateRule.Kind.parse(golden.node("optimizer").textValue()),
        golden.number("beta1"), golden.number("beta2"), golden.number("epsilon"));
    return new GradientDescent(golden.number("learning_rate"), golden.integer("iterations"), rule);
  }

  private static Checkpointer checkpointer(int every, List<OptimizerState> saved) {
    return new Checkpointer() {
      @Override
      public int every() {
        return every;
      }

      @Override
      public void save(TrainingState state) {
        saved.add(state.optimizer());
      }
    };
  }

  private static GradientSource source(GoldenFile golden) {
    Matrix x = golden.matrix("X");
    return new LocalGradientSource(List.of(new ColumnBlock(x.rows(), x.data().clone(), golden.vector("Y"))));
  }
}
