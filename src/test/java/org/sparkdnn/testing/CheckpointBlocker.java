package org.sparkdnn.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A non-empty directory where checkpoint i's JSON file is to go: writing that checkpoint fails, so the run stops
 * there as a crashed driver would, with the checkpoints before it complete; {@link #remove} lets a resumed run
 * write it.
 */
public final class CheckpointBlocker {
  private final Path blocker;

  private CheckpointBlocker(Path blocker) {
    this.blocker = blocker;
  }

  /** Blocks checkpoint {@code iteration} in the directory {@code checkpoints} (created if missing). */
  public static CheckpointBlocker at(Path checkpoints, int iteration) throws IOException {
    Path blocker = Files.createDirectories(checkpoints.resolve(String.format("checkpoint-%010d.json", iteration)));
    Files.writeString(blocker.resolve("in-the-way"), "x");
    return new CheckpointBlocker(blocker);
  }

  /** Removes the block. */
  public void remove() throws IOException {
    Files.delete(blocker.resolve("in-the-way"));
    Files.delete(blocker);
  }
}
