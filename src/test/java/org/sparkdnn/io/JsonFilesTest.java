package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JsonFiles}: atomic replacement, insertion order, exact doubles, and read errors that name the file. */
class JsonFilesTest {
  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private Path file;

  @BeforeEach
  void path() {
    file = new Path(tmp.resolve("metrics.json").toString());
  }

  @Test
  void writesInInsertionOrderAndReadsBackExactDoubles() throws IOException {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("zeta", 0.1 + 0.2);
    metrics.put("alpha", List.of(Double.MIN_VALUE, -0.0, 1e300));
    JsonFiles.writeAtomically(metrics, file, conf);

    JsonNode read = JsonFiles.readTree(file, conf);
    assertEquals(List.of("zeta", "alpha"), List.copyOf(fieldNames(read)));
    assertEquals(0.1 + 0.2, read.get("zeta").doubleValue());
    assertEquals(Double.MIN_VALUE, read.get("alpha").get(0).doubleValue());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(read.get("alpha").get(1).doubleValue()));
    assertTrue(Files.readString(local(file)).contains("\n  \"alpha\""), "expected pretty printing");
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    JsonFiles.writeAtomically(Map.of("iteration", 1), file, conf);
    JsonFiles.writeAtomically(Map.of("iteration", 2), file, conf);

    assertEquals(2, JsonFiles.readTree(file, conf).get("iteration").intValue());
    assertEquals(List.of(".metrics.json.crc", "metrics.json"), listing());
  }

  @Test
  void failedWriteKeepsThePreviousFileAndDeletesTheTemporaryOne() throws IOException {
    JsonFiles.writeAtomically(Map.of("iteration", 1), file, conf);
    // Jackson cannot serialise an object without properties
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> JsonFiles.writeAtomically(Map.of("bad", new Object()), file, conf));
    assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());

    assertEquals(1, JsonFiles.readTree(file, conf).get("iteration").intValue());
    assertEquals(List.of(".metrics.json.crc", "metrics.json"), listing());
  }

  @Test
  void emptyFile() throws IOException {
    Files.writeString(local(file), "");
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonFiles.readTree(file, conf));
    assertEquals(file + ": expected one JSON document, found an empty file", e.getMessage());
  }

  @Test
  void trailingContent() throws IOException {
    Files.writeString(local(file), "{\"a\": 1}\n{\"b\": 2}");
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonFiles.readTree(file, conf));
    assertTrue(e.getMessage().startsWith(file + ": expected one JSON document, found invalid JSON at line 2"),
        e.getMessage());
  }

  @Test
  void missingFile() {
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonFiles.readTree(file, conf));
    assertEquals(file + ": expected one JSON document, found no such file", e.getMessage());
  }

  private List<String> listing() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(tmp)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }
}
