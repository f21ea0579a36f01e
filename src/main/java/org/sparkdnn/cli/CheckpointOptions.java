package org.sparkdnn.cli;

import picocli.CommandLine.Option;

/** {@code train}'s checkpoint options: where, how often, and whether to resume from the newest. */
final class CheckpointOptions {
  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Write checkpoints (parameters, iteration, costs, configuration, data fingerprint) to this "
          + "directory on any Hadoop filesystem; the newest 2 are kept, and all are removed once the model is "
          + "written (default: no checkpoints).")
  String dir;

  @Option(names = "--checkpoint-every", paramLabel = "K", defaultValue = "100",
      description = "With --checkpoint-dir, write a checkpoint every K iterations and after the last, K ≥ 1 "
          + "(default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--resume",
      description = "Continue from the newest checkpoint in --checkpoint-dir (refused if written with other "
          + "options or data); with none there, start at iteration 0.")
  boolean resume;

  /** The validated settings. */
  TrainingCheckpoints.Settings settings() {
    if (every < 1) {
      throw new IllegalArgumentException("--checkpoint-every: expected 1 or more, found " + every);
    }
    if (resume && dir == null) {
      throw new IllegalArgumentException("--resume: expected --checkpoint-dir DIR to resume from, found none");
    }
    return new TrainingCheckpoints.Settings(dir, every, resume);
  }
}
