package org.sparkdnn.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad rows one input lost to {@link BadRowPolicy#skip()}: how many, and the messages of the first
 * {@link #KEPT} in file and line order, each naming its file, line and field.
 */
public record SkippedRows(long count, List<String> first) {
  /** How many skipped rows are described, at most. */
  public static final int KEPT = 10;

  /** No row skipped. */
  public static final SkippedRows NONE = new SkippedRows(0, List.of());

  public SkippedRows {
    first = List.copyOf(first);
  }

  /** "Skipped 3 bad rows of PATH:" and {@link #listing()}. */
  public String describe(String path) {
    return "Skipped " + count + (count == 1 ? " bad row" : " bad rows") + " of " + path + ":" + listing();
  }

  /** The first rows' messages, each on a new line indented by two spaces, then how many more there were. */
  public String listing() {
    StringBuilder text = new StringBuilder();
    first.forEach(message -> text.append(System.lineSeparator()).append("  ").append(message));
    if (count > first.size()) {
      text.append(System.lineSeparator()).append("  ... and ").append(count - first.size()).append(" more");
    }
    return text.toString();
  }

  /** {@code {"skipped": count, "first": [message, …]}}, as metrics files hold it. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("skipped", count);
    map.put("first", first);
    return map;
  }
}
