package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  private static final Configuration CONF = new Configuration();

  @TempDir
  Path dir;

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toString());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** An existing output with one file, as a previous run left it. */
  private Path previousRun() throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("model.json"), "previous");
    return out;
  }

  @Test
  void aParentThatIsAFileIsRefusedAndNothingIsCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("report.txt"), "text");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OutputDirectory.prepare(hadoop(file.resolve("sub").resolve("out")), false, CONF));
    assertTrue(e.getMessage().contains("expected a directory that can be created, found a file at "),
        e.getMessage());
    assertTrue(e.getMessage().contains("report.txt"), e.getMessage());
    assertEquals(List.of("report.txt"), names(dir));
  }

  @Test
  void aFailedRunLeavesThePreviousOutputAndNoStagingDirectory() throws IOException {
    Path out = previousRun();
    try (OutputDirectory target = OutputDirectory.prepare(hadoop(out), true, CONF)) {
      Path staging = Path.of(target.staging().toUri());
      Files.createDirectories(staging);
      Files.writeString(staging.resolve("model.json"), "half-written");
    }
    assertEquals(List.of("out"), names(dir));
    assertEquals("previous", Files.readString(out.resolve("model.json")));
  }

  @Test
  void aCommitReplacesThePreviousOutputAndLeavesNothingBeside() throws IOException {
    Path out = previousRun();
    try (OutputDirectory target = OutputDirectory.prepare(hadoop(out), true, CONF)) {
      Path staging = Path.of(target.staging().toUri());
      Files.createDirectories(staging);
      Files.writeString(staging.resolve("model.json"), "new");
      target.commit();
    }
    assertEquals(List.of("out"), names(dir));
    assertEquals(List.of("model.json"), names(out));
    assertEquals("new", Files.readString(out.resolve("model.json")));
  }
}
