package org.sparkdnn.job;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.train.IterationListener;

/**
 * Prints the course's progress line {@code Cost after iteration i: c} every {@code every} iterations, and at the
 * last one as the course's week-4 {@code L_layer_model} does; for {@code train}, followed by the elapsed time
 * and an estimate of the time left: {@code Cost after iteration 100: 0.672…   [3.1 s elapsed, ETA 74.2 s]}.
 */
public final class CostPrinter implements IterationListener {
  private final PrintStream out;
  private final int every;
  private final int iterations;
  private final DoubleFunction<String> format;
  private final boolean printLast;
  private final boolean timing;
  /** "iteration", or "epoch" with mini-batches. */
  private final String unit;
  private long start = System.nanoTime();
  private int first;

  /**
   * @param format how a cost is written: full precision (week 4) or six decimals (weeks 2 and 3)
   * @param printLast whether the last iteration's cost is printed too
   * @param timing whether each line ends with the elapsed time and the ETA (the course's own lines do not)
   */
  public CostPrinter(PrintStream out, int every, int iterations, DoubleFunction<String> format, boolean printLast,
      boolean timing) {
    this(out, every, iterations, format, printLast, timing, "iteration");
  }

  private CostPrinter(PrintStream out, int every, int iterations, DoubleFunction<String> format, boolean printLast,
      boolean timing, String unit) {
    this.out = out;
    this.every = every;
    this.iterations = iterations;
    this.format = format;
    this.printLast = printLast;
    this.timing = timing;
    this.unit = unit;
  }

  /**
   * {@code train}'s lines: every {@code --print-every} iterations (epochs, with mini-batches: "Cost after epoch e",
   * as course 2) and the last, full precision, with the ETA.
   */
  public static CostPrinter forTraining(TrainingConfig config, PrintStream out) {
    return new CostPrinter(out, config.get(TrainSettings.PRINT_EVERY), config.iterations(), Double::toString, true,
        true, config.miniBatched() ? "epoch" : "iteration");
  }

  @Override
  public void onStart(int firstIteration) {
    start = System.nanoTime();
    first = firstIteration;
  }

  @Override
  public void onIteration(int iteration, double cost) {
    if (every > 0 && (iteration % every == 0 || printLast && iteration == iterations - 1)) {
      String line = "Cost after " + unit + " " + iteration + ": " + format.apply(cost);
      if (timing) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        // the rate of the iterations this process ran (a resumed run starts at `first`) times those left
        double left = elapsed / (iteration + 1 - first) * (iterations - iteration - 1);
        line += String.format(Locale.ROOT, "   [%.1f s elapsed, ETA %.1f s]", elapsed, left);
      }
      out.println(line);
    }
  }
}
