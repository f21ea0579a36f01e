package org.sparkdnn.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/**
 * Saves and loads {@link SavedModel}s as directories, through Hadoop's {@code FileSystem} (local paths,
 * {@code file://}, {@code hdfs://}, {@code s3a://}). A model directory holds two files:
 *
 * <ul>
 *   <li>{@code model.json}: {@code {"format": "spark-dnn-model", "format_version": 1, "layers": [...],
 *       "activations": [...], "scaling": "255", "none" or "standardize", with standardize
 *       {@code "standardization": {"mean": [...], "std": [...]}}, "parameters": {"file": "parameters.bin", "count": N,
 *       "sha256": "..."}, "config": {...}, "provenance": {...}}};
 *   <li>{@code parameters.bin}: the 8-byte magic {@code SDNNPAR1}, the int64 count N, then N IEEE-754 doubles,
 *       all big-endian ({@code DataOutputStream}'s order): the flat vector in {@link Architecture}'s layout.
 * </ul>
 *
 * <p>Each file is written under a temporary name and renamed, {@code model.json} last: a directory without
 * {@code model.json} is not a model, so an interrupted save never passes for a complete one.
 */
public final class ModelStore {
  /** The metadata file; its presence marks a complete model directory. */
  public static final String MODEL_FILE = "model.json";
  /** The binary parameter file. */
  public static final String PARAMETERS_FILE = "parameters.bin";

  private static final String FORMAT = "spark-dnn-model";
  private static final int FORMAT_VERSION = 1;
  private static final List<String> KEYS = List.of(
      "format", "format_version", "layers", "activations", "scaling", "parameters", "config", "provenance");
  private static final List<String> PROVENANCE_KEYS = List.of("spark_dnn_version", "java_version",
      "spark_version", "created_at", "initializer", "seed", "training_data", "num_examples");

  private ModelStore() {}

  /**
   * Writes {@code model} to {@code dir}, creating it if needed. An existing model there is replaced: its
   * {@code model.json} is deleted first, so an interrupted overwrite leaves no model rather than a mixed one.
   *
   * @throws UncheckedIOException if the file system fails
   */
  public static void write(SavedModel model, Path dir, Configuration conf) {
    Path modelFile = new Path(dir, MODEL_FILE);
    String sha256;
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.mkdirs(dir)) {
        throw new IOException("could not create the directory");
      }
      if (fs.exists(modelFile) && !fs.delete(modelFile, false)) {
        throw new IOException("could not delete the previous " + modelFile);
      }
      sha256 = ParametersFile.write(model.parameters().values(), new Path(dir, PARAMETERS_FILE), conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + dir + ": " + e.getMessage(), e);
    }
    JsonFiles.writeAtomically(metadata(model, sha256), modelFile, conf);
  }

  /**
   * Reads the model in {@code dir}, validating {@code model.json} completely and {@code parameters.bin}'s
   * length and header before allocating the parameter vector, and its SHA-256 after reading it.
   *
   * @throws ModelFormatException if a file is missing or does not match the format; the message starts with
   *     the file's path and states what was expected and what was found
   * @throws UncheckedIOException if the file system fails
   */
  public static SavedModel read(Path dir, Configuration conf) {
    try {
      return readChecked(dir, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static SavedModel readChecked(Path dir, Configuration conf) throws IOException {
    Path modelFile = new Path(dir, MODEL_FILE);
    if (!modelFile.getFileSystem(conf).exists(modelFile)) {
      throw new ModelFormatException(modelFile,
          "expected the metadata file of a spark-dnn model directory, found no such file");
    }
    JsonFieldReader root = JsonFieldReader.root(modelFile, JsonFiles.readTree(modelFile, conf));
    root.requireFormat(FORMAT, FORMAT_VERSION);
    List<String> keys = new ArrayList<>(KEYS);
    if (root.has(StandardizationJson.KEY)) {
      keys.add(StandardizationJson.KEY);
    }
    root.requireKeys(keys);
    Architecture architecture = root.architecture();
    FeatureScaling scaling = scaling(root);
    if (!scaling.isStandardize() && root.has(StandardizationJson.KEY)) {
      throw root.error("expected no \"" + StandardizationJson.KEY + "\" with \"scaling\": \"" + scaling
          + "\", found one");
    }
    Standardization standardization =
        scaling.isStandardize() ? StandardizationJson.read(root, architecture.inputSize()) : null;
    String sha256 = root.object("parameters").parametersSha256(PARAMETERS_FILE, architecture);
    Map<String, Object> config = config(root);
    Provenance provenance = provenance(root.object("provenance"));

    double[] values = ParametersFile.read(new Path(dir, PARAMETERS_FILE), architecture.numParameters(), sha256,
        conf);
    SavedModel model = new SavedModel(architecture, new Parameters(architecture, values), scaling, standardization,
        config, provenance);
    try {
      model.precision();
    } catch (IllegalArgumentException e) {
      throw root.error("invalid \"config.precision\": " + e.getMessage(), e);
    }
    return model;
  }

  private static ObjectNode metadata(SavedModel model, String sha256) {
    Architecture architecture = model.architecture();
    ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    ArrayNode layers = root.putArray("layers");
    for (int size : architecture.sizes()) {
      layers.add(size);
    }
    ArrayNode activations = root.putArray("activations");
    architecture.activations().forEach(activation -> activations.add(activation.label()));
    root.put("scaling", model.scaling().toString());
    model.standardization().ifPresent(standardization -> StandardizationJson.put(root, standardization));
    ObjectNode parameters = root.putObject("parameters");
    parameters.put("file", PARAMETERS_FILE);
    parameters.put("count", architecture.numParameters());
    parameters.put("sha256", sha256);
    root.set("config", JsonFiles.MAPPER.valueToTree(model.config()));
    Provenance p = model.provenance();
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("spark_dnn_version", p.sparkDnnVersion());
    provenance.put("java_version", p.javaVersion());
    provenance.put("spark_version", p.sparkVersion());
    provenance.put("created_at", p.createdAt());
    provenance.put("initializer", p.initializer());
    provenance.put("seed", p.seed());
    provenance.put("training_data", p.trainingData());
    provenance.put("num_examples", p.numExamples());
    return root;
  }



  private static FeatureScaling scaling(JsonFieldReader root) {
    String text = root.text("scaling");
    try {
      return FeatureScaling.parse(text);
    } catch (IllegalArgumentException e) {
      throw root.error("invalid \"scaling\": " + e.getMessage(), e);
    }
  }


  private static Map<String, Object> config(JsonFieldReader root) {
    try {
      return JsonValues.copyOfObject(root.map("config"), "config");
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage(), e);
    }
  }

  private static Provenance provenance(JsonFieldReader provenance) {
    provenance.requireKeys(PROVENANCE_KEYS);
    try {
      return new Provenance(provenance.text("spark_dnn_version"), provenance.text("java_version"),
          provenance.text("spark_version"), provenance.text("created_at"), provenance.text("initializer"),
          provenance.integer("seed"), provenance.text("training_data"), provenance.integer("num_examples"));
    } catch (IllegalArgumentException e) {
      throw provenance.error("invalid \"provenance\": " + e.getMessage(), e);
    }
  }
}
