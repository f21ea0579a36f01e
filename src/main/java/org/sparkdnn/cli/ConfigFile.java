package org.sparkdnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from a properties file named by {@code --config FILE} (conf/spark-dnn.properties is the
 * template): each key is a long option name without its dashes ({@code learning-rate = 0.0075}). Options on the
 * command line override the file; a key that names no option of the command is an error.
 */
final class ConfigFile implements IDefaultValueProvider {
  /** The option that names the file. */
  static final String OPTION = "--config";

  private static final List<String> NOT_CONFIGURABLE = List.of("--help", "--version", OPTION);

  private final String path;
  private final Properties properties;

  private ConfigFile(String path, Properties properties) {
    this.path = path;
    this.properties = properties;
  }

  /**
   * Installs the file named by {@code --config} in {@code args} (if any) as the defaults of the subcommand the
   * arguments select, after checking every key against that subcommand's options.
   *
   * @throws CommandLine.ParameterException if the file cannot be read or has an unknown key
   */
  static void install(CommandLine root, String[] args) {
    CommandLine command = null;
    for (int i = 0; i < args.length; i++) {
      if (command == null) {
        command = root.getSubcommands().get(args[i]);
        continue;
      }
      String file = null;
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        file = args[i + 1];
      } else if (args[i].startsWith(OPTION + "=")) {
        file = args[i].substring(OPTION.length() + 1);
      }
      if (file != null) {
        ConfigFile config = read(command, file);
        config.check(command);
        command.setDefaultValueProvider(config);
        return;
      }
    }
  }

  private static ConfigFile read(CommandLine command, String file) {
    Properties properties = new Properties();
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(new Configuration()).open(path)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      throw new CommandLine.ParameterException(command,
          OPTION + " " + file + ": expected a readable properties file, found " + e.getMessage());
    }
    return new ConfigFile(file, properties);
  }

  private void check(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    TreeSet<String> known = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      if (!NOT_CONFIGURABLE.contains(option.longestName())) {
        known.add(key(option));
      }
    }
    for (String key : properties.stringPropertyNames()) {
      if (!known.contains(key)) {
        throw new CommandLine.ParameterException(command, path + ": unknown key '" + key + "': expected one of "
            + String.join(", ", known));
      }
    }
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option) {
      String value = properties.getProperty(key(option));
      return value == null ? null : value.trim();
    }
    return null;
  }
}
