package org.sparkdnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/spark-dnn.properties and the README's option table of {@code train} say what the declarations say. */
class SettingsDocumentedTest {
  /** A description line, then the key commented out with its default. */
  private static final Pattern TEMPLATE_ENTRY =
      Pattern.compile("^# (.+)\\n# ([a-z0-9-]+) =(?: (.*))?$", Pattern.MULTILINE);

  @Test
  void templateListsEveryTrainSettingWithItsDescriptionAndDefault() throws IOException {
    String template = Files.readString(Path.of("conf/spark-dnn.properties"));
    List<String> found = new ArrayList<>();
    Matcher m = TEMPLATE_ENTRY.matcher(template);
    while (m.find()) {
      found.add(m.group(2) + " = " + (m.group(3) == null ? "" : m.group(3)) + "  # " + m.group(1));
    }
    List<String> expected = new ArrayList<>();
    for (Setting<?> setting : TrainSettings.TRAIN_COMMAND) {
      String defaultText = setting.defaultText() == null ? "" : setting.defaultText();
      expected.add(setting.name() + " = " + defaultText + "  # " + setting.description()
          + (setting.isRequired() ? " Required." : ""));
    }
    assertEquals(expected, found);
  }

  @Test
  void readmeTableListsEveryTrainOptionInOrderWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("### `train`");
    String table = readme.substring(readme.indexOf("| option | meaning | default |", section),
        readme.indexOf("\n\n", section + readme.substring(section).indexOf("| option |")));
    List<String> options = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    for (String row : table.split("\n")) {
      if (row.startsWith("| `--")) {
        String[] cells = row.split(" \\| ");
        options.add(cells[0].substring("| `".length(), cells[0].length() - 1));
        defaults.add(cells[cells.length - 1].replaceFirst(" ?\\|$", ""));
      }
    }
    List<String> expected = new ArrayList<>();
    TrainSettings.TRAIN_COMMAND.forEach(setting -> expected.add(setting.option()));
    expected.add("--config");
    assertEquals(expected, options);
    for (int i = 0; i < TrainSettings.TRAIN_COMMAND.size(); i++) {
      Setting<?> setting = TrainSettings.TRAIN_COMMAND.get(i);
      String cell = defaults.get(i);
      if (setting.isRequired()) {
        assertEquals("required", cell, setting.option());
      } else if (setting.kind() == Kind.FLAG) {
        assertEquals("off", cell, setting.option());
      } else if (setting.defaultText() != null) {
        assertTrue(cell.contains("`" + setting.defaultText() + "`"), setting.option() + ": " + cell);
      }
    }
  }
}
