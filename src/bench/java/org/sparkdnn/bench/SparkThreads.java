package org.sparkdnn.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The worker threads of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]} the cores. */
final class SparkThreads {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

  private SparkThreads() {}

  static int of(String master) {
    Matcher matcher = LOCAL.matcher(master);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("--master: expected local, local[N] or local[*], found " + master);
    }
    String threads = matcher.group(1);
    if (threads == null) {
      return 1;
    }
    return threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
  }
}
