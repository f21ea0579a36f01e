package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.testing.CsvData;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code train --config FILE}: the template lists every option and its default; the command line wins. */
class ConfigFileTest {
  private static final Pattern ENTRY = Pattern.compile("^#?[ \\t]*([a-z0-9-]+)[ \\t]*=[ \\t]*(.*)$", Pattern.MULTILINE);

  @TempDir
  Path dir;

  @Test
  void templateListsEveryTrainOptionWithItsDefault() throws IOException {
    Map<String, String> template = new HashMap<>();
    Matcher m = ENTRY.matcher(Files.readString(Path.of("conf/spark-dnn.properties")));
    while (m.find()) {
      template.put(m.group(1), m.group(2).trim());
    }
    CommandLine train = new CommandLine(new TrainCommand());
    int checked = 0;
    for (OptionSpec option : train.getCommandSpec().options()) {
      String name = option.longestName();
      if (name.equals("--help") || name.equals("--version") || name.equals(ConfigFile.OPTION)) {
        continue;
      }
      String key = name.substring(2);
      assertTrue(template.containsKey(key), "conf/spark-dnn.properties lacks " + key);
      String expected = option.defaultValue() != null ? option.defaultValue()
          : option.type() == boolean.class ? "false" : "";
      assertEquals(expected, template.get(key), "default of " + key);
      checked++;
    }
    assertEquals(checked, template.size(), "keys in the template: " + template.keySet());
  }

  @Test
  void fileSuppliesOptionsAndTheCommandLineOverridesThem() throws IOException {
    Path config = dir.resolve("flower.properties");
    Files.writeString(config, String.join("\n", "train = " + CsvData.FLOWER, "layers = 2,4,1",
        "activations = tanh,sigmoid", "learning-rate = 1.2", "iterations = 50", "init = course-small", "seed = 2",
        "print-every = 0", "output = " + dir.resolve("from-file")));
    CommandRun run = CommandRun.of("train", "--config", config.toString(), "--iterations", "7",
        "--output", dir.resolve("out").toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("out").resolve("metrics.json").toFile());
    assertEquals(7, metrics.get("costs").size());
    assertEquals(0.6930480201239823, metrics.get("costs").get(0).asDouble(), 1e-15);
    assertEquals(1.2, metrics.get("config").get("learning_rate").asDouble(), 0.0);
    assertTrue(Files.notExists(dir.resolve("from-file")));
  }

  @Test
  void unknownKeyIsAUsageErrorListingTheKnownOnes() throws IOException {
    Path config = dir.resolve("typo.properties");
    Files.writeString(config, "learning_rate = 0.1\n");
    CommandRun run = CommandRun.of("train", "--config", config.toString(), "--train", CsvData.FLOWER.toString(),
        "--layers", "2,1", "--learning-rate", "0.1", "--iterations", "2", "--output", dir.resolve("o").toString());
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("typo.properties: unknown key 'learning_rate'")
        && run.err().contains("learning-rate"), run.toString());
  }

  @Test
  void missingFileIsAUsageError() {
    String missing = dir.resolve("nope.properties").toString();
    CommandRun run = CommandRun.of("train", "--config", missing);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--config " + missing + ": expected a readable properties file"), run.toString());
  }
}
