package org.sparkdnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * {@code ROOT/.lock}: held by one publisher at a time around the quality gate and the switch of
 * {@code current}. It is a file created only if absent, holding its owner as properties lines ({@code host},
 * {@code pid}, {@code run_id}, {@code since}, {@code token}); closing deletes it if it is still this owner's.
 *
 * <p>Creation is exclusive where the file system makes it so: {@code O_CREAT|O_EXCL} on local disks (Hadoop's
 * local {@code create} checks and creates in two steps, so it is bypassed there), {@code create(path, false)}
 * on HDFS, which the NameNode decides atomically. On object stores it is as exclusive as the store's
 * create-if-absent (S3A's conditional create). A lock left by a killed run stays until deleted; the refusal says
 * who holds it and whether that process is still running when it is on this host.
 */
public final class PublishLock implements AutoCloseable {
  /** The lock's file name in the publish root. */
  public static final String FILE = ".lock";

  private static final Duration POLL = Duration.ofMillis(500);

  private final Path file;
  private final String content;
  private final Configuration conf;

  private PublishLock(Path file, String content, Configuration conf) {
    this.file = file;
    this.content = content;
    this.conf = conf;
  }

  /**
   * Takes {@code root}'s lock for run {@code runId}, waiting up to {@code wait} for its holder to release it.
   *
   * @throws PublishLockedException if it is still held after {@code wait}, naming the holder
   * @throws UncheckedIOException if the file system fails
   */
  public static PublishLock acquire(Path root, String runId, Duration wait, Configuration conf) {
    Path file = new Path(root, FILE);
    String content = "host=" + hostName() + "\npid=" + ProcessHandle.current().pid() + "\nrun_id=" + runId
        + "\nsince=" + Instant.now() + "\ntoken=" + UUID.randomUUID() + "\n";
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      FileSystem fs = root.getFileSystem(conf);
      fs.mkdirs(root);
      while (!createIfAbsent(fs, file, content)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new PublishLockedException(refusal(fs, file, wait));
        }
        Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the publish lock " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the publish lock " + file, e);
    }
    return new PublishLock(file, content, conf);
  }

  /** Deletes the lock file if it still holds this owner's content. */
  @Override
  public void close() {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (content.equals(readOwner(fs, file))) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the publish lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean createIfAbsent(FileSystem fs, Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      try (OutputStream out = Files.newOutputStream(Paths.get(fs.makeQualified(file).toUri()),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
      } catch (FileAlreadyExistsException e) {
        return false;
      }
      return true;
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(bytes);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
    return true;
  }

  /** The lock file's content, "" if it is gone or still empty (its creator is writing it). */
  private static String readOwner(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      return "";
    }
  }

  private static String refusal(FileSystem fs, Path file, Duration wait) throws IOException {
    String owner = readOwner(fs, file);
    String host = field(owner, "host");
    String pid = field(owner, "pid");
    String holder = owner.isEmpty() ? "a run that has not written its owner yet"
        : "run " + field(owner, "run_id") + " (host " + host + ", pid " + pid + ", since " + field(owner, "since")
            + ")";
    String stale = "";
    if (host.equals(hostName()) && pid.matches("[0-9]+")
        && !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
      stale = "; pid " + pid + " is not running on this host, so the lock is stale";
    }
    return "publish root locked: expected to take " + file + " within --publish-wait " + wait.toSeconds()
        + " s, found it held by " + holder + stale + ". If no run is publishing to this root, delete " + file
        + " and run again.";
  }

  /** The value of {@code key=value} in the owner's lines, "?" if absent. */
  private static String field(String owner, String key) {
    for (String line : owner.split("\n")) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1);
      }
    }
    return "?";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
