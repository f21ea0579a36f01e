package org.sparkdnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/**
 * Parameters in the course's dictionary shape, what {@code json.dump} writes for the course's
 * {@code parameters} after {@code .tolist()}: {@code {"W1": [[...], ...], "b1": [[...], ...], "W2": ...}},
 * with {@code W[l]} as n[l] rows of n[l-1] numbers and {@code b[l]} as n[l] rows of one number. Row i, column j
 * of the JSON is {@code W(l).get(i, j)}. Rows are indexed from 0 in errors, as numpy does.
 */
public final class CourseParametersJson {
  private CourseParametersJson() {}

  /**
   * Reads parameters for {@code architecture}.
   *
   * @throws ModelFormatException unless the keys are exactly W1..WL and b1..bL and every value is a list of
   *     rows of the right shape holding finite numbers; the message names the file, the key and the row
   * @throws java.io.UncheckedIOException if the file system fails
   */
  public static Parameters read(Path file, Architecture architecture, Configuration conf) {
    JsonNode root = JsonFiles.readTree(file, conf);
    JsonFieldReader.root(file, root).requireKeys(keys(architecture));
    Parameters parameters = Parameters.zeros(architecture);
    for (int l = 1; l <= architecture.numLayers(); l++) {
      readRows(file, "W" + l, root.get("W" + l), parameters.W(l));
      readRows(file, "b" + l, root.get("b" + l), parameters.b(l));
    }
    return parameters;
  }

  /**
   * Writes {@code parameters} atomically, keys in the course's order (W1, b1, W2, b2, …), every double with
   * {@code Double.toString}, which reads back bit for bit.
   *
   * @throws IllegalArgumentException if a parameter is NaN or infinite (JSON has no such numbers)
   * @throws java.io.UncheckedIOException if the file system fails
   */
  public static void write(Parameters parameters, Path file, Configuration conf) {
    Architecture architecture = parameters.architecture();
    ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    for (int l = 1; l <= architecture.numLayers(); l++) {
      root.set("W" + l, rows("W" + l, parameters.W(l)));
      root.set("b" + l, rows("b" + l, parameters.b(l)));
    }
    JsonFiles.writeAtomically(root, file, conf);
  }

  /** W1, b1, W2, b2, …, WL, bL. */
  private static List<String> keys(Architecture architecture) {
    List<String> keys = new ArrayList<>();
    for (int l = 1; l <= architecture.numLayers(); l++) {
      keys.add("W" + l);
      keys.add("b" + l);
    }
    return keys;
  }

  /** Fills {@code target} (rows × cols) from a JSON list of rows. */
  private static void readRows(Path file, String name, JsonNode value, Matrix target) {
    int rows = target.rows();
    int cols = target.cols();
    String expected = name + ": expected " + count(rows, "row") + " of " + count(cols, "number") + ", found ";
    if (!value.isArray()) {
      throw new ModelFormatException(file, expected + JsonFieldReader.show(value));
    }
    if (value.size() != rows) {
      throw new ModelFormatException(file, expected + count(value.size(), "row"));
    }
    for (int i = 0; i < rows; i++) {
      JsonNode row = value.get(i);
      if (!row.isArray()) {
        throw new ModelFormatException(file, expected + name + "[" + i + "] = " + JsonFieldReader.show(row));
      }
      if (row.size() != cols) {
        throw new ModelFormatException(file, expected + name + "[" + i + "] with " + row.size());
      }
      for (int j = 0; j < cols; j++) {
        JsonNode number = row.get(j);
        if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
          throw new ModelFormatException(file, name + "[" + i + "][" + j + "]: expected a finite number, found "
              + JsonFieldReader.show(number));
        }
        target.set(i, j, number.doubleValue());
      }
    }
  }

  /** {@code matrix} as a JSON list of rows. */
  private static ArrayNode rows(String name, Matrix matrix) {
    ArrayNode rows = JsonFiles.MAPPER.createArrayNode();
    for (int i = 0; i < matrix.rows(); i++) {
      ArrayNode row = rows.addArray();
      for (int j = 0; j < matrix.cols(); j++) {
        double x = matrix.get(i, j);
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException(name + "[" + i + "][" + j
              + "]: expected a finite number (JSON has no NaN or infinity), found " + x);
        }
        row.add(x);
      }
    }
    return rows;
  }

  /** "1 row", "7 rows". */
  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
