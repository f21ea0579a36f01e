package org.sparkdnn.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;

/**
 * The local file system under the scheme {@code faulty://} (registered for tests in
 * {@code META-INF/services/org.apache.hadoop.fs.FileSystem}), with the faults a nightly job meets on its output:
 * a disk that fills up ("No space left on device" once a number of bytes has been written, across all files) and
 * permission denied on chosen operations under a directory, as HDFS reports it. Tests run as root, where
 * {@code chmod} denies nothing, and share one JVM with the Spark executors of {@code local[2]}; so the faults are
 * set for the whole JVM and {@link #reset()} after each test.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
  /** The scheme under which the faults apply. */
  public static final String SCHEME = "faulty";

  /** An operation that can be denied. */
  public enum Operation { CREATE, MKDIRS, RENAME }

  private static final AtomicLong SPACE_LEFT = new AtomicLong(Long.MAX_VALUE);
  private static volatile String deniedUnder;
  private static volatile Set<Operation> denied = EnumSet.noneOf(Operation.class);

  /** {@code local} as a {@code faulty://} URI string. */
  public static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  /** The disk fills up once {@code bytes} more have been written. */
  public static void diskFullAfter(long bytes) {
    SPACE_LEFT.set(bytes);
  }

  /** {@code operations} on paths under {@code dir} (a local path) fail with "Permission denied". */
  public static void deny(java.nio.file.Path dir, Operation... operations) {
    deniedUnder = dir.toAbsolutePath().toString();
    denied = operations.length == 0 ? EnumSet.noneOf(Operation.class) : EnumSet.of(operations[0], operations);
  }

  /** No fault. */
  public static void reset() {
    SPACE_LEFT.set(Long.MAX_VALUE);
    deniedUnder = null;
    denied = EnumSet.noneOf(Operation.class);
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public boolean mkdirs(Path f) throws IOException {
    check(Operation.MKDIRS, f);
    return super.mkdirs(f);
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    check(Operation.MKDIRS, f);
    return super.mkdirs(f, permission);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    check(Operation.RENAME, src);
    check(Operation.RENAME, dst);
    return super.rename(src, dst);
  }

  @Override
  protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
    check(Operation.CREATE, f);
    return new FillingDisk(super.createOutputStream(f, append));
  }

  @Override
  protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
      throws IOException {
    check(Operation.CREATE, f);
    return new FillingDisk(super.createOutputStreamWithMode(f, append, permission));
  }

  /** Fails as HDFS does when {@code operation} is denied on {@code path}. */
  private static void check(Operation operation, Path path) throws AccessControlException {
    String under = deniedUnder;
    String local = path.toUri().getPath();
    if (under != null && denied.contains(operation) && (local.equals(under) || local.startsWith(under + "/"))) {
      throw new AccessControlException("Permission denied: user=" + System.getProperty("user.name")
          + ", access=WRITE, inode=\"" + under + "\"");
    }
  }

  /** A stream that takes its bytes from the space left, and fails as a full local disk does. */
  private static final class FillingDisk extends FilterOutputStream {
    FillingDisk(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      take(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      take(len);
      out.write(b, off, len);
    }

    private static void take(long bytes) throws IOException {
      if (SPACE_LEFT.addAndGet(-bytes) < 0) {
        SPACE_LEFT.set(0);
        throw new IOException("No space left on device");
      }
    }
  }
}
