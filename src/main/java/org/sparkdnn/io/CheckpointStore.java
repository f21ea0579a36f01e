package org.sparkdnn.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.train.EarlyStoppingState;
import org.sparkdnn.train.OptimizerState;

/**
 * The checkpoints of one training run in a directory on any Hadoop filesystem. Checkpoint i (the state after i
 * iterations) is two files:
 *
 * <ul>
 *   <li>{@code checkpoint-<i, 10 digits>.parameters.bin}: the parameters, in {@code parameters.bin}'s format
 *       (magic {@code SDNNPAR1}, int64 count, big-endian doubles), written first;
 *   <li>{@code checkpoint-<i, 10 digits>.json}: {@code {"format": "spark-dnn-checkpoint", "format_version": 1,
 *       "iteration": i, "layers": [...], "activations": [...], "parameters": {"file", "count", "sha256"},
 *       "costs": [i numbers], "data": {"fingerprint", "num_examples"}, "config": {...}, "created_at"}}, written
 *       last: its presence marks a complete checkpoint; with momentum or Adam also
 *       {@code "optimizer": {"steps", "file", "count", "sha256"}}; with {@code --scale standardize} also the
 *       training data's statistics, {@code "standardization": {"mean": [...], "std": [...]}};
 *   <li>{@code checkpoint-<i, 10 digits>.optimizer.bin} (momentum, Adam): the update rule's moving averages, v then
 *       s (Adam), in the same format, written before the JSON file.
 *   <li>{@code checkpoint-<i, 10 digits>.best.bin} (early stopping, once checked): the best parameters checked, in
 *       the same format, written before the JSON file, which then holds {@code "early_stopping": {"best_iteration",
 *       "best_loss", "without_improvement", "file", "count", "sha256"}}.
 * </ul>
 *
 * <p>Each file is written to a temporary file and renamed. Once a checkpoint is complete, those older than the
 * newest {@link #KEEP} are deleted (with any leftovers of interrupted writes), so a crash at any point leaves
 * at least one complete checkpoint once one was written. No Java serialization: reading validates every field,
 * and the parameter file's length, header and SHA-256, before it allocates the parameters.
 */
public final class CheckpointStore {
  /** Complete checkpoints kept: the newest and the one before, in case the newest is lost. */
  public static final int KEEP = 2;

  private static final String FORMAT = "spark-dnn-checkpoint";
  private static final int FORMAT_VERSION = 1;
  /** A checkpoint's JSON holds one number per iteration, about 25 bytes each: 256 MiB is ~10 million. */
  private static final long MAX_JSON_BYTES = 256L << 20;
  private static final List<String> KEYS = List.of("format", "format_version", "iteration", "layers",
      "activations", "parameters", "costs", "data", "config", "created_at");
  private static final List<String> DATA_KEYS = List.of("fingerprint", "num_examples");
  private static final Pattern COMPLETE = Pattern.compile("checkpoint-(\\d{10})\\.json");
  /** Every file a checkpoint write leaves, temporary ones included; group 1 is the iteration. */
  private static final Pattern ANY_FILE =
      Pattern.compile("\\.?checkpoint-(\\d{10})\\.(json|parameters\\.bin|optimizer\\.bin|best\\.bin)(\\..+\\.tmp)?");
  private static final List<String> OPTIMIZER_KEYS = List.of("steps", "file", "count", "sha256");
  private static final List<String> STOPPING_KEYS =
      List.of("best_iteration", "best_loss", "without_improvement", "file", "count", "sha256");

  private final Path dir;
  private final FileSystem fs;
  private final Configuration conf;

  private CheckpointStore(Path dir, FileSystem fs, Configuration conf) {
    this.dir = dir;
    this.fs = fs;
    this.conf = conf;
  }

