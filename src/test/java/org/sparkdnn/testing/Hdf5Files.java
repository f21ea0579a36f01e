package org.sparkdnn.testing;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Small HDF5 files for tests, written with jhdf. jhdf writes integers as signed only, while the course's pixels
 * are uint8: {@link #writeUint8} clears the sign bit of jhdf's int8 datatype message and re-computes the
 * checksum of the object header that holds it, giving the file h5py would write for {@code dtype=np.uint8}.
 */
public final class Hdf5Files {
  /** jhdf 0.9.4's int8 datatype message: type 3, 12 bytes, flags 0; fixed-point v1, signed, size 1, precision 8. */
  private static final byte[] INT8_MESSAGE = {3, 12, 0, 0, 0x10, 0x08, 0, 0, 1, 0, 0, 0, 0, 0, 8, 0};
  /** The byte of {@link #INT8_MESSAGE} whose bit 3 says "signed". */
  private static final int SIGN_BYTE = 5;
  private static final byte[] OBJECT_HEADER = "OHDR".getBytes(StandardCharsets.US_ASCII);
  /** Object header v2 with jhdf's flags (a 4-byte chunk size, no times): signature, version, flags, size. */
  private static final int OBJECT_HEADER_PREFIX = 10;

  private Hdf5Files() {}

  /** Writes the datasets (name → a Java array, as jhdf's {@code putDataset} takes it) to {@code file}. */
  public static Path write(Path file, Map<String, Object> datasets) {
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      datasets.forEach(hdf::putDataset);
    }
    return file;
  }

  /** As {@link #write}, with every {@code byte} dataset stored as uint8 (0..255) instead of int8. */
  public static Path writeUint8(Path file, Map<String, Object> datasets) {
    write(file, datasets);
    try {
      byte[] bytes = Files.readAllBytes(file);
      int patched = 0;
      for (int header = indexOf(bytes, OBJECT_HEADER, 0); header >= 0;
          header = indexOf(bytes, OBJECT_HEADER, header + 1)) {
        int end = header + OBJECT_HEADER_PREFIX + little(bytes, header + 6).getInt();
        int message = indexOf(bytes, INT8_MESSAGE, header);
        if (message >= 0 && message + INT8_MESSAGE.length <= end) {
          bytes[message + SIGN_BYTE] = 0;
          little(bytes, end).putInt(ChecksumUtils.checksum(Arrays.copyOfRange(bytes, header, end)));
          patched++;
        }
      }
      if (patched == 0) {
        throw new IllegalStateException("no int8 datatype message found in " + file);
      }
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ByteBuffer little(byte[] bytes, int at) {
    return ByteBuffer.wrap(bytes, at, 4).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    for (int i = from; i + pattern.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }
}
