package org.sparkdnn.bench;

import java.util.ArrayList;
import java.util.List;
import org.sparkdnn.config.Kind;
import org.sparkdnn.config.Setting;
import org.sparkdnn.config.TrainSettings;

/**
 * One spark-dnn configuration of the tabular benchmark: a name and the {@code train} options it adds to the
 * harness's own (data, layers, initialisation, master, output: {@link TabularRun#HARNESS_OPTIONS}).
 *
 * @param options the options as on the command line, "--learning-rate", "0.1", ...
 */
record TabularConfiguration(String name, List<String> options) {
  /** {@code options} split at spaces: "--iterations 2000 --learning-rate 0.1". */
  static TabularConfiguration of(String name, String options) {
    return new TabularConfiguration(name, List.of(options.strip().split("\\s+")));
  }

  /** "--iterations 2000 --learning-rate 0.1". */
  String optionsText() {
    return String.join(" ", options);
  }

  /**
   * Throws unless each of {@code table}'s configurations passes {@link #check()} and has a name of its own.
   *
   * @throws IllegalArgumentException naming the configuration
   */
  static void checkTable(List<TabularConfiguration> table) {
    List<String> names = new ArrayList<>();
    for (TabularConfiguration configuration : table) {
      configuration.check();
      if (names.contains(configuration.name())) {
        throw configuration.error("expected a name of its own, found it twice in the table");
      }
      names.add(configuration.name());
    }
  }

  /**
   * Throws unless its name is a file name (letters, digits, '.', '-', '_': it names the run's model and log) and
   * every option is one of {@code spark-dnn train}'s ({@link TrainSettings#TRAIN_COMMAND}) and not
   * one the harness sets, each given once and with a value unless it is a flag: so that a mistyped table line
   * stops the benchmark before its first run.
   *
   * @throws IllegalArgumentException naming the configuration and the option
   */
  void check() {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw error("expected a name of letters, digits, '.', '-' and '_', found '" + name + "'");
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      Setting<?> setting = TrainSettings.TRAIN_COMMAND.stream().filter(s -> s.option().equals(option)).findFirst()
          .orElseThrow(() -> error("expected an option of spark-dnn train, found '" + option + "'"));
      if (TabularRun.HARNESS_OPTIONS.contains(option)) {
        throw error("expected an option the harness does not set itself " + TabularRun.HARNESS_OPTIONS + ", found "
            + option);
      }
      if (seen.contains(option)) {
        throw error("expected each option once, found " + option + " twice");
      }
      seen.add(option);
      if (setting.kind() != Kind.FLAG) {
        if (i + 1 == options.size() || options.get(i + 1).startsWith("--")) {
          throw error("expected a value after " + option + ", found " + (i + 1 == options.size() ? "none"
              : options.get(i + 1)));
        }
        i++;
      }
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("configuration " + name + ": " + message);
  }
}
