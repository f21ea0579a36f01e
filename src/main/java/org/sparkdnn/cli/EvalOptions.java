package org.sparkdnn.cli;

import picocli.CommandLine.Option;

/** {@code train}'s option for evaluating the test data during training. */
final class EvalOptions {
  @Option(names = "--eval-every", paramLabel = "K", defaultValue = "100",
      description = "With --test, the test log-loss and accuracy after every K-th update (iteration 0 "
          + "included) and at the end, into metrics.json (test_history) and the learning curve; 0 evaluates "
          + "none (default: ${DEFAULT-VALUE}).")
  int every;

  /** The validated K. */
  int every() {
    if (every < 0) {
      throw new IllegalArgumentException("--eval-every: expected 0 or more, found " + every);
    }
    return every;
  }
}
