package org.sparkdnn.config;

import java.util.List;
import java.util.function.Function;
import org.sparkdnn.data.CsvFormat;

/**
 * The type of a {@link Setting}'s value: what picocli converts the option's text to (so its messages, "'1e3' is not
 * an int", stay picocli's), how a default's text and a recorded JSON value become that type, and the JSON form.
 *
 * @param <T> the value's Java type
 */
public final class Kind<T> {
  public static final Kind<Integer> INT =
      new Kind<>(Integer.class, Integer.class, "int", Integer::valueOf, json -> ((Number) json).intValue(), v -> v);
  public static final Kind<Long> LONG =
      new Kind<>(Long.class, Long.class, "long", Long::valueOf, json -> ((Number) json).longValue(), v -> v);
  public static final Kind<Double> DOUBLE =
      new Kind<>(Double.class, Double.class, "double", Double::valueOf, json -> ((Number) json).doubleValue(), v -> v);
  public static final Kind<Boolean> FLAG =
      new Kind<>(Boolean.class, Boolean.class, "flag", Boolean::valueOf, json -> (Boolean) json, v -> v);
  public static final Kind<String> TEXT =
      new Kind<>(String.class, String.class, "text", text -> text, json -> (String) json, v -> v);
  /** A column index, or {@code none} (-1: rows without a label); picocli passes the text. */
  public static final Kind<Integer> LABEL_COLUMN =
      new Kind<>(Integer.class, String.class, "label column", Kind::labelColumn, json -> ((Number) json).intValue(),
          v -> v);
  /** Comma-separated integers ({@code --layers 2,4,1}); a JSON list. */
  public static final Kind<int[]> INTS = new Kind<>(int[].class, int[].class, "ints",
      text -> List.of(text.split(",")).stream().mapToInt(Integer::parseInt).toArray(),
      json -> ((List<?>) json).stream().mapToInt(n -> ((Number) n).intValue()).toArray(),
      v -> java.util.Arrays.stream(v).boxed().toList());
  /** Comma-separated names ({@code --activations relu,sigmoid}); a JSON list. */
  public static final Kind<String[]> TEXTS = new Kind<>(String[].class, String[].class, "texts",
      text -> text.split(","),
      json -> ((List<?>) json).stream().map(String.class::cast).toArray(String[]::new), List::of);

  private final Class<T> type;
  private final Class<?> cliType;
  private final String name;
  private final Function<String, T> fromText;
  private final Function<Object, T> fromJson;
  private final Function<T, Object> toJson;

  private Kind(Class<T> type, Class<?> cliType, String name, Function<String, T> fromText, Function<Object, T> fromJson,
      Function<T, Object> toJson) {
    this.type = type;
    this.cliType = cliType;
    this.name = name;
    this.fromText = fromText;
    this.fromJson = fromJson;
    this.toJson = toJson;
  }

  /** The class picocli converts an option's text to. */
  public Class<?> cliType() {
    return cliType;
  }

  /** The value of picocli's {@code raw} value; throws what was expected if it converts the text itself. */
  T fromCli(Object raw) {
    return raw == null ? null : cliType == type ? type.cast(raw) : fromText((String) raw);
  }

  T cast(Object value) {
    return type.cast(value);
  }

  /** A copy of an array value, so that no caller shares one; other values are immutable. */
  T copy(T value) {
    if (value instanceof int[] ints) {
      return type.cast(ints.clone());
    }
    return value instanceof String[] texts ? type.cast(texts.clone()) : value;
  }

  /** Whether a value is a list written with commas. */
  public boolean isList() {
    return type.isArray();
  }

  T fromText(String text) {
    return fromText.apply(text);
  }

  /** A value read back from JSON; null stays null. */
  T fromJson(Object json) {
    return json == null ? null : fromJson.apply(json);
  }

  /** The value as plain JSON, lists for arrays, so that two values compare by their JSON forms. */
  Object toJson(T value) {
    return value == null ? null : toJson.apply(value);
  }

  private static Integer labelColumn(String text) {
    if (text.equalsIgnoreCase("none")) {
      return CsvFormat.NO_LABEL;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a column index or 'none', found '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
