package org.sparkdnn.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The binary parameter file of a model directory ({@code parameters.bin}), big-endian as
 * {@link DataOutputStream} writes it: the 8-byte magic {@code SDNNPAR1}, the int64 count N, then N IEEE-754
 * doubles (raw bits, so every value, NaN payloads included, reads back bit for bit). Its SHA-256 is recorded
 * in {@code model.json}.
 */
final class ParametersFile {
  static final int HEADER_BYTES = 16;

  private static final byte[] MAGIC = "SDNNPAR1".getBytes(StandardCharsets.US_ASCII);
  private static final int BUFFER_BYTES = 1 << 16;

  private ParametersFile() {}

  /** Writes {@code values} atomically to {@code file}; returns the file's SHA-256 as lowercase hex. */
  static String write(double[] values, Path file, Configuration conf) throws IOException {
    MessageDigest sha256 = sha256();
    AtomicFiles.write(file, conf, out -> {
      DataOutputStream data =
          new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(out, sha256), BUFFER_BYTES));
      data.write(MAGIC);
      data.writeLong(values.length);
      for (double value : values) {
        data.writeLong(Double.doubleToRawLongBits(value));
      }
      data.flush();
    });
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * Reads {@code count} parameters, checking the file's length, magic and header count before allocating
   * anything and its SHA-256 against {@code expectedSha256} (lowercase hex) after reading.
   *
   * @throws ModelFormatException if the file is missing, truncated, too long, or differs from what is expected
   */
  static double[] read(Path file, int count, String expectedSha256, Configuration conf) throws IOException {
    return read(file, count, expectedSha256, ModelStore.MODEL_FILE, conf);
  }

  /** As {@link #read(Path, int, String, Configuration)}, the count and SHA-256 coming from {@code recordedIn}. */
  static double[] read(Path file, int count, String expectedSha256, String recordedIn, Configuration conf)
      throws IOException {
    long expectedLength = HEADER_BYTES + 8L * count;
    String layout = expectedLength + " bytes (" + HEADER_BYTES + "-byte header + 8 × " + count + " parameters)";
    FileSystem fs = file.getFileSystem(conf);
    FileStatus status;
    try {
      status = fs.getFileStatus(file);
    } catch (FileNotFoundException e) {
      throw new ModelFormatException(file, "expected the parameter file of " + layout + ", found no such file", e);
    }
    if (status.isDirectory()) {
      throw new ModelFormatException(file, "expected the parameter file of " + layout + ", found a directory");
    }
    long length = status.getLen();
    if (length < expectedLength) {
      throw new ModelFormatException(file, "truncated: expected " + layout + ", found " + length + " bytes");
    }
    if (length > expectedLength) {
      throw new ModelFormatException(file, "expected " + layout + ", found " + length + " bytes ("
          + (length - expectedLength) + " too many)");
    }
    MessageDigest sha256 = sha256();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new DigestInputStream(fs.open(file), sha256), BUFFER_BYTES))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new ModelFormatException(file, "expected the magic \"" + printable(MAGIC) + "\", found \""
            + printable(magic) + "\"");
      }
      long headerCount = in.readLong();
      if (headerCount != count) {
        throw new ModelFormatException(file,
            "expected a header count of " + count + " (from " + recordedIn + "), found " + headerCount);
      }
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        values[i] = Double.longBitsToDouble(in.readLong());
      }
      if (in.read() != -1) {
        throw new ModelFormatException(file, "expected " + layout + ", found more bytes (the file grew while read)");
      }
      String found = HexFormat.of().formatHex(sha256.digest());
      if (!found.equals(expectedSha256)) {
        throw new ModelFormatException(file,
            "SHA-256 mismatch: expected " + expectedSha256 + " (from " + recordedIn + "), found " + found);
      }
      return values;
    } catch (EOFException e) {
      throw new ModelFormatException(file, "truncated: expected " + layout + ", found an earlier end of file", e);
    } catch (ChecksumException e) {
      throw ModelFormatException.corrupt(file, e);
    }
  }

  /** ASCII as is, other bytes as {@code \xNN}. */
  private static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b & 0xff));
      }
    }
    return text.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
