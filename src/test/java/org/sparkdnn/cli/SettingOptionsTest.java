package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.Setting;
import org.sparkdnn.config.TrainSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The commands' options are the settings' declarations: names, defaults, labels and descriptions. */
class SettingOptionsTest {
  @Test
  void trainHasAnOptionPerSettingAsDeclared() {
    assertOptions(new CommandLine(new TrainCommand()), TrainSettings.TRAIN_COMMAND);
  }

  @Test
  void predictAndEvaluateHaveTheScoringSettings() {
    assertOptions(new CommandLine(new PredictCommand()), DataSettings.SCORING);
    assertOptions(new CommandLine(new EvaluateCommand()), DataSettings.SCORING);
  }

  private static void assertOptions(CommandLine command, List<Setting<?>> settings) {
    List<String> declared = new ArrayList<>();
    for (Setting<?> setting : settings) {
      declared.add(setting.option());
      OptionSpec option = command.getCommandSpec().findOption(setting.option());
      assertEquals(setting.defaultText(), option.defaultValue(), setting.option());
      assertEquals(setting.isRequired(), option.required(), setting.option());
      assertTrue(option.description()[0].startsWith(setting.description()), setting.option());
      if (setting.label() != null) {
        assertEquals(setting.label(), option.paramLabel(), setting.option());
      }
    }
    List<String> options = command.getCommandSpec().options().stream().map(OptionSpec::longestName)
        .filter(declared::contains).toList();
    assertEquals(declared, options);
  }
}
