package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code --overwrite} of a model directory killed between its two renames (old version aside, new one not yet
 * in place), or while deleting the old version: readers get the old model, and the next run tidies up.
 */
class InterruptedReplacementTest {
  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  private List<String> names() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
    }
  }

  @Test
  void theOldVersionMovedAsideIsReadAndMovedBackByTheNextRun() throws IOException {
    Path output = new Path(tmp.resolve("model").toString());
    PublishedRuns.replace(output, 1, conf);
    // killed after the first rename of a replacement
    Files.move(tmp.resolve("model"), tmp.resolve(".model.previous-0c5e6a1e"));
    assertEquals(1.0, PublishedRuns.valueOf(ModelLocation.read(output, conf)));
    OutputDirectory.prepare(output, true, conf).close();
    assertEquals(List.of("model"), names());
    assertEquals(1.0, PublishedRuns.valueOf(ModelStore.read(output, conf)));
  }

  @Test
  void anOldVersionWhoseDeletionWasCutShortIsRemovedByTheNextRun() throws IOException {
    Path output = new Path(tmp.resolve("model").toString());
    PublishedRuns.replace(output, 1, conf);
    java.nio.file.Path leftover = Files.createDirectory(tmp.resolve(".model.previous-7f3a"));
    Files.writeString(leftover.resolve("parameters.bin"), "half deleted");
    assertEquals(1.0, PublishedRuns.valueOf(ModelLocation.read(output, conf)), "the target wins");
    PublishedRuns.replace(output, 2, conf);
    assertEquals(List.of("model"), names());
    assertFalse(Files.exists(leftover));
    assertTrue(Files.exists(tmp.resolve("model").resolve("model.json")));
  }
}
