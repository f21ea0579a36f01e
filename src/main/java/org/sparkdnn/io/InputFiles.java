package org.sparkdnn.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
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

  /** Opens a file as UTF-8 text, decompressing by its extension. */
  public static BufferedReader open(Path file, Configuration conf) throws IOException {
    return new BufferedReader(new InputStreamReader(openBytes(file, conf), StandardCharsets.UTF_8), 1 << 16);
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
