package org.sparkdnn.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.sparkdnn.data.InputDataException;

/**
 * Text input through Hadoop's FileSystem (local, hdfs://, s3a://…): a path is a file, a directory of part
 * files, or a glob; compressed files ({@code .gz}, {@code .bz2}, …) are read through their codec. Hidden files
 * ({@code _SUCCESS}, {@code .crc}) are skipped, as Hadoop's input formats do.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The data files under {@code path}, sorted by name.
   *
   * @throws InputDataException if the path does not exist, or holds no non-empty file
   */
  public static List<Path> list(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw InputDataException.ofFile(path, "an existing file or directory", "nothing at that path");
      }
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          for (FileStatus child : fs.listStatus(match.getPath())) {
            if (child.isFile() && !isHidden(child.getPath())) {
              files.add(child);
            }
          }
        } else {
          files.add(match);
        }
      }
      files.removeIf(f -> f.getLen() == 0);
      if (files.isEmpty()) {
        throw InputDataException.ofFile(path, "at least one non-empty data file", "no data");
      }
      files.sort(Comparator.comparing(f -> f.getPath().toString()));
      return files.stream().map(FileStatus::getPath).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first {@code count} lines of a file (fewer if it has fewer), as UTF-8 text without their terminators,
   * decompressing by its extension; lines end at "\n", "\r\n" or "\r", as Hadoop's text input reads them. Reads
   * no further than the end of the last line returned, so that a file truncated or corrupt further on is reported
   * where a task meets it, with its line.
   *
   * @throws InputDataException if the file cannot be decompressed or fails its checksum before then
   * @throws UncheckedIOException if the file system fails
   */
  public static List<String> firstLines(Path file, int count, Configuration conf) {
    List<String> lines = new ArrayList<>(count);
    // single-byte reads: a buffered bulk read would decompress ahead for as long as the codec says more is there
    try (InputStream in = new BufferedInputStream(openBytes(file, conf))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean afterCarriageReturn = false;
      while (lines.size() < count) {
        int b = in.read();
        if (b < 0) {
          if (line.size() > 0) {
            lines.add(line.toString(StandardCharsets.UTF_8));
          }
          break;
        }
        if (b == '\n' && afterCarriageReturn) {
          afterCarriageReturn = false;
          continue; // the second half of "\r\n"
        }
        afterCarriageReturn = b == '\r';
        if (b == '\n' || b == '\r') {
          lines.add(line.toString(StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
    } catch (IOException e) {
      throw readFailure(file, lines.size() + 1, e, conf);
    }
    return lines;
  }

  /**
   * The error for an {@link IOException} met while reading {@code line} (1-based) of {@code file}. A compressed
   * file that cannot be decompressed, a file that ends in the middle of a read or one that fails Hadoop's
   * checksum is invalid input ({@link InputDataException}, exit code 3); anything else is an I/O failure.
   */
  public static RuntimeException readFailure(Path file, long line, IOException e, Configuration conf) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof ChecksumException) {
      return new InputDataException(file.toString(), line, 0, "content matching Hadoop's checksum",
          "a mismatch (" + cause + ")").withHint("the file is corrupt; copy it again");
    }
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null || e instanceof EOFException) {
      String kind = codec == null ? "file" : codec.getDefaultExtension() + " file";
      return new InputDataException(file.toString(), line, 0, "a line of a complete " + kind,
          "a read error (" + cause + ")").withHint("the file looks truncated or corrupt; "
              + (codec == null ? "copy" : "compress") + " it again");
    }
    return new UncheckedIOException("cannot read " + file + " at line " + line + ": " + cause, e);
  }

  /**
   * The 1-based line number of the line that starts at byte {@code offset} of the (decompressed) file,
   * i.e. 1 + the number of '\n' before it. Used only to report an error, so it may read the file's head.
   */
  public static long lineNumberAt(Path file, long offset, Configuration conf) throws IOException {
    long line = 1;
    try (InputStream in = openBytes(file, conf)) {
      byte[] buffer = new byte[1 << 16];
      long remaining = offset;
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            line++;
          }
        }
        remaining -= read;
      }
    }
    return line;
  }

  private static InputStream openBytes(Path file, Configuration conf) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    InputStream raw = fs.open(file);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return codec == null ? raw : codec.createInputStream(raw);
  }

  private static boolean isHidden(Path path) {
    String name = path.getName();
    return name.startsWith("_") || name.startsWith(".");
  }
}
