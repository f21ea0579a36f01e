package org.sparkdnn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/**
 * A golden JSON file from {@code src/test/resources/golden/}, written by a checked-in numpy script
 * ({@code src/test/python/gen_*_golden.py}), with conversions to spark-dnn's types.
 *
 * <p>Conventions of the files: a matrix is a list of ROWS; parameters are the course's dicts
 * {@code {"W1": n1 rows of n0, "b1": n1 rows of 1, ...}}, gradients the same with a {@code d} prefix.
 * Numbers are Python float reprs, so {@link Double#parseDouble} (what Jackson uses) gives the exact float64.
 * Every conversion checks shapes and fails loudly on a malformed file.
 */
public final class GoldenFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String name;
  private final JsonNode root;

  private GoldenFile(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  /** Loads a classpath resource such as {@code golden/network-m1.json}. */
  public static GoldenFile load(String resource) {
    try (InputStream in = GoldenFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource + " on the test classpath");
      }
      return new GoldenFile(resource, MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The resources {@code golden/<prefix>*.json}, sorted, e.g. {@code golden/network-deep-mixed.json}. */
  public static List<String> list(String prefix) {
    URL dir = GoldenFile.class.getClassLoader().getResource("golden");
    if (dir == null) {
      throw new IllegalStateException("no golden/ directory on the test classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.startsWith(prefix) && f.endsWith(".json"))
          .sorted()
          .map(f -> "golden/" + f)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public String name() {
    return name;
  }

  public JsonNode root() {
    return root;
  }

  /** The node under {@code key}; fails if absent. */
  public JsonNode node(String key) {
    return require(root, key);
  }

  public double number(String key) {
    return asDouble(node(key), key);
  }

  public int integer(String key) {
    JsonNode n = node(key);
    if (!n.isIntegralNumber()) {
      throw new IllegalStateException(name + ": " + key + " is not an integer: " + n);
    }
    return n.intValue();
  }

  /** A list of numbers. */
  public double[] vector(String key) {
    return vector(node(key), key);
  }

  /** A list of rows, as a new column-major matrix. */
  public Matrix matrix(String key) {
    return matrix(node(key), key);
  }

  /** The architecture from {@code "layers"} and {@code "activations"}. */
  public Architecture architecture() {
    JsonNode layers = node("layers");
    int[] sizes = new int[layers.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = layers.get(i).intValue();
    }
    List<Activation> activations = new ArrayList<>();
    for (JsonNode a : node("activations")) {
      activations.add(Activation.parse(a.textValue()));
    }
    return Architecture.of(sizes, activations);
  }

  /** The course dict under {@code key} ({@code "W1"}, {@code "b1"}, ...) as flat parameters. */
  public Parameters parameters(String key) {
    return parameters(architecture(), node(key), "", key);
  }

  /**
   * A course gradient dict ({@code "dW1"}, {@code "db1"}, ...) under {@code key}, in the flat layout of
   * {@link Architecture} (the same layout as {@code GradientSums.values()}).
   */
  public double[] flatGradients(String key) {
    return parameters(architecture(), node(key), "d", key).values();
  }

  /** Converts a course dict with keys {@code prefix + "W" + l}, {@code prefix + "b" + l}, l = 1..L. */
  public Parameters parameters(Architecture arch, JsonNode dict, String prefix, String where) {
    Parameters p = Parameters.zeros(arch);
    int expectedKeys = 0;
    for (int l = 1; l <= arch.numLayers(); l++) {
      copyInto(matrix(require(dict, prefix + "W" + l), where + "." + prefix + "W" + l), p.W(l));
      copyInto(matrix(require(dict, prefix + "b" + l), where + "." + prefix + "b" + l), p.b(l));
      expectedKeys += 2;
    }
    if (dict.size() != expectedKeys) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = dict.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      throw new IllegalStateException(name + ": " + where + " should have " + expectedKeys + " entries for "
          + arch + ", found " + keys);
    }
    return p;
  }

  private void copyInto(Matrix from, Matrix to) {
    if (from.rows() != to.rows() || from.cols() != to.cols()) {
      throw new IllegalStateException(name + ": expected a " + to.shape() + " matrix, found " + from.shape());
    }
    for (int i = 0; i < from.rows(); i++) {
      for (int j = 0; j < from.cols(); j++) {
        to.set(i, j, from.get(i, j));
      }
    }
  }

  private Matrix matrix(JsonNode rows, String where) {
    if (!rows.isArray() || rows.isEmpty() || !rows.get(0).isArray()) {
      throw new IllegalStateException(name + ": " + where + " is not a non-empty list of rows");
    }
    int r = rows.size();
    int c = rows.get(0).size();
    Matrix m = Matrix.zeros(r, c);
    for (int i = 0; i < r; i++) {
      JsonNode row = rows.get(i);
      if (row.size() != c) {
        throw new IllegalStateException(name + ": " + where + " row " + i + " has " + row.size()
            + " numbers, expected " + c);
      }
      for (int j = 0; j < c; j++) {
        m.set(i, j, asDouble(row.get(j), where));
      }
    }
    return m;
  }

  private double[] vector(JsonNode list, String where) {
    if (!list.isArray()) {
      throw new IllegalStateException(name + ": " + where + " is not a list");
    }
    double[] v = new double[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = asDouble(list.get(i), where);
    }
    return v;
  }

  private double asDouble(JsonNode n, String where) {
    if (n == null || !n.isNumber()) {
      throw new IllegalStateException(name + ": " + where + " holds a non-number: " + n);
    }
    return n.doubleValue();
  }

  private JsonNode require(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n == null) {
      throw new IllegalStateException(name + ": missing key '" + key + "'");
    }
    return n;
  }
}
