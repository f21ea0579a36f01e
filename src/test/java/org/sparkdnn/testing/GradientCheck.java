package org.sparkdnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.GradientSource;

/**
 * The gradient check of a {@link GradientSource} whose cost includes what its gradient does (L2, class or sample
 * weights): each analytic derivative, the sums over their divisor, against the five-point central difference of
 * the cost, in double precision, relative error below 1e-7 (design.md §5.2).
 */
public final class GradientCheck {
  /** The step of the central differences: small enough for the truncation, large enough for the rounding. */
  private static final double H = 1e-3;

  private GradientCheck() {}

  /** Checks every parameter of {@code at}; {@code name} says which case fails. */
  public static void assertGradients(GradientSource source, Parameters at, String name) {
    GradientSums sums = source.gradientSums(at);
    for (int i = 0; i < at.values().length; i++) {
      double[] cost = new double[5];
      for (int step = -2; step <= 2; step++) {
        Parameters q = at.copy();
        q.values()[i] += step * H;
        cost[step + 2] = source.gradientSums(q).cost();
      }
      double numeric = (-cost[4] + 8 * cost[3] - 8 * cost[1] + cost[0]) / (12 * H);
      double analytic = sums.values()[i] / sums.divisor();
      double error = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
      assertEquals(0.0, error, 1e-7, name + " parameter " + i + ": analytic " + analytic + ", numeric " + numeric);
    }
  }
}
