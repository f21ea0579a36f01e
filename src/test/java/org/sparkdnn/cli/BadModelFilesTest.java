package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.testing.FileTrees;

/**
 * Damaged model directories given to predict, evaluate and export, and damaged course parameter files given to
 * {@code train --init-from}: each exits 3 with a message naming the file and stating what was expected and what
 * was found, before any large allocation (a model that claims 12.8 GB of parameters is refused from its file's
 * length, under a 4 GB test heap), and writes nothing.
 */
class BadModelFilesTest {
  private static final String DATA = Path.of("src/test/resources/bad-inputs/no-header.csv").toString();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The parameters of layers 2,3,1: W1 (3 × 2), b1 (3), W2 (1 × 3), b2 (1). */
  private static final int COUNT = 13;
  private static final long BYTES = 16 + 8L * COUNT;

  @TempDir
  static Path shared;
  private static Path trained;
  private static Path exported;

  @TempDir
  Path work;

  /** A way a model directory gets damaged, and what the message must say. */
  record Damage(String name, Edit edit, List<String> fragments) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Edit {
    void apply(Path modelDir) throws IOException;
  }

  private static Damage damage(String name, Edit edit, String... fragments) {
    return new Damage(name, edit, List.of(fragments));
  }

  static Stream<Damage> damagedModels() {
    return Stream.of(
        damage("parameters.bin truncated by a failed copy", dir -> rewrite(dir.resolve("parameters.bin"),
                bytes -> Arrays.copyOf(bytes, bytes.length - 20)),
            "parameters.bin: truncated", "expected " + BYTES + " bytes", "found " + (BYTES - 20) + " bytes"),
        damage("a flipped bit under Hadoop's checksum", dir -> {
          Path bin = dir.resolve("parameters.bin");
          byte[] bytes = Files.readAllBytes(bin);
          bytes[40] ^= 0x04;
          Files.write(bin, bytes); // the .crc file stays, as on a disk that corrupted the data
        }, "parameters.bin: expected content matching Hadoop's checksum", "found a mismatch"),
        damage("a flipped bit without a checksum file", dir -> rewrite(dir.resolve("parameters.bin"), bytes -> {
          bytes[40] ^= 0x04;
          return bytes;
        }), "parameters.bin: SHA-256 mismatch", "expected ", "(from model.json), found "),
        damage("a model of a newer format version", dir -> editJson(dir, json -> json.put("format_version", 2)),
            "model.json: expected \"format_version\": 1, found 2"),
        damage("layers edited by hand", dir -> editJson(dir, json -> json.putArray("layers").add(2).add(4).add(1)),
            "model.json: expected \"parameters.count\": 17", "found " + COUNT),
        damage("layers of 12.8 GB of parameters", dir -> editJson(dir, json -> {
          json.putArray("layers").add(40_000).add(40_000).add(1);
          ((ObjectNode) json.get("parameters")).put("count", 1_600_080_001L);
        }), "parameters.bin: truncated", "expected 12800640024 bytes", "found " + BYTES + " bytes"),
        damage("layers beyond any Java array", dir -> editJson(dir,
                json -> json.putArray("layers").add(100_000).add(100_000).add(1)),
            "model.json: invalid \"layers\"/\"activations\"", "layers [100000, 100000, 1] need ",
            "more than one Java array can hold"),
        damage("an absurd count in the parameter file's header", dir -> rewrite(dir.resolve("parameters.bin"),
                bytes -> ByteBuffer.wrap(bytes).putLong(8, 1L << 62).array()),
            "parameters.bin: expected a header count of " + COUNT + " (from model.json)",
            "found " + (1L << 62)),
        damage("model.json cut off half way", dir -> rewrite(dir.resolve("model.json"),
                bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
            "model.json: expected one JSON document, found invalid JSON at line "),
        damage("a save interrupted before model.json", dir -> delete(dir.resolve("model.json")),
            "model.json: expected the metadata file of a spark-dnn model directory, found no such file"),
        damage("a directory of predictions given as the model", dir -> {
          try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
              Files.delete(file);
            }
          }
          Files.writeString(dir.resolve("part-00000"), "0.37,0\n");
        }, "model.json: expected the metadata file of a spark-dnn model directory, found no such file"));
  }

  /** A parameter file in the course's JSON shape, damaged, and what the message must say. */
  static Stream<Damage> damagedCourseParameters() {
    return Stream.of(
        damage("cut off half way", file -> rewrite(file, bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
            "expected one JSON document, found invalid JSON at line "),
        damage("an empty file", file -> Files.write(file, new byte[0]),
            "expected one JSON document, found an empty file"),
        damage("parameters of another network", file -> editCourseJson(file, json -> {
          json.putArray("W1").addArray().add(0.1).add(0.2).add(0.3);
        }), "W1: expected 3 rows of 2 numbers, found 1 row"),
        damage("Python's NaN", file -> rewrite(file, bytes -> new String(bytes).replaceFirst(
            "\"b2\" : \\[ \\[ [^\\]]+\\]", "\"b2\" : [ [ NaN ]").getBytes()),
            "b2[0][0]: expected a finite number, found NaN"),
        damage("a model directory's model.json instead", file -> Files.copy(trained.resolve("model.json"), file,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING),
            "expected keys W1, b1, W2, b2, found missing W1, b1, W2, b2 and unexpected format"));
  }

  @BeforeAll
  static void trainAndExport() {
    trained = shared.resolve("model");
    CommandRun run = CommandRun.of("train", "--train", DATA, "--layers", "2,3,1", "--learning-rate", "0.5",
        "--iterations", "5", "--print-every", "0", "--output", trained.toString());
    assertEquals(0, run.exitCode(), run.toString());
    exported = shared.resolve("parameters.json");
    CommandRun export = CommandRun.of("export", "--model", trained.toString(), "--output", exported.toString());
    assertEquals(0, export.exitCode(), export.toString());
  }

  private static void rewrite(Path file, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
    Files.write(file, edit.apply(Files.readAllBytes(file)));
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  private static void delete(Path file) throws IOException {
    Files.delete(file);
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  private static void editJson(Path dir, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    editCourseJson(dir.resolve("model.json"), edit);
  }

  private static void editCourseJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
    edit.accept(json);
    rewrite(file, bytes -> {
      try {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void assertInvalid(CommandRun run, Path file, List<String> fragments) {
    assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
    for (String fragment : fragments) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
    assertTrue(run.err().contains(file.toString()), "stderr names " + file + "\n" + run);
    assertFalse(run.err().contains("\tat "), "a message, not a stack trace\n" + run);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedModels")
  void predictEvaluateAndExportRefuseADamagedModelAndWriteNothing(Damage damage) throws IOException {
    Path model = Files.createDirectory(work.resolve("model"));
    try (Stream<Path> files = Files.list(trained)) {
      for (Path file : files.toList()) {
        Files.copy(file, model.resolve(file.getFileName()));
      }
    }
    damage.edit().apply(model);
    Map<String, String> damaged = FileTrees.contents(model);
    String m = model.toString();
    assertInvalid(CommandRun.of("predict", "--model", m, "--input", DATA, "--output",
        work.resolve("predictions").toString()), model, damage.fragments());
    assertInvalid(CommandRun.of("evaluate", "--model", m, "--input", DATA, "--output",
        work.resolve("metrics.json").toString()), model, damage.fragments());
    assertInvalid(CommandRun.of("export", "--model", m, "--output", work.resolve("parameters.json").toString()),
        model, damage.fragments());
    assertEquals(damaged, FileTrees.contents(model), "the model directory, as it was");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(model), left.toList(), "no output, staging directory or temporary file");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedCourseParameters")
  void trainingFromDamagedCourseParametersFailsBeforeTrainingAndLeavesThePublishedModel(Damage damage)
      throws IOException {
    Path parameters = work.resolve("parameters.json");
    Files.copy(exported, parameters);
    damage.edit().apply(parameters);
    Path output = Files.createDirectory(work.resolve("published"));
    try (Stream<Path> files = Files.list(trained)) {
      for (Path file : files.toList()) {
        Files.copy(file, output.resolve(file.getFileName()));
      }
    }
    Map<String, String> published = FileTrees.contents(output);
    List<String> args = new ArrayList<>(List.of("train", "--train", DATA, "--layers", "2,3,1",
        "--learning-rate", "0.5", "--iterations", "5", "--print-every", "1", "--init-from", parameters.toString(),
        "--output", output.toString(), "--overwrite"));
    CommandRun run = CommandRun.of(args.toArray(new String[0]));
    assertInvalid(run, parameters, damage.fragments());
    assertFalse(run.out().contains("Cost after"), "stopped before training\n" + run);
    assertEquals(published, FileTrees.contents(output), "the published model");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(parameters, output), left.sorted().toList(), "no staging directory left");
    }
  }
}
