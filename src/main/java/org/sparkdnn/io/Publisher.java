package org.sparkdnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Versioned publishing into a root directory on any Hadoop filesystem, without Spark:
 *
 * <pre>
 * ROOT/runs/&lt;run-id&gt;/   one directory per run: model.json, parameters.bin, metrics.json, …, manifest.json
 * ROOT/current            pointer to the published run (see {@link CurrentPointer})
 * ROOT/.lock              held around the quality gate and the switch (see {@link PublishLock})
 * </pre>
 *
 * A run directory is written whole through {@link OutputDirectory} and gets its {@link RunManifest} last; only a
 * run whose manifest verifies is published. Nothing is ever deleted: refused runs stay for inspection, and every
 * earlier run stays available to point {@code current} back at.
 */
public final class Publisher {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What the quality gate decides about a new run, given the current one. */
  @FunctionalInterface
  public interface Gate {
    /**
     * @param currentRun the directory of the published run, whose manifest verified; empty if none yet
     */
    Verdict judge(Optional<Path> currentRun);
  }

  /**
   * A gate's decision.
   *
   * @param accepted whether {@code current} moves to the new run
   * @param reason one line for the user: the values compared, or why there was nothing to compare
   */
  public record Verdict(boolean accepted, String reason) {}

  private final Path root;
  private final Configuration conf;

  /** A publisher into {@code root} (created by the first run). */
  public Publisher(Path root, Configuration conf) {
    try {
      this.root = root.getFileSystem(conf).makeQualified(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the publish root " + root + ": " + e.getMessage(), e);
    }
    this.conf = conf;
  }

  /** A new run id: the UTC time to the second and 8 random hex digits, so that ids sort by start time. */
  public static String newRunId(Instant now) {
    return RUN_ID_TIME.format(now) + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  public Path root() {
    return root;
  }

  /** {@code ROOT/runs/runId}, where run {@code runId} writes its files. */
  public Path runPath(String runId) {
    if (!CurrentPointer.RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id: expected letters, digits, '-', '_' or '.', found '" + runId + "'");
    }
    return CurrentPointer.runPath(root, runId);
  }

  /**
   * The published run's directory, its manifest verified; empty if nothing was published yet.
   *
   * @throws ModelFormatException if the pointer or the run it names is damaged
   */
  public Optional<Path> currentRun() {
    Optional<String> runId = CurrentPointer.read(root, conf);
    if (runId.isEmpty()) {
      return Optional.empty();
    }
    Path run = CurrentPointer.runPath(root, runId.get());
    RunManifest.verify(run, conf);
    return Optional.of(run);
  }

  /**
   * Publishes run {@code runId}, whose directory is complete with its manifest: verifies it, takes the lock
   * (waiting up to {@code wait}), completes a switch a killed run left half done, asks {@code gate} and, if it
   * accepts, points {@code current} at the run. The lock is released in every case.
   *
   * @throws ModelFormatException if the run's files do not match its manifest
   * @throws PublishLockedException if another run holds the lock for longer than {@code wait}
   */
  public Verdict publish(String runId, Duration wait, Gate gate) {
    Path run = runPath(runId);
    RunManifest.verify(run, conf);
    try (PublishLock lock = PublishLock.acquire(root, runId, wait, conf)) {
      CurrentPointer.completeInterruptedSwitch(root, conf);
      Verdict verdict = gate.judge(currentRun());
      if (verdict.accepted()) {
        CurrentPointer.switchTo(root, runId, conf);
      }
      return verdict;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + run + ": " + e.getMessage(), e);
    }
  }
}
