package org.sparkdnn.cli;

import java.util.List;
import org.sparkdnn.config.Setting;
import org.sparkdnn.config.SettingValues;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** picocli options built from {@link Setting} declarations, and the values parsed back from them. */
final class SettingOptions {
  private SettingOptions() {}

  /** Adds an option for each of {@code settings} to {@code spec}, in their order. */
  static CommandSpec add(CommandSpec spec, List<Setting<?>> settings) {
    for (Setting<?> setting : settings) {
      spec.addOption(option(setting));
    }
    return spec;
  }

  private static OptionSpec option(Setting<?> setting) {
    OptionSpec.Builder option = OptionSpec.builder(setting.option()).type(setting.kind().cliType())
        .required(setting.isRequired()).defaultValue(setting.defaultText());
    String description = setting.description();
    if (setting.label() != null) {
      option.paramLabel(setting.label());
      if (setting.defaultText() != null) {
        description += " (default: ${DEFAULT-VALUE})";
      }
    }
    if (setting.kind().isList()) {
      option.splitRegex(",");
    }
    return option.description(description).build();
  }

  /** The values parsed for {@code settings} (an option not given and without default is left unset). */
  static SettingValues values(CommandSpec spec, List<Setting<?>> settings) {
    SettingValues values = SettingValues.defaults(settings);
    for (Setting<?> setting : settings) {
      Object raw = spec.findOption(setting.option()).getValue();
      if (raw != null) {
        values = values.withParsed(setting, raw);
      }
    }
    return values;
  }
}