  /**
   * The checkpoints in {@code dir}, which is created if it does not exist.
   *
   * @throws UncheckedIOException if the directory cannot be created (a file in the way, no permission)
   */
  public static CheckpointStore open(Path dir, Configuration conf) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      Path qualified = fs.makeQualified(dir);
      if (fs.exists(qualified) && !fs.getFileStatus(qualified).isDirectory()) {
        throw new IOException("expected a directory, found a file");
      }
      if (!fs.mkdirs(qualified)) {
        throw new IOException("expected a directory that can be created, found the file system refusing it");
      }
      return new CheckpointStore(qualified, fs, conf);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
  }

  /** The directory, qualified. */
  public Path dir() {
    return dir;
  }

  /** The JSON file of the newest complete checkpoint, if there is one. */
  public Optional<Path> newest() {
    TreeSet<Integer> complete = completeIterations();
    return complete.isEmpty() ? Optional.empty() : Optional.of(jsonFile(complete.last()));
  }

  /**
   * Writes {@code checkpoint} (the parameter file, then the JSON file), then deletes the checkpoints older than
   * the newest {@link #KEEP}.
   *
   * @return the JSON file written
   * @throws UncheckedIOException if the file system fails; the previous checkpoints are then left as they were
   */
  public Path write(Checkpoint checkpoint) {
    int iteration = checkpoint.iteration();
    Path json = jsonFile(iteration);
    String sha256;
    String momentsSha256 = null;
    String bestSha256 = null;
    EarlyStoppingState stopping = checkpoint.stopping();
    try {
      sha256 = ParametersFile.write(checkpoint.parameters().values(), parametersFile(iteration), conf);
      double[] moments = moments(checkpoint.optimizer());
      if (moments != null) {
        momentsSha256 = ParametersFile.write(moments, optimizerFile(iteration), conf);
      }
      if (stopping.checked()) {
        bestSha256 = ParametersFile.write(stopping.best().values(), bestFile(iteration), conf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + json + ": " + e.getMessage(), e);
    }
    ObjectNode metadata = metadata(checkpoint, sha256);
    if (momentsSha256 != null) {
      ObjectNode optimizer = metadata.putObject("optimizer");
      optimizer.put("steps", checkpoint.optimizer().steps());
      optimizer.put("file", optimizerFile(iteration).getName());
      optimizer.put("count", moments(checkpoint.optimizer()).length);
      optimizer.put("sha256", momentsSha256);
    }
    if (bestSha256 != null) {
      ObjectNode early = metadata.putObject("early_stopping");
      early.put("best_iteration", stopping.bestIteration());
      early.put("best_loss", stopping.bestLoss());
      early.put("without_improvement", stopping.withoutImprovement());
      early.put("file", bestFile(iteration).getName());
      early.put("count", stopping.best().values().length);
      early.put("sha256", bestSha256);
    }
    JsonFiles.writeAtomically(metadata, json, conf);
    prune();
    return json;
  }

  /**
   * Deletes every checkpoint (and leftover of one) in the directory, complete ones' JSON files first.
   *
   * @return the number of complete checkpoints deleted
   */
  public int clear() {
    return deleteOlderThan(Integer.MAX_VALUE);
  }

  private void prune() {
    List<Integer> newestFirst = new ArrayList<>(completeIterations().descendingSet());
    if (newestFirst.size() >= KEEP) {
      deleteOlderThan(newestFirst.get(KEEP - 1));
    }
  }

  /** Deletes the files of every checkpoint before {@code iteration}, JSON files first; returns how many JSON. */
  private int deleteOlderThan(int iteration) {
    List<FileStatus> files = new ArrayList<>(listing());
    // a ".json" file marks a checkpoint complete: it goes before the parameters it points to
    files.sort(Comparator.comparing((FileStatus f) -> !COMPLETE.matcher(f.getPath().getName()).matches()));
    int deleted = 0;
    try {
      for (FileStatus file : files) {
        Matcher m = ANY_FILE.matcher(file.getPath().getName());
        if (m.matches() && Long.parseLong(m.group(1)) < iteration) {
          fs.delete(file.getPath(), false);
          deleted += COMPLETE.matcher(file.getPath().getName()).matches() ? 1 : 0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete old checkpoints in " + dir + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  private TreeSet<Integer> completeIterations() {
    TreeSet<Integer> iterations = new TreeSet<>();
    for (FileStatus file : listing()) {
      Matcher m = COMPLETE.matcher(file.getPath().getName());
      if (m.matches() && file.isFile() && Long.parseLong(m.group(1)) <= Integer.MAX_VALUE) {
        iterations.add(Integer.parseInt(m.group(1)));
      }
    }
    return iterations;
  }

  private List<FileStatus> listing() {
    try {
      return List.of(fs.listStatus(dir));
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path jsonFile(int iteration) {
    return new Path(dir, String.format("checkpoint-%010d.json", iteration));
  }

  private Path parametersFile(int iteration) {
    return new Path(dir, String.format("checkpoint-%010d.parameters.bin", iteration));
  }

  private Path optimizerFile(long iteration) {
    return new Path(dir, String.format("checkpoint-%010d.optimizer.bin", iteration));
  }

  private Path bestFile(long iteration) {
    return new Path(dir, String.format("checkpoint-%010d.best.bin", iteration));
  }

  /** v, then s when there is one, as one vector; null without a velocity. */
  private static double[] moments(OptimizerState state) {
    if (state.velocity() == null) {
      return null;
    }
    if (state.squares() == null) {
      return state.velocity();
    }
    double[] both = Arrays.copyOf(state.velocity(), 2 * state.velocity().length);
    System.arraycopy(state.squares(), 0, both, state.velocity().length, state.squares().length);
    return both;
  }

  /** The optimizer state a checkpoint's JSON points to (none without the key); its file checked as parameters'. */
  private OptimizerState optimizerState(JsonFieldReader root, Path json, long iteration, int numParameters)
      throws IOException {
    if (!root.has("optimizer")) {
      return OptimizerState.NONE;
    }
    JsonFieldReader optimizer = root.object("optimizer");
    optimizer.requireKeys(OPTIMIZER_KEYS);
    long steps = optimizer.integer("steps");
    if (steps < 0 || steps > Integer.MAX_VALUE) {
      throw optimizer.error("expected \"optimizer.steps\" from 0 to " + Integer.MAX_VALUE + ", found " + steps);
    }
    String expectedFile = optimizerFile(iteration).getName();
    String file = optimizer.text("file");
    if (!file.equals(expectedFile)) {
      throw optimizer.error("expected \"optimizer.file\": \"" + expectedFile + "\", found \"" + file + "\"");
    }
    long count = optimizer.integer("count");
    if (count != numParameters && count != 2L * numParameters) {
      throw optimizer.error("expected \"optimizer.count\" " + numParameters + " (momentum) or "
          + 2L * numParameters + " (Adam), found " + count);
    }
    double[] moments = ParametersFile.read(new Path(json.getParent(), file), (int) count,
        optimizer.sha256("sha256"), json.getName(), conf);
    return count == numParameters ? new OptimizerState((int) steps, moments, null)
        : new OptimizerState((int) steps, Arrays.copyOf(moments, numParameters),
            Arrays.copyOfRange(moments, numParameters, 2 * numParameters));
  }

  /** Early stopping's state a checkpoint's JSON holds (none without the key); its file checked as parameters'. */
  private EarlyStoppingState stoppingState(JsonFieldReader root, Path json, long iteration,
      Architecture architecture) throws IOException {
    if (!root.has("early_stopping")) {
      return EarlyStoppingState.NONE;
    }
    JsonFieldReader early = root.object("early_stopping");
    early.requireKeys(STOPPING_KEYS);
    long best = early.integer("best_iteration");
    if (best < 0 || best > iteration) {
      throw early.error("expected \"early_stopping.best_iteration\" from 0 to " + iteration + ", found " + best);
    }
    double loss = early.finiteNumber("best_loss");
    if (loss < 0) {
      throw early.error("expected \"early_stopping.best_loss\" to be 0 or more, found " + loss);
    }
    long without = early.integer("without_improvement");
    if (without < 0 || without > iteration + 1) {
      throw early.error("expected \"early_stopping.without_improvement\" from 0 to " + (iteration + 1)
          + ", found " + without);
    }
    String expectedFile = bestFile(iteration).getName();
    String file = early.text("file");
    if (!file.equals(expectedFile)) {
      throw early.error("expected \"early_stopping.file\": \"" + expectedFile + "\", found \"" + file + "\"");
    }
    long count = early.integer("count");
    if (count != architecture.numParameters()) {
      throw early.error("expected \"early_stopping.count\" " + architecture.numParameters() + " (the parameters of "
          + architecture + "), found " + count);
    }
    double[] values = ParametersFile.read(new Path(json.getParent(), file), architecture.numParameters(),
        early.sha256("sha256"), json.getName(), conf);
    return new EarlyStoppingState((int) best, loss, (int) without, new Parameters(architecture, values));
  }

  private static ObjectNode metadata(Checkpoint checkpoint, String sha256) {
    Architecture architecture = checkpoint.architecture();
    ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("iteration", checkpoint.iteration());
    ArrayNode layers = root.putArray("layers");
    for (int size : architecture.sizes()) {
      layers.add(size);
    }
    ArrayNode activations = root.putArray("activations");
    architecture.activations().forEach(activation -> activations.add(activation.label()));
    ObjectNode parameters = root.putObject("parameters");
    parameters.put("file", String.format("checkpoint-%010d.parameters.bin", checkpoint.iteration()));
    parameters.put("count", architecture.numParameters());
    parameters.put("sha256", sha256);
    ArrayNode costs = root.putArray("costs");
    for (double cost : checkpoint.costs()) {
      costs.add(cost);
    }
    ObjectNode data = root.putObject("data");
    data.put("fingerprint", checkpoint.dataFingerprint());
    data.put("num_examples", checkpoint.numExamples());
    if (checkpoint.standardization() != null) {
      StandardizationJson.put(root, checkpoint.standardization());
    }
    root.set("config", JsonFiles.MAPPER.valueToTree(checkpoint.config()));
    root.put("created_at", Instant.now().toString());
    return root;
  }

  /**
   * Reads the checkpoint whose JSON file is {@code json} (as {@link #newest()} names it), validating every
   * field, and the parameter file's length and header before allocating the parameters and its SHA-256 after.
   *
   * @throws ModelFormatException if a file is missing, truncated, corrupt or not in this format; the message
   *     names the file and states what was expected and what was found
   * @throws UncheckedIOException if the file system fails
   */
  public Checkpoint read(Path json) {
    try {
      return readChecked(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + json + ": " + e.getMessage(), e);
    }
  }

  private Checkpoint readChecked(Path json) throws IOException {
    Matcher name = COMPLETE.matcher(json.getName());
    if (!name.matches()) {
      throw new ModelFormatException(json, "expected a checkpoint file named checkpoint-<10 digits>.json, found "
          + json.getName());
    }
    long length;
    try {
      length = fs.getFileStatus(json).getLen();
    } catch (FileNotFoundException e) {
      throw new ModelFormatException(json, "expected a checkpoint file, found no such file", e);
    }
    if (length > MAX_JSON_BYTES) {
      throw new ModelFormatException(json, "expected a checkpoint file of at most " + MAX_JSON_BYTES
          + " bytes, found " + length + " bytes");
    }
    JsonFieldReader root = JsonFieldReader.root(json, JsonFiles.readTree(json, conf));
    root.requireFormat(FORMAT, FORMAT_VERSION);
    List<String> keys = new ArrayList<>(KEYS);
    if (root.has("optimizer")) {
      keys.add("optimizer");
    }
    if (root.has("early_stopping")) {
      keys.add("early_stopping");
    }
    if (root.has(StandardizationJson.KEY)) {
      keys.add(StandardizationJson.KEY);
    }
    root.requireKeys(keys);
    long iteration = root.integer("iteration");
    if (iteration != Long.parseLong(name.group(1))) {
      throw root.error("expected \"iteration\": " + Long.parseLong(name.group(1)) + " (from the file name), found "
          + iteration);
    }
    if (iteration < 1 || iteration > Integer.MAX_VALUE) {
      throw root.error("expected \"iteration\" from 1 to " + Integer.MAX_VALUE + ", found " + iteration);
    }
    Architecture architecture = root.architecture();
    String parametersName = String.format("checkpoint-%010d.parameters.bin", iteration);
    String sha256 = root.object("parameters").parametersSha256(parametersName, architecture);
    double[] costs = root.finiteNumbers("costs");
    if (costs.length != iteration) {
      throw root.error("expected \"costs\" to hold one cost per iteration done, " + iteration + ", found "
          + costs.length);
    }
    JsonFieldReader data = root.object("data");
    data.requireKeys(DATA_KEYS);
    String fingerprint = data.sha256("fingerprint");
    long numExamples = data.integer("num_examples");
    if (numExamples < 1) {
      throw data.error("expected \"data.num_examples\" to be at least 1, found " + numExamples);
    }
    Map<String, Object> config = root.map("config");
    root.text("created_at"); // informative, but must be there as a string
    double[] values =
        ParametersFile.read(new Path(json.getParent(), parametersName), architecture.numParameters(), sha256,
            json.getName(), conf);
    OptimizerState optimizer = optimizerState(root, json, iteration, architecture.numParameters());
    EarlyStoppingState stopping = stoppingState(root, json, iteration, architecture);
    Standardization standardization =
        root.has(StandardizationJson.KEY) ? StandardizationJson.read(root, architecture.inputSize()) : null;
    try {
      return new Checkpoint(new Parameters(architecture, values), costs, config, fingerprint, numExamples,
          optimizer, stopping, standardization);
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage(), e);
    }
  }



}
