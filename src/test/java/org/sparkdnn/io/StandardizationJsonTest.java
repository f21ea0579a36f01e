package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.train.EarlyStoppingState;
import org.sparkdnn.train.OptimizerState;

/**
 * The statistics of {@code --scale standardize} in model.json and checkpoints: written and read back bit for
 * bit, required with standardize and refused without it.
 */
class StandardizationJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Architecture ARCHITECTURE = Architecture.of(new int[] {3, 2, 1},
      java.util.List.of(Activation.RELU, Activation.SIGMOID));
  private static final Standardization STATISTICS =
      new Standardization(new double[] {0.1 + 0.2, -4000.5, 7.0}, new double[] {1e-300, 1092.053358222756, 0.0});
  private static final Provenance PROVENANCE = new Provenance("0.1.0", "17", "4.1.0", "2026-01-01T00:00:00Z", "he",
      1L, "train.csv", 37L);

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  private SavedModel model(FeatureScaling scaling, Standardization statistics) {
    return new SavedModel(ARCHITECTURE, ModelStoreTest.parameters(ARCHITECTURE, 3), scaling, statistics,
        Map.of("scale", scaling.toString()), PROVENANCE);
  }

  @Test
  void aStandardizedModelKeepsItsStatisticsBitForBit() {
    Path dir = new Path(tmp.resolve("model").toString());
    SavedModel written = model(FeatureScaling.standardize(), STATISTICS);
    ModelStore.write(written, dir, conf);
    SavedModel read = ModelStore.read(dir, conf);
    assertEquals(STATISTICS, read.standardization().orElseThrow());
    assertEquals(written, read);
    assertTrue(ModelStore.read(writeNone(), conf).standardization().isEmpty());
  }

  private Path writeNone() {
    Path dir = new Path(tmp.resolve("none").toString());
    ModelStore.write(model(FeatureScaling.none(), null), dir, conf);
    return dir;
  }

  @Test
  void theStatisticsComeExactlyWithStandardize() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> model(FeatureScaling.standardize(), null));
    assertThrows(IllegalArgumentException.class, () -> model(FeatureScaling.none(), STATISTICS));
    assertThrows(IllegalArgumentException.class, () -> model(FeatureScaling.standardize(),
        new Standardization(new double[] {0}, new double[] {1})));

    Path dir = new Path(tmp.resolve("model").toString());
    ModelStore.write(model(FeatureScaling.standardize(), STATISTICS), dir, conf);
    java.nio.file.Path file = tmp.resolve("model").resolve(ModelStore.MODEL_FILE);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    root.remove("standardization");
    rewrite(file, root);
    ModelFormatException missing = assertThrows(ModelFormatException.class, () -> ModelStore.read(dir, conf));
    assertTrue(missing.getMessage().contains("expected \"standardization\""), missing.getMessage());

    java.nio.file.Path none = tmp.resolve("none").resolve(ModelStore.MODEL_FILE);
    writeNone();
    ObjectNode other = (ObjectNode) JSON.readTree(none.toFile());
    other.set("standardization", JSON.readTree("{\"mean\": [0, 0, 0], \"std\": [1, 1, 1]}"));
    rewrite(none, other);
    ModelFormatException extra = assertThrows(ModelFormatException.class,
        () -> ModelStore.read(new Path(tmp.resolve("none").toString()), conf));
    assertTrue(extra.getMessage().contains("expected no \"standardization\""), extra.getMessage());
  }

  private static void rewrite(java.nio.file.Path file, ObjectNode root) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(root));
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  @Test
  void aCheckpointKeepsItsStatistics() {
    CheckpointStore store = CheckpointStore.open(new Path(tmp.resolve("checkpoints").toString()), conf);
    Checkpoint written = new Checkpoint(ModelStoreTest.parameters(ARCHITECTURE, 1), new double[] {0.69},
        Map.of("scale", "standardize"), "0".repeat(64), 37, OptimizerState.NONE,
        EarlyStoppingState.NONE, STATISTICS);
    Checkpoint read = store.read(store.write(written));
    assertEquals(STATISTICS, read.standardization());
  }
}
