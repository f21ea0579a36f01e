package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.EarlyStoppingState;
import org.sparkdnn.train.OptimizerState;

/**
 * {@link CheckpointStore}: a bit-identical round trip, the newest-two retention, and every corruption a
 * checkpoint can meet, each refused with a message naming the file, what was expected and what was found.
 * Files are tampered with through {@code java.nio}, dropping Hadoop's {@code .crc} files as an outside tool would.
 */
class CheckpointStoreTest {
  private static final Architecture ARCHITECTURE = Architecture.of(new int[] {4, 3, 2, 1},
      List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID));
  private static final String FINGERPRINT = "0123456789abcdef".repeat(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private CheckpointStore store;

  @BeforeEach
  void open() {
    store = CheckpointStore.open(new Path(tmp.resolve("checkpoints").toString()), conf);
  }

  private static Checkpoint checkpoint(int iteration) {
    double[] costs = new double[iteration];
    for (int i = 0; i < iteration; i++) {
      costs[i] = 0.693 / (1 + i) + 1e-17 * i; // last bits that a lossy decimal form would drop
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("layers", new int[] {4, 3, 2, 1});
    config.put("learning_rate", 0.0075);
    config.put("init_from", null);
    return new Checkpoint(ModelStoreTest.parameters(ARCHITECTURE, iteration), costs, config, FINGERPRINT, 209);
  }

  private java.nio.file.Path local(String name) {
    return tmp.resolve("checkpoints").resolve(name);
  }

  private List<String> files() throws IOException {
    try (Stream<java.nio.file.Path> list = Files.list(tmp.resolve("checkpoints"))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
    }
  }

  @Test
  void roundTripKeepsEverythingBitForBit() {
    Checkpoint written = checkpoint(30);
    Path json = store.write(written);
    assertEquals("checkpoint-0000000030.json", json.getName());
    assertEquals(Optional.of(json), store.newest());
    Checkpoint read = store.read(json);
    assertEquals(30, read.iteration());
    assertEquals(written.parameters(), read.parameters());
    assertArrayEquals(Arrays.stream(written.costs()).mapToLong(Double::doubleToRawLongBits).toArray(),
        Arrays.stream(read.costs()).mapToLong(Double::doubleToRawLongBits).toArray());
    assertEquals(written.config(), read.config());
    assertEquals(FINGERPRINT, read.dataFingerprint());
    assertEquals(209, read.numExamples());
  }

  @Test
  void theMovingAveragesOfMomentumAndAdamRoundTripAndArePrunedWithTheirCheckpoint() throws IOException {
    Checkpoint plain = checkpoint(30);
    int p = ARCHITECTURE.numParameters();
    double[] v = new double[p];
    double[] s = new double[p];
    for (int i = 0; i < p; i++) {
      v[i] = Math.scalb(1.0 + i, -7) - 0.1;
      s[i] = Math.scalb(1.0 + i * i, -20);
    }
    for (OptimizerState state : List.of(new OptimizerState(30, v, null), new OptimizerState(30, v, s))) {
      Checkpoint written = new Checkpoint(plain.parameters(), plain.costs(), plain.config(), FINGERPRINT, 209,
          state);
      Checkpoint read = store.read(store.write(written));
      assertEquals(30, read.optimizer().steps());
      assertArrayEquals(v, read.optimizer().velocity());
      assertArrayEquals(state.squares(), read.optimizer().squares());
    }
    assertTrue(files().contains("checkpoint-0000000030.optimizer.bin"), files().toString());
    byte[] moments = Files.readAllBytes(local("checkpoint-0000000030.optimizer.bin"));
    moments[moments.length - 3] ^= 0x01;
    replace("checkpoint-0000000030.optimizer.bin", moments);
    assertMessage(refused(store.newest().orElseThrow()), "checkpoint-0000000030.optimizer.bin",
        "SHA-256 mismatch: expected ");
    store.write(checkpoint(35));
    store.write(checkpoint(40));
    assertFalse(files().contains("checkpoint-0000000030.optimizer.bin"), files().toString());
    assertEquals(OptimizerState.NONE, store.read(store.newest().orElseThrow()).optimizer());
  }

  @Test
  void earlyStoppingsBestParametersRoundTripAndArePrunedWithTheirCheckpoint() throws IOException {
    Checkpoint plain = checkpoint(30);
    Parameters best = ModelStoreTest.parameters(ARCHITECTURE, 20);
    EarlyStoppingState state = new EarlyStoppingState(20, 0.25 + 1e-17, 2, best);
    Checkpoint written = new Checkpoint(plain.parameters(), plain.costs(), plain.config(), FINGERPRINT, 209,
        OptimizerState.NONE, state, null);
    Checkpoint read = store.read(store.write(written));
    assertEquals(20, read.stopping().bestIteration());
    assertEquals(Double.doubleToRawLongBits(0.25 + 1e-17), Double.doubleToRawLongBits(read.stopping().bestLoss()));
    assertEquals(2, read.stopping().withoutImprovement());
    assertEquals(best, read.stopping().best());
    assertTrue(files().contains("checkpoint-0000000030.best.bin"), files().toString());
    byte[] bytes = Files.readAllBytes(local("checkpoint-0000000030.best.bin"));
    bytes[bytes.length - 3] ^= 0x01;
    replace("checkpoint-0000000030.best.bin", bytes);
    assertMessage(refused(store.newest().orElseThrow()), "checkpoint-0000000030.best.bin",
        "SHA-256 mismatch: expected ");
    store.write(checkpoint(35));
    store.write(checkpoint(40));
    assertFalse(files().contains("checkpoint-0000000030.best.bin"), files().toString());
    assertEquals(EarlyStoppingState.NONE, store.read(store.newest().orElseThrow()).stopping());
  }

  @Test
  void earlyStoppingFieldsOutOfRangeAreRefused() throws IOException {
    Checkpoint plain = checkpoint(3);
    store.write(new Checkpoint(plain.parameters(), plain.costs(), plain.config(), FINGERPRINT, 209,
        OptimizerState.NONE, new EarlyStoppingState(3, 0.5, 0, plain.parameters()), null));
    Path json = store.newest().orElseThrow();
    editJson(root -> ((ObjectNode) root.get("early_stopping")).put("best_iteration", 4));
    assertMessage(refused(json), json.getName(), "expected \"early_stopping.best_iteration\" from 0 to 3, found 4");
    editJson(root -> ((ObjectNode) root.get("early_stopping")).put("best_iteration", 3).put("best_loss", "x"));
    assertMessage(refused(json), json.getName(), "\"early_stopping.best_loss\" to be a finite number");
    editJson(root -> ((ObjectNode) root.get("early_stopping")).put("best_loss", 0.5).remove("sha256"));
    assertMessage(refused(json), json.getName(), "missing sha256");
  }

  @Test
  void keepsTheNewestTwoAndClearsThemAll() throws IOException {
    assertEquals(Optional.empty(), store.newest());
    store.write(checkpoint(5));
    store.write(checkpoint(10));
    // leftovers of a write interrupted before its JSON file: an orphan parameter file and a temporary file
    Files.writeString(local("checkpoint-0000000012.parameters.bin"), "orphan");
    Files.writeString(local(".checkpoint-0000000007.json.1234.tmp"), "half");
    Files.writeString(local("notes.txt"), "not ours");
    store.write(checkpoint(15));
    assertEquals(List.of("checkpoint-0000000010.json", "checkpoint-0000000010.parameters.bin",
        "checkpoint-0000000012.parameters.bin", "checkpoint-0000000015.json", "checkpoint-0000000015.parameters.bin",
        "notes.txt"), files());
    assertEquals("checkpoint-0000000015.json", store.newest().orElseThrow().getName());
    assertEquals(2, store.clear());
    assertEquals(List.of("notes.txt"), files());
  }

  @Test
  void aFileInTheWayOfTheDirectoryIsRefused() throws IOException {
    Files.writeString(tmp.resolve("file"), "x");
    Path file = new Path(tmp.resolve("file").toString());
    Exception e = assertThrows(java.io.UncheckedIOException.class, () -> CheckpointStore.open(file, conf));
    assertTrue(e.getMessage().contains("expected a directory, found a file"), e.getMessage());
  }

  // --- corruption: each refused with the file, what was expected and what was found

  private Path written() {
    return store.write(checkpoint(3));
  }

  private ModelFormatException refused(Path json) {
    return assertThrows(ModelFormatException.class, () -> store.read(json));
  }

  private static void assertMessage(ModelFormatException e, String file, String... parts) {
    assertTrue(e.getMessage().contains(file + ": "), () -> "message should name " + file + ": " + e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "message should contain '" + part + "': " + e.getMessage());
    }
  }

  private void replace(String name, byte[] content) throws IOException {
    Files.write(local(name), content);
    Files.deleteIfExists(local("." + name + ".crc"));
  }

  private void editJson(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(local("checkpoint-0000000003.json").toFile());
    edit.accept(json);
    replace("checkpoint-0000000003.json", JSON.writeValueAsBytes(json));
  }

  private byte[] parameterBytes() throws IOException {
    return Files.readAllBytes(local("checkpoint-0000000003.parameters.bin"));
  }

  @Test
  void truncatedParameterFile() throws IOException {
    Path json = written();
    byte[] bytes = parameterBytes();
    replace("checkpoint-0000000003.parameters.bin", Arrays.copyOf(bytes, bytes.length - 5));
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin", "truncated: expected " + bytes.length
        + " bytes", "found " + (bytes.length - 5) + " bytes");
  }

  @Test
  void truncatedJson() throws IOException {
    Path json = written();
    byte[] bytes = Files.readAllBytes(local(json.getName()));
    replace(json.getName(), Arrays.copyOf(bytes, bytes.length / 2));
    assertMessage(refused(json), json.getName(), "expected one JSON document, found invalid JSON");
  }

  @Test
  void flippedByteFailsTheSha256() throws IOException {
    Path json = written();
    byte[] bytes = parameterBytes();
    bytes[16 + 8 * 5 + 2] ^= 0x01;
    replace("checkpoint-0000000003.parameters.bin", bytes);
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin", "SHA-256 mismatch: expected ",
        "found ");
  }

  @Test
  void flippedByteUnderHadoopsChecksumFile() throws IOException {
    Path json = written();
    byte[] bytes = parameterBytes();
    bytes[20] ^= 0x40;
    Files.write(local("checkpoint-0000000003.parameters.bin"), bytes);
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin",
        "expected content matching Hadoop's checksum", "found a mismatch");
  }

  @Test
  void wrongFormatAndVersion() throws IOException {
    Path json = written();
    editJson(root -> root.put("format_version", 2));
    assertMessage(refused(json), json.getName(), "expected \"format_version\": 1, found 2");
    editJson(root -> root.put("format", "spark-dnn-model"));
    assertMessage(refused(json), json.getName(),
        "expected \"format\": \"spark-dnn-checkpoint\", found \"spark-dnn-model\"");
  }

  @Test
  void wrongShape() throws IOException {
    Path json = written();
    editJson(root -> ((ArrayNode) root.get("layers")).set(1, 5));
    assertMessage(refused(json), json.getName(), "expected \"parameters.count\": 40", "found 26");
  }

  @Test
  void parameterFileOfAnotherShape() throws IOException {
    Path json = written();
    byte[] bytes = parameterBytes();
    ByteBuffer.wrap(bytes).putLong(8, 25);
    replace("checkpoint-0000000003.parameters.bin", bytes);
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin",
        "expected a header count of 26 (from checkpoint-0000000003.json)", "found 25");
  }

  @Test
  void absurdSizesInHeaders() throws IOException {
    Path json = written();
    byte[] bytes = parameterBytes();
    ByteBuffer.wrap(bytes).putLong(8, Long.MAX_VALUE);
    replace("checkpoint-0000000003.parameters.bin", bytes);
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin",
        "expected a header count of 26", "found " + Long.MAX_VALUE);

    editJson(root -> root.putObject("parameters").put("file", "checkpoint-0000000003.parameters.bin")
        .put("count", 4_000_000_000_000L).put("sha256", FINGERPRINT));
    assertMessage(refused(json), json.getName(), "expected \"parameters.count\": 26", "found 4000000000000");

    editJson(root -> root.putArray("layers").add(2_000_000_000).add(2_000_000_000).add(1));
    assertMessage(refused(json), json.getName(), "invalid \"layers\"/\"activations\"");

    editJson(root -> root.put("iteration", 99_999_999_999L));
    assertMessage(refused(json), json.getName(), "expected \"iteration\": 3 (from the file name)",
        "found 99999999999");
  }

  @Test
  void costsThatDoNotMatchTheIteration() throws IOException {
    Path json = written();
    editJson(root -> ((ArrayNode) root.get("costs")).remove(0));
    assertMessage(refused(json), json.getName(), "one cost per iteration done, 3, found 2");
    editJson(root -> ((ArrayNode) root.get("costs")).add("NaN"));
    assertMessage(refused(json), json.getName(), "expected \"costs\" to be a list of finite numbers");
  }

  @Test
  void malformedFingerprintAndMissingKeys() throws IOException {
    Path json = written();
    editJson(root -> ((ObjectNode) root.get("data")).put("fingerprint", "abc"));
    assertMessage(refused(json), json.getName(), "expected \"data.fingerprint\" to be 64 lowercase hexadecimal",
        "found \"abc\"");
    editJson(root -> root.remove("config"));
    assertMessage(refused(json), json.getName(), "found missing config");
  }

  @Test
  void missingParameterFile() throws IOException {
    Path json = written();
    Files.delete(local("checkpoint-0000000003.parameters.bin"));
    Files.deleteIfExists(local(".checkpoint-0000000003.parameters.bin.crc"));
    assertMessage(refused(json), "checkpoint-0000000003.parameters.bin", "found no such file");
  }
}
