package org.sparkdnn.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;

/**
 * The fields of one JSON object read from {@code file}, each failure a {@link ModelFormatException} that names
 * the file and the field ({@code "parameters.count"}) and states what was expected and what was found.
 */
final class JsonFieldReader {
  private static final int MAX_SHOWN = 80;

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
