package org.sparkdnn.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a report says of the machine beyond Java's own properties. */
final class MachineInfo {
  private MachineInfo() {}

  /** The first "model name" of /proc/cpuinfo ("AMD EPYC"), or the architecture where there is none. */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (Exception e) {
      // not Linux: the architecture below
    }
    return System.getProperty("os.arch");
  }
}
