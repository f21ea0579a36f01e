package org.sparkdnn.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;

/**
 * The fields of one JSON object read from {@code file}, each failure a {@link ModelFormatException} that names
 * the file and the field ({@code "parameters.count"}) and states what was expected and what was found.
 */
final class JsonFieldReader {
  private static final int MAX_SHOWN = 80;
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final List<String> PARAMETERS_KEYS = List.of("file", "count", "sha256");

  private final Path file;
  private final String prefix;
  private final JsonNode node;

  private JsonFieldReader(Path file, String prefix, JsonNode node) {
    this.file = file;
    this.prefix = prefix;
    this.node = node;
  }

  /** The top-level object of {@code file}. */
  static JsonFieldReader root(Path file, JsonNode root) {
    if (!root.isObject()) {
      throw new ModelFormatException(file, "expected a JSON object, found " + show(root));
    }
    return new JsonFieldReader(file, "", root);
  }

  /** Whether the object holds {@code key} (an optional field). */
  boolean has(String key) {
    return node.has(key);
  }

  /** The nested object under {@code key}. */
  JsonFieldReader object(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw mismatch(key, "a JSON object", value);
    }
    return new JsonFieldReader(file, name(key) + ".", value);
  }

  /** Fails unless the keys are exactly {@code expected}, naming the missing and the unexpected ones. */
  void requireKeys(List<String> expected) {
    Set<String> found = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(found::add);
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(found);
    found.removeAll(expected);
    if (!missing.isEmpty() || !found.isEmpty()) {
      String where = prefix.isEmpty() ? "keys " : "keys in \"" + prefix.substring(0, prefix.length() - 1) + "\" ";
      throw error("expected " + where + String.join(", ", expected) + ", found "
          + (missing.isEmpty() ? "" : "missing " + String.join(", ", missing))
          + (!missing.isEmpty() && !found.isEmpty() ? " and " : "")
          + (found.isEmpty() ? "" : "unexpected " + String.join(", ", found)));
    }
  }

  /** The keys of this object, in file order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The object under {@code key} as plain Java values: maps, lists, strings, numbers, booleans, nulls. */
  Map<String, Object> map(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw mismatch(key, "a JSON object", value);
    }
    return JsonFiles.MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() {});
  }

  String text(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw mismatch(key, "a string", value);
    }
    return value.textValue();
  }

  long integer(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw mismatch(key, "an integer", value);
    }
    return value.longValue();
  }

  /** A list of integers, each within int range. */
  int[] integers(String key) {
    JsonNode value = node.get(key);
    if (!isListOf(value, element -> element.isIntegralNumber() && element.canConvertToInt())) {
      throw mismatch(key, "a list of integers", value);
    }
    int[] result = new int[value.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = value.get(i).intValue();
    }
    return result;
  }

  /** A finite number. */
  double finiteNumber(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw mismatch(key, "a finite number", value);
    }
    return value.doubleValue();
  }

  /** A list of finite numbers. */
  double[] finiteNumbers(String key) {
    JsonNode value = node.get(key);
    if (!isListOf(value, element -> element.isNumber() && Double.isFinite(element.doubleValue()))) {
      throw mismatch(key, "a list of finite numbers", value);
    }
    double[] result = new double[value.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = value.get(i).doubleValue();
    }
    return result;
  }

  /** A SHA-256 digest written as 64 lowercase hexadecimal digits. */
  String sha256(String key) {
    String text = text(key);
    if (!SHA256_HEX.matcher(text).matches()) {
      throw error("expected \"" + name(key) + "\" to be 64 lowercase hexadecimal digits, found \"" + text + "\"");
    }
    return text;
  }

  /** Fails unless {@code "format"} is {@code format} and {@code "format_version"} is {@code version}. */
  void requireFormat(String format, long version) {
    String found = text("format");
    if (!found.equals(format)) {
      throw error("expected \"format\": \"" + format + "\", found \"" + found + "\"");
    }
    long foundVersion = integer("format_version");
    if (foundVersion != version) {
      throw error("expected \"format_version\": " + version + ", found " + foundVersion);
    }
  }

  /** The network of {@code "layers"} and {@code "activations"}, as {@link Architecture#of} validates it. */
  Architecture architecture() {
    int[] sizes = integers("layers");
    List<Activation> activations = new ArrayList<>();
    try {
      for (String label : texts("activations")) {
        activations.add(Activation.parse(label));
      }
      return Architecture.of(sizes, activations);
    } catch (IllegalArgumentException e) {
      throw error("invalid \"layers\"/\"activations\": " + e.getMessage(), e);
    }
  }

  /**
   * The SHA-256 this {@code "parameters"} object records for {@code expectedFile}, after checking its keys, the
   * file name and that its count is {@code architecture}'s.
   */
  String parametersSha256(String expectedFile, Architecture architecture) {
    requireKeys(PARAMETERS_KEYS);
    String file = text("file");
    if (!file.equals(expectedFile)) {
      throw error("expected \"" + name("file") + "\": \"" + expectedFile + "\", found \"" + file + "\"");
    }
    long count = integer("count");
    if (count != architecture.numParameters()) {
      throw error("expected \"" + name("count") + "\": " + architecture.numParameters()
          + " (the parameters of " + architecture + "), found " + count);
    }
    return sha256("sha256");
  }

  List<String> texts(String key) {
    JsonNode value = node.get(key);
    if (!isListOf(value, JsonNode::isTextual)) {
      throw mismatch(key, "a list of strings", value);
    }
    List<String> result = new ArrayList<>(value.size());
    value.forEach(element -> result.add(element.textValue()));
    return result;
  }

  /** "expected "parameters.count" to be an integer, found "x"" (or "found nothing" for a missing key). */
  private ModelFormatException mismatch(String key, String expected, JsonNode found) {
    return error("expected \"" + name(key) + "\" to be " + expected + ", found " + show(found));
  }

  ModelFormatException error(String problem) {
    return new ModelFormatException(file, problem);
  }

  ModelFormatException error(String problem, Throwable cause) {
    return new ModelFormatException(file, problem, cause);
  }

  /** The key's full name: {@code "parameters.count"}. */
  private String name(String key) {
    return prefix + key;
  }

  private static boolean isListOf(JsonNode value, Predicate<JsonNode> elementTest) {
    if (value == null || !value.isArray()) {
      return false;
    }
    for (JsonNode element : value) {
      if (!elementTest.test(element)) {
        return false;
      }
    }
    return true;
  }

  /** A value as JSON text, shortened; NaN and infinities bare; "nothing" for an absent key. */
  static String show(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
      return Double.toString(value.doubleValue()); // Jackson would print NaN quoted, like a string
    }
    String text = value.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
  }
}
