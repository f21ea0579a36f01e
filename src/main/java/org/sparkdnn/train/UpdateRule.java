package org.sparkdnn.train;

import java.util.Locale;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * How gradient descent turns the mean gradient {@code g = (1/m)·Σ∇} into a step, with the equations of the
 * course's second part ("Optimization methods", {@code update_parameters_with_momentum} and
 * {@code update_parameters_with_adam}), applied to every weight and bias:
 * <pre>
 *   gd        θ := θ − α·g
 *   momentum  v := β1·v + (1 − β1)·g;  θ := θ − α·v
 *   adam      t := t + 1;  v := β1·v + (1 − β1)·g;  s := β2·s + (1 − β2)·g²;
 *             θ := θ − α·(v / (1 − β1^t)) / (√(s / (1 − β2^t)) + ε)
 * </pre>
 * v and s start at zeros; the state lives in an {@link OptimizerState} so a checkpoint can carry it.
 */
public final class UpdateRule {
  /** The rules {@code --optimizer} names. */
  public enum Kind {
    GD, MOMENTUM, ADAM;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String label) {
      for (Kind kind : values()) {
        if (kind.label().equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("expected gd, momentum or adam, found '" + label + "'");
    }
  }

  public static final UpdateRule GD = new UpdateRule(Kind.GD, 0.0, 0.0, 0.0);

  private final Kind kind;
  private final double beta1;
  private final double beta2;
  private final double epsilon;

  private UpdateRule(Kind kind, double beta1, double beta2, double epsilon) {
    this.kind = kind;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** The rule {@code kind} with its hyperparameters (those it does not use are ignored). */
  public static UpdateRule of(Kind kind, double beta1, double beta2, double epsilon) {
    if (kind != Kind.GD && !(beta1 >= 0.0 && beta1 < 1.0)) {
      throw new IllegalArgumentException("beta1 must be in [0, 1), found " + beta1);
    }
    if (kind == Kind.ADAM && !(beta2 >= 0.0 && beta2 < 1.0)) {
      throw new IllegalArgumentException("beta2 must be in [0, 1), found " + beta2);
    }
    if (kind == Kind.ADAM && !(epsilon > 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("epsilon must be a finite number > 0, found " + epsilon);
    }
    return kind == Kind.GD ? GD : new UpdateRule(kind, beta1, beta2, epsilon);
  }

  public Kind kind() {
    return kind;
  }

  /** The state before the first step, for {@code numParameters} parameters. */
  public OptimizerState initial(int numParameters) {
    return switch (kind) {
      case GD -> OptimizerState.NONE;
      case MOMENTUM -> new OptimizerState(0, new double[numParameters], null);
      case ADAM -> new OptimizerState(0, new double[numParameters], new double[numParameters]);
    };
  }

  /**
   * Checks that {@code state} (a checkpoint's) is one this rule made for {@code numParameters} parameters.
   *
   * @throws IllegalArgumentException saying what was expected and found
   */
  public void check(OptimizerState state, int numParameters) {
    boolean velocity = kind != Kind.GD;
    boolean squares = kind == Kind.ADAM;
    if ((state.velocity() != null) != velocity || (state.squares() != null) != squares
        || (velocity && state.velocity().length != numParameters)
        || (squares && state.squares().length != numParameters)) {
      throw new IllegalArgumentException("expected the state of " + kind.label() + " for " + numParameters
          + " parameters, found " + describe(state));
    }
  }

  /**
   * One step from the summed gradients: the mean {@code g = (1/m)·Σ∇} (m the sums' {@link GradientSums#divisor},
   * Σw with class weights), then the rule; updates {@code parameters}
   * and {@code state} in place (gd: {@link Parameters#descend}, whose rounding the course runs keep).
   * Shapes: parameters, sums, v, s (P).
   */
  public OptimizerState step(double learningRate, Parameters parameters, GradientSums sums, OptimizerState state) {
    if (kind == Kind.GD) {
      parameters.descend(learningRate, sums);
      return state;
    }
    double[] theta = parameters.values();
    double[] total = sums.values();
    double[] v = state.velocity();
    double invM = 1.0 / sums.divisor();
    int t = state.steps() + 1;
    if (kind == Kind.MOMENTUM) {
      for (int i = 0; i < theta.length; i++) {
        v[i] = beta1 * v[i] + (1 - beta1) * (invM * total[i]);
        theta[i] -= learningRate * v[i];
      }
    } else {
      double[] s = state.squares();
      double correction1 = 1 - Math.pow(beta1, t);
      double correction2 = 1 - Math.pow(beta2, t);
      for (int i = 0; i < theta.length; i++) {
        double g = invM * total[i];
        v[i] = beta1 * v[i] + (1 - beta1) * g;
        s[i] = beta2 * s[i] + (1 - beta2) * (g * g);
        theta[i] -= learningRate * (v[i] / correction1) / (Math.sqrt(s[i] / correction2) + epsilon);
      }
    }
    return new OptimizerState(t, v, state.squares());
  }

  private static String describe(OptimizerState state) {
    return state.velocity() == null ? "none"
        : state.squares() == null ? "a velocity of " + state.velocity().length
        : "a velocity of " + state.velocity().length + " and squares of " + state.squares().length;
  }
}
