package org.sparkdnn.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.Path;

/**
 * JSON files read and written through Hadoop's {@code FileSystem}, with one shared Jackson mapper: pretty
 * printed, map entries in insertion order, doubles written with {@code Double.toString} (which round-trips).
 * Reading rejects duplicate keys and trailing content, and accepts Python's {@code NaN}/{@code Infinity} tokens
 * so that validators can report them as non-finite numbers rather than as a syntax error.
 */
public final class JsonFiles {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonFiles() {}

  /**
   * Writes {@code value} as JSON to a temporary file in {@code file}'s directory, then renames it over
   * {@code file}; on failure the temporary file is deleted.
   *
   * @throws UncheckedIOException if the file system fails or Jackson cannot serialise {@code value}
   */
  public static void writeAtomically(Object value, Path file, Configuration conf) {
    try {
      AtomicFiles.write(file, conf, out -> {
        MAPPER.writeValue(out, value);
        out.write('\n');
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads one JSON document.
   *
   * @throws ModelFormatException if the file does not exist, is empty or is not valid JSON (the message names
   *     the file and the position)
   * @throws UncheckedIOException if the file system fails
   */
  public static JsonNode readTree(Path file, Configuration conf) {
    JsonNode root;
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      root = MAPPER.readTree(in);
    } catch (FileNotFoundException e) {
      throw new ModelFormatException(file, "expected one JSON document, found no such file", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ModelFormatException(file,
          "expected one JSON document, found invalid JSON" + position + ": " + e.getOriginalMessage(), e);
    } catch (ChecksumException e) {
      throw ModelFormatException.corrupt(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ModelFormatException(file, "expected one JSON document, found an empty file");
    }
    return root;
  }
}
