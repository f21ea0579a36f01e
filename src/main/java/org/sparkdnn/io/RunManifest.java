package org.sparkdnn.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code manifest.json} of a published run directory: what the run was and the size and SHA-256 of every
 * other file in the directory, so that a reader can tell a whole run from a damaged or edited one.
 *
 * <pre>{@code
 * {"format": "spark-dnn-run-manifest", "format_version": 1, "run_id": "20261121T085316Z-1a2b3c4d",
 *  "started_at": "...", "finished_at": "...", "versions": {"spark_dnn": ..., "java": ..., "spark": ...},
 *  "config": {...}, "data": {"train": ..., "test": ..., "train_examples": ..., ...},
 *  "files": {"learning-curve.png": {"size": 1234, "sha256": "..."}, "metrics.json": {...}, ...}}
 * }</pre>
 *
 * <p>{@code data} is open: {@link #withData} adds entries such as a fingerprint of the training data. Hidden
 * files ({@code .name}, {@code _name}: Hadoop's checksum and marker files) are not listed. The manifest is
 * written last, through a temporary file; a run directory without one is not publishable.
 */
public final class RunManifest {
  /** The manifest's file name inside a run directory. */
  public static final String FILE = "manifest.json";

  private static final String FORMAT = "spark-dnn-run-manifest";
  private static final int FORMAT_VERSION = 1;
  private static final List<String> KEYS = List.of("format", "format_version", "run_id", "started_at",
      "finished_at", "versions", "config", "data", "files");
  private static final List<String> FILE_KEYS = List.of("size", "sha256");

  private final String runId;
  private final String startedAt;
  private final String finishedAt;
  private final Map<String, Object> versions;
  private final Map<String, Object> config;
  private final Map<String, Object> data;

  /**
   * @param runId the run's id, also its directory name
   * @param startedAt when the run started, ISO-8601
   * @param finishedAt when its files were complete, ISO-8601
   * @param versions {@code spark_dnn}, {@code java}, {@code spark} and their versions
   * @param config the training configuration, as JSON values
   * @param data the data section: paths and sample counts; {@link #withData} adds more
   */
  public RunManifest(String runId, String startedAt, String finishedAt, Map<String, ?> versions,
      Map<String, ?> config, Map<String, ?> data) {
    this.runId = Objects.requireNonNull(runId, "runId");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    this.versions = JsonValues.copyOfObject(versions, "versions");
    this.config = JsonValues.copyOfObject(config, "config");
    this.data = JsonValues.copyOfObject(data, "data");
  }

  /** This manifest with one more entry in its {@code data} section (e.g. a fingerprint of the training data). */
  public RunManifest withData(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(data);
    more.put(key, value);
    return new RunManifest(runId, startedAt, finishedAt, versions, config, more);
  }

  /**
   * Hashes every file in {@code dir} (not hidden, not the manifest) and writes {@code dir/manifest.json}
   * atomically.
   *
   * @throws UncheckedIOException if the file system fails
   */
  public void writeTo(Path dir, Configuration conf) {
    ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("run_id", runId);
    root.put("started_at", startedAt);
    root.put("finished_at", finishedAt);
    root.set("versions", JsonFiles.MAPPER.valueToTree(versions));
    root.set("config", JsonFiles.MAPPER.valueToTree(config));
    root.set("data", JsonFiles.MAPPER.valueToTree(data));
    ObjectNode files = root.putObject("files");
    for (Map.Entry<String, Path> file : listedFiles(dir, conf).entrySet()) {
      FileHash hash = FileHash.of(file.getValue(), conf);
      ObjectNode entry = files.putObject(file.getKey());
      entry.put("size", hash.size());
      entry.put("sha256", hash.sha256());
    }
    JsonFiles.writeAtomically(root, new Path(dir, FILE), conf);
  }

  /**
   * Checks {@code dir} against its manifest: every listed file present with its size and SHA-256, and no
   * other file. Returns the run id the manifest records.
   *
   * @throws ModelFormatException naming the file and what differs: no manifest, a missing, changed or unlisted
   *     file
   * @throws UncheckedIOException if the file system fails
   */
  public static String verify(Path dir, Configuration conf) {
    Path manifestFile = new Path(dir, FILE);
    JsonFieldReader root = JsonFieldReader.root(manifestFile, JsonFiles.readTree(manifestFile, conf));
    root.requireKeys(KEYS);
    root.requireFormat(FORMAT, FORMAT_VERSION);
    JsonFieldReader files = root.object("files");
    Map<String, Path> present = listedFiles(dir, conf);
    for (String name : files.keys()) {
      JsonFieldReader entry = files.object(name);
      entry.requireKeys(FILE_KEYS);
      long size = entry.integer("size");
      String sha256 = entry.sha256("sha256");
      Path file = present.remove(name);
      if (file == null) {
        throw new ModelFormatException(new Path(dir, name),
            "expected the file that " + FILE + " lists (size " + size + "), found no such file");
      }
      FileHash found = FileHash.of(file, conf);
      if (found.size() != size || !found.sha256().equals(sha256)) {
        throw new ModelFormatException(file, "expected the content " + FILE + " records (size " + size
            + ", SHA-256 " + sha256 + "), found size " + found.size() + ", SHA-256 " + found.sha256()
            + ": the file was changed after the run wrote it");
      }
    }
    if (!present.isEmpty()) {
      throw new ModelFormatException(manifestFile, "expected every file of the run to be listed, found "
          + "unlisted " + String.join(", ", present.keySet()) + " in " + dir);
    }
    return root.text("run_id");
  }

  /** The files a manifest covers, by name in sorted order: not hidden, not directories, not the manifest. */
  private static Map<String, Path> listedFiles(Path dir, Configuration conf) {
    Map<String, Path> files = new TreeMap<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (status.isFile() && !name.equals(FILE) && !name.startsWith(".") && !name.startsWith("_")) {
          files.put(name, status.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return files;
  }
}
