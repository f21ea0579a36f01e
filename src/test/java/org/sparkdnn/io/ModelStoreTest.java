package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/**
 * {@link ModelStore}: a bit-identical round trip, and every validation path of {@link ModelStore#read}, each
 * failure's message starting with the offending file's path and stating what was expected and what was found.
 * Files are tampered with through {@code java.nio}, as a tool outside Hadoop would, so the {@code .crc}
 * files that Hadoop's local file system keeps are deleted with them.
 */
class ModelStoreTest {
  private static final Architecture ARCHITECTURE = Architecture.of(new int[] {4, 3, 2, 1},
      List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID));
  private static final int COUNT = 4 * 3 + 3 + 3 * 2 + 2 + 2 + 1;

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private Path dir;
  private Path modelFile;
  private Path parametersFile;

  @BeforeEach
  void paths() {
    dir = new Path(tmp.resolve("model").toString());
    modelFile = new Path(dir, ModelStore.MODEL_FILE);
    parametersFile = new Path(dir, ModelStore.PARAMETERS_FILE);
  }

  /** Random values plus the edge cases of IEEE-754: signed zero, subnormal, extremes, a NaN with a payload. */
  static Parameters parameters(Architecture architecture, long seed) {
    Random random = new Random(seed);
    double[] values = new double[architecture.numParameters()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() / 3.0;
    }
    values[0] = -0.0;
    values[1] = Double.MIN_VALUE;
    values[2] = -Double.MAX_VALUE;
    values[3] = 0.1 + 0.2;
    values[4] = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
    return new Parameters(architecture, values);
  }

  static SavedModel model() {
    Map<String, Object> optimizer = new LinkedHashMap<>();
    optimizer.put("learning_rate", 0.0075);
    optimizer.put("iterations", 2500);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("train", "data/train_catvnoncat.h5");
    config.put("optimizer", optimizer);
    config.put("layers", new int[] {4, 3, 2, 1});
    config.put("activations", new String[] {"relu", "tanh", "sigmoid"});
    config.put("partitions", 5L);
    config.put("max_bytes", 5_000_000_000L);
    config.put("shuffle", false);
    config.put("checkpoint", null);
    Provenance provenance = new Provenance("0.1.0", "17.0.12", "4.1.0", "2025-06-01T12:00:00Z", "course-deep",
        1L, "hdfs://namenode/data/train_catvnoncat.h5", 209L);
    return new SavedModel(ARCHITECTURE, parameters(ARCHITECTURE, 7), FeatureScaling.parse("255"), config,
        provenance);
  }

  private static long[] bits(Parameters parameters) {
    return Arrays.stream(parameters.values()).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @Test
  void roundTripKeepsEverythingBitForBit() throws IOException {
    SavedModel model = model();
    ModelStore.write(model, dir, conf);
    SavedModel read = ModelStore.read(dir, conf);

    assertArrayEquals(bits(model.parameters()), bits(read.parameters()));
    assertEquals(ARCHITECTURE, read.architecture());
    assertEquals("255", read.scaling().toString());
    assertEquals(model.config(), read.config());
    assertEquals(List.copyOf(model.config().keySet()), List.copyOf(read.config().keySet()));
    assertEquals(model.provenance(), read.provenance());
    assertEquals(model, read);
  }

  @Test
  void writesTheDocumentedLayout() throws IOException {
    ModelStore.write(model(), dir, conf);

    byte[] binary = Files.readAllBytes(local(parametersFile));
    assertEquals(16 + 8 * COUNT, binary.length);
    assertEquals("SDNNPAR1", new String(binary, 0, 8, StandardCharsets.US_ASCII));
    ByteBuffer buffer = ByteBuffer.wrap(binary);
    assertEquals(COUNT, buffer.getLong(8));
    assertEquals(Double.doubleToRawLongBits(0.1 + 0.2), buffer.getLong(16 + 8 * 3));

    ObjectNode json = readJson(modelFile);
    assertEquals(List.of("format", "format_version", "layers", "activations", "scaling", "parameters", "config",
        "provenance"), fieldNames(json));
    assertEquals("spark-dnn-model", json.get("format").textValue());
    assertEquals(1, json.get("format_version").intValue());
    assertEquals("[4,3,2,1]", json.get("layers").toString());
    assertEquals("[\"relu\",\"tanh\",\"sigmoid\"]", json.get("activations").toString());
    assertEquals("255", json.get("scaling").textValue());
    assertEquals("parameters.bin", json.at("/parameters/file").textValue());
    assertEquals(COUNT, json.at("/parameters/count").intValue());
    assertEquals(sha256(binary), json.at("/parameters/sha256").textValue());
    assertEquals(0.0075, json.at("/config/optimizer/learning_rate").doubleValue());
    assertEquals("course-deep", json.at("/provenance/initializer").textValue());
    assertEquals(209, json.at("/provenance/num_examples").longValue());
    try (Stream<java.nio.file.Path> files = Files.list(local(dir))) {
      assertFalse(files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp")), "temporary file left");
    }
  }

  @Test
  void overwritesAnExistingModel() throws IOException {
    ModelStore.write(model(), dir, conf);
    Architecture logistic = Architecture.withHidden(new int[] {4, 1}, Activation.RELU);
    SavedModel other = new SavedModel(logistic, parameters(logistic, 3), FeatureScaling.parse("none"), Map.of(),
        model().provenance());
    ModelStore.write(other, dir, conf);

    assertEquals(other, ModelStore.read(dir, conf));
  }

  @Test
  void worksThroughAFileUri() throws IOException {
    Path uri = new Path(local(dir).toUri());
    assertEquals("file", uri.toUri().getScheme());
    ModelStore.write(model(), uri, conf);

    assertEquals(model(), ModelStore.read(dir, conf));
  }

  @Test
  void missingModelJson() throws IOException {
    Files.createDirectories(local(dir));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected the metadata file", "found no such file");
  }

  @Test
  void parametersWithoutModelJsonAreNotAModel() throws IOException {
    ModelStore.write(model(), dir, conf);
    Files.delete(local(modelFile));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "found no such file");
  }

  @Test
  void badJson() throws IOException {
    ModelStore.write(model(), dir, conf);
    replace(modelFile, "{\"format\": \"spark-dnn-model\",\n \"format_version\": ".getBytes());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected one JSON document", "found invalid JSON at line 2");
  }

  @Test
  void notAnObject() throws IOException {
    ModelStore.write(model(), dir, conf);
    replace(modelFile, "[1, 2]".getBytes());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected a JSON object", "found [1,2]");
  }

  @Test
  void wrongFormat() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.put("format", "keras"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"format\": \"spark-dnn-model\"", "found \"keras\"");
  }

  @Test
  void wrongFormatVersion() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.put("format_version", 2));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"format_version\": 1", "found 2");
  }

  @Test
  void missingAndUnexpectedKeys() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> {
      json.remove("scaling");
      json.put("scale", "255");
    });
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected keys format, format_version, layers, activations, scaling,",
        "found missing scaling and unexpected scale");
  }

  @Test
  void layersThatAreNotIntegers() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.put("layers", "4,3,2,1"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"layers\" to be a list of integers", "found \"4,3,2,1\"");
  }

  @Test
  void layersThatMakeNoArchitecture() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.putArray("layers").add(4).add(3).add(2).add(2));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "invalid \"layers\"/\"activations\"", "must have 1 unit", "found n[3] = 2");
  }

  @Test
  void unknownActivation() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.putArray("activations").add("relu").add("swish").add("sigmoid"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "unknown activation 'swish'", "expected one of sigmoid, tanh, relu, leaky_relu");
  }

  @Test
  void layersOfAnotherSize() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.putArray("layers").add(4).add(5).add(2).add(1));
    int otherCount = 4 * 5 + 5 + 5 * 2 + 2 + 2 + 1;
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"parameters.count\": " + otherCount, "found " + COUNT);
  }

  @Test
  void countThatDisagreesWithTheLayers() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> ((ObjectNode) json.get("parameters")).put("count", COUNT + 1));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"parameters.count\": " + COUNT, "found " + (COUNT + 1));
  }

  @Test
  void otherParameterFileName() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> ((ObjectNode) json.get("parameters")).put("file", "../weights.bin"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"parameters.file\": \"parameters.bin\"", "found \"../weights.bin\"");
  }

  @Test
  void malformedSha256() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> ((ObjectNode) json.get("parameters")).put("sha256", "ABC"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"parameters.sha256\" to be 64 lowercase hexadecimal digits",
        "found \"ABC\"");
  }

  @Test
  void invalidScaling() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> json.put("scaling", "-255"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "invalid \"scaling\"", "-255");
  }

  @Test
  void nonFiniteConfigValue() throws IOException {
    ModelStore.write(model(), dir, conf);
    replace(modelFile, Files.readString(local(modelFile))
        .replace("\"learning_rate\" : 0.0075", "\"learning_rate\" : NaN").getBytes());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "config.optimizer.learning_rate: expected a JSON value", "found java.lang.Double NaN");
  }

  @Test
  void invalidProvenance() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> ((ObjectNode) json.get("provenance")).put("created_at", "yesterday"));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "invalid \"provenance\"", "expected an ISO-8601 instant", "found 'yesterday'");
  }

  @Test
  void provenanceSeedThatIsNotAnInteger() throws IOException {
    ModelStore.write(model(), dir, conf);
    editModelJson(json -> ((ObjectNode) json.get("provenance")).put("seed", 1.5));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, modelFile, "expected \"provenance.seed\" to be an integer", "found 1.5");
  }

  @Test
  void missingParametersFile() throws IOException {
    ModelStore.write(model(), dir, conf);
    deleteWithChecksum(parametersFile);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "expected the parameter file of " + (16 + 8 * COUNT) + " bytes",
        "found no such file");
  }

  @Test
  void truncatedParametersFile() throws IOException {
    ModelStore.write(model(), dir, conf);
    tamper(parametersFile, bytes -> Arrays.copyOf(bytes, bytes.length - 5));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "truncated", "expected " + (16 + 8 * COUNT) + " bytes",
        "found " + (16 + 8 * COUNT - 5) + " bytes");
  }

  @Test
  void parametersFileShorterThanItsHeader() throws IOException {
    ModelStore.write(model(), dir, conf);
    tamper(parametersFile, bytes -> Arrays.copyOf(bytes, 10));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "truncated", "expected " + (16 + 8 * COUNT) + " bytes", "found 10 bytes");
  }

  @Test
  void parametersFileTooLong() throws IOException {
    ModelStore.write(model(), dir, conf);
    tamper(parametersFile, bytes -> Arrays.copyOf(bytes, bytes.length + 8));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "expected " + (16 + 8 * COUNT) + " bytes",
        "found " + (16 + 8 * COUNT + 8) + " bytes (8 too many)");
  }

  @Test
  void wrongMagic() throws IOException {
    ModelStore.write(model(), dir, conf);
    tamper(parametersFile, bytes -> {
      System.arraycopy("PK\u0003\u0004junk".getBytes(), 0, bytes, 0, 8);
      return bytes;
    });
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "expected the magic \"SDNNPAR1\"", "found \"PK\\x03\\x04junk\"");
  }

  @Test
  void headerCountThatDisagreesWithModelJson() throws IOException {
    ModelStore.write(model(), dir, conf);
    tamper(parametersFile, bytes -> {
      ByteBuffer.wrap(bytes).putLong(8, COUNT - 1);
      return bytes;
    });
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "expected a header count of " + COUNT + " (from model.json)",
        "found " + (COUNT - 1));
  }

  @Test
  void flippedByteFailsTheSha256() throws IOException {
    ModelStore.write(model(), dir, conf);
    String expected = readJson(modelFile).at("/parameters/sha256").textValue();
    tamper(parametersFile, bytes -> {
      bytes[16 + 8 * 7 + 3] ^= 0x10;
      return bytes;
    });
    String found = sha256(Files.readAllBytes(local(parametersFile)));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "SHA-256 mismatch", "expected " + expected, "found " + found);
  }

  @Test
  void flippedByteUnderHadoopsChecksumFile() throws IOException {
    ModelStore.write(model(), dir, conf);
    java.nio.file.Path bin = local(parametersFile);
    assertTrue(Files.exists(bin.resolveSibling("." + bin.getFileName() + ".crc")), "no .crc file to check");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[16 + 8 * 7 + 3] ^= 0x10;
    Files.write(bin, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertMessage(e, parametersFile, "expected content matching Hadoop's checksum", "found a mismatch");
  }

  private void assertMessage(ModelFormatException e, Path file, String... parts) {
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), () -> "message should start with " + file + ": " + message);
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "message should contain '" + part + "': " + message);
    }
  }

  private static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }

  private static ObjectNode readJson(Path file) throws IOException {
    return (ObjectNode) new ObjectMapper().readTree(local(file).toFile());
  }

  private void editModelJson(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode json = readJson(modelFile);
    edit.accept(json);
    replace(modelFile, new ObjectMapper().writeValueAsBytes(json));
  }

  private void tamper(Path file, UnaryOperator<byte[]> edit) throws IOException {
    replace(file, edit.apply(Files.readAllBytes(local(file))));
  }

  /** Rewrites a file and drops its Hadoop checksum, as a tool outside Hadoop would leave it. */
  private static void replace(Path file, byte[] content) throws IOException {
    Files.write(local(file), content);
    deleteChecksum(file);
  }

  private static void deleteWithChecksum(Path file) throws IOException {
    Files.delete(local(file));
    deleteChecksum(file);
  }

  private static void deleteChecksum(Path file) throws IOException {
    java.nio.file.Path path = local(file);
    Files.deleteIfExists(path.resolveSibling("." + path.getFileName() + ".crc"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> fieldNames(ObjectNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
