package org.sparkdnn.io;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Deep, unmodifiable copies of plain JSON values, each normalised to what Jackson reads back from the JSON it
 * writes, so a value equals itself after a trip through a file:
 *
 * <ul>
 *   <li>{@code null}, {@link Boolean} and {@link String} as they are; a {@link Character} becomes a String;
 *   <li>integers ({@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger}) become the
 *       narrowest of Integer, Long and BigInteger that holds them;
 *   <li>a finite {@link Double} as it is; a finite {@link Float} becomes the Double of its decimal text;
 *   <li>{@link List}s and Java arrays (primitive or not) become unmodifiable lists; {@link Map}s need
 *       String keys and keep their order.
 * </ul>
 * Anything else (NaN, infinities, BigDecimal, enums, beans) is rejected, naming its place: {@code config.a[2]}.
 */
final class JsonValues {
  private static final String ACCEPTED = "a JSON value (null, Boolean, String, Character, integer, finite Double"
      + " or Float, List, array, or Map with String keys)";

  private JsonValues() {}

  /** A deep unmodifiable copy of a JSON object; {@code where} names it in errors ({@code "config"}). */
  static Map<String, Object> copyOfObject(Map<?, ?> map, String where) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(where + ": expected String keys, found " + describe(entry.getKey()));
      }
      copy.put(key, copyOf(entry.getValue(), where + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyOf(Object value, String where) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return narrow(BigInteger.valueOf(((Number) value).longValue()));
    }
    if (value instanceof BigInteger number) {
      return narrow(number);
    }
    if (value instanceof Double number && Double.isFinite(number)) {
      return number;
    }
    if (value instanceof Float number && Float.isFinite(number)) {
      return Double.valueOf(number.toString()); // Jackson writes a float's shortest decimal text
    }
    if (value instanceof Map<?, ?> map) {
      return copyOfObject(map, where);
    }
    if (value instanceof List<?> list) {
      return copyOfList(list.size(), list::get, where);
    }
    if (value.getClass().isArray()) {
      return copyOfList(Array.getLength(value), i -> Array.get(value, i), where);
    }
    throw new IllegalArgumentException(where + ": expected " + ACCEPTED + ", found " + describe(value));
  }

  private static List<Object> copyOfList(int size, IntFunction<?> element, String where) {
    List<Object> copy = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      copy.add(copyOf(element.apply(i), where + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  /** bitLength excludes the sign bit: below 32 fits an int, below 64 a long. */
  private static Object narrow(BigInteger number) {
    if (number.bitLength() < Integer.SIZE) {
      return number.intValue();
    }
    return number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getName() + " " + value;
  }
}
