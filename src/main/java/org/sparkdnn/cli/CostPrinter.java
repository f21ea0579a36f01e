package org.sparkdnn.cli;

import java.io.PrintStream;
import org.sparkdnn.train.IterationListener;

/**
 * Prints the course's progress line {@code Cost after iteration i: c} every {@code every} iterations and at the
 * last one (as the course's {@code L_layer_model} does), with the cost in full precision.
 */
final class CostPrinter implements IterationListener {
  private final PrintStream out;
  private final int every;
  private final int iterations;

  CostPrinter(PrintStream out, int every, int iterations) {
    this.out = out;
    this.every = every;
    this.iterations = iterations;
  }

  @Override
  public void onIteration(int iteration, double cost) {
    if (every > 0 && (iteration % every == 0 || iteration == iterations - 1)) {
      out.println("Cost after iteration " + iteration + ": " + cost);
    }
  }
}
