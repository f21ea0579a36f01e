package org.sparkdnn.cli;

import java.io.PrintStream;
import java.util.function.DoubleFunction;
import org.sparkdnn.train.IterationListener;

/**
 * Prints the course's progress line {@code Cost after iteration i: c} every {@code every} iterations, and at the
 * last one as the course's week-4 {@code L_layer_model} does.
 */
final class CostPrinter implements IterationListener {
  private final PrintStream out;
  private final int every;
  private final int iterations;
  private final DoubleFunction<String> format;
  private final boolean printLast;

  /**
   * @param format how a cost is written: full precision (week 4) or six decimals (weeks 2 and 3)
   * @param printLast whether the last iteration's cost is printed too
   */
  CostPrinter(PrintStream out, int every, int iterations, DoubleFunction<String> format, boolean printLast) {
    this.out = out;
    this.every = every;
    this.iterations = iterations;
    this.format = format;
    this.printLast = printLast;
  }

  @Override
  public void onIteration(int iteration, double cost) {
    if (every > 0 && (iteration % every == 0 || printLast && iteration == iterations - 1)) {
      out.println("Cost after iteration " + iteration + ": " + format.apply(cost));
    }
  }
}
