package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparkdnn.testing.FileTrees;

/**
 * A user's mistakes in the options of a nightly job whose previous model is published at {@code --output} (run
 * with {@code --overwrite}): each fails with the option, what was expected and what was found, exit code 2 (3 when
 * the data does not fit), before any training, and leaves the published model and its surroundings as they were.
 * Predict and evaluate likewise leave their previous outputs.
 */
class ConfigurationMistakesTest {
  private static final String DATA = Path.of("src/test/resources/bad-inputs/no-header.csv").toString();

  @TempDir
  static Path shared;
  private static Path trained;

  @TempDir
  Path work;

  /** Options changed from a good run ("--name", "value" pairs or flags), the exit code and the message. */
  record Mistake(List<String> changes, int exitCode, List<String> fragments) {
    @Override
    public String toString() {
      return String.join(" ", changes);
    }
  }

  private static Mistake mistake(List<String> changes, int exitCode, String... fragments) {
    return new Mistake(changes, exitCode, List.of(fragments));
  }

  static Stream<Mistake> trainingMistakes() {
    int usage = ExitCodes.USAGE;
    return Stream.of(
        mistake(List.of("--learning-rat", "0.5"), usage, "Unknown option", "'--learning-rat'"),
        mistake(List.of("--itertions", "5"), usage, "Unknown option", "'--itertions'"),
        mistake(List.of("--layers", "3,4,1"), ExitCodes.INVALID_INPUT, "no-header.csv, line 1: ",
            "expected 4 fields (a label and n[0] = 3 features, as --layers says)", "found 3 fields"),
        mistake(List.of("--layers", "2,0,1"), usage, "--layers: layer sizes must be at least 1, found n[1] = 0"),
        mistake(List.of("--layers", "2,3,2"), usage, "--layers: the output layer must have 1 unit", "found n[2] = 2"),
        mistake(List.of("--layers", "2;3;1"), usage, "Invalid value for option '--layers'", "'2;3;1' is not an int"),
        mistake(List.of("--activations", "relu,softmax"), usage, "--activations: unknown activation 'softmax'", "expected one of sigmoid, tanh, relu, leaky_relu"),
        mistake(List.of("--activations", "relu"), usage, "--activations: expected 2 activations", "found 1"),
        mistake(List.of("--learning-rate", "0"), usage, "--learning-rate: learning rate must be a positive finite number, found 0.0"),
        mistake(List.of("--learning-rate", "-0.01"), usage, "--learning-rate: learning rate must be a positive finite number, found -0.01"),
        mistake(List.of("--learning-rate", "NaN"), usage, "--learning-rate: learning rate must be a positive finite number, found NaN"),
        mistake(List.of("--learning-rate", "fast"), usage, "Invalid value for option '--learning-rate'", "'fast' is not a double"),
        mistake(List.of("--iterations", "0"), usage, "--iterations: iterations must be at least 1, found 0"),
        mistake(List.of("--iterations", "-100"), usage, "--iterations: iterations must be at least 1, found -100"),
        mistake(List.of("--iterations", "1e3"), usage, "Invalid value for option '--iterations'", "'1e3' is not an int"),
        mistake(List.of("--init", "glorot"), usage, "--init: unknown initialisation 'glorot'", "expected one of zeros, course-small"),
        mistake(List.of("--scale", "0"), usage, "--scale: expected 'none', 'standardize' or a positive number, found '0'"),
        mistake(List.of("--delimiter", ";;"), usage, "--delimiter: expected one character or 'tab', found ';;'"),
        mistake(List.of("--label-column", "first"), usage,
            "--label-column: expected a column index or 'none', found 'first'"),
        mistake(List.of("--label-column", "none"), usage, "--label-column: training needs labels, found 'none'"),
        mistake(List.of("--on-bad-row", "ignore"), usage, "--on-bad-row: expected fail or skip, found 'ignore'"),
        mistake(List.of("--partitions", "-2"), usage, "--partitions: expected 0 (automatic) or more, found -2"),
        mistake(List.of("--print-every", "-1"), usage, "--print-every: expected 0 or more, found -1"));
  }

  static Stream<Mistake> applyingMistakes() {
    int usage = ExitCodes.USAGE;
    return Stream.of(
        mistake(List.of("--threshold", "1.5"), usage, "--threshold: expected a probability in [0, 1], found 1.5"),
        mistake(List.of("--threshold", "half"), usage, "Invalid value for option '--threshold'", "'half' is not a double"),
        mistake(List.of("--modle", "x"), usage, "Unknown option", "'--modle'"),
        mistake(List.of("--block-size", "-1"), usage, "--block-size: expected 0 (automatic) or more, found -1"));
  }

  @BeforeAll
  static void train() {
    trained = shared.resolve("model");
    CommandRun run = CommandRun.of("train", "--train", DATA, "--layers", "2,3,1", "--learning-rate", "0.5",
        "--iterations", "5", "--print-every", "0", "--output", trained.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }

  /** {@code base} ("--name", "value" pairs and flags) with {@code changes} replacing or adding options. */
  private static List<String> merge(List<String> base, List<String> changes) {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (List<String> list : List.of(base, changes)) {
      for (int i = 0; i < list.size(); i++) {
        boolean flag = i + 1 == list.size() || list.get(i + 1).startsWith("--");
        options.put(list.get(i), flag ? null : list.get(++i));
      }
    }
    List<String> args = new ArrayList<>();
    options.forEach((name, value) -> {
      args.add(name);
      if (value != null) {
        args.add(value);
      }
    });
    return args;
  }

  private static void assertFails(CommandRun run, Mistake mistake) {
    assertEquals(mistake.exitCode(), run.exitCode(), run.toString());
    for (String fragment : mistake.fragments()) {
      assertTrue(run.err().contains(fragment), "stderr lacks '" + fragment + "'\n" + run);
    }
    assertFalse(run.err().contains("\tat "), "a message, not a stack trace\n" + run);
    assertFalse(run.out().contains("Cost after"), "no training\n" + run);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trainingMistakes")
  void aTrainingMistakeLeavesThePublishedModelAsItWas(Mistake mistake) throws IOException {
    Path output = Files.createDirectory(work.resolve("nightly"));
    for (Map.Entry<String, String> file : FileTrees.contents(trained).entrySet()) {
      Files.write(output.resolve(file.getKey()), Base64.getDecoder().decode(file.getValue()));
    }
    Map<String, String> published = FileTrees.contents(output);
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(merge(List.of("--train", DATA, "--layers", "2,3,1", "--learning-rate", "0.5", "--iterations", "5",
        "--print-every", "1", "--output", output.toString(), "--overwrite"), mistake.changes()));
    assertFails(CommandRun.of(args.toArray(new String[0])), mistake);
    assertEquals(published, FileTrees.contents(output), "the published model");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(output), left.toList(), "no staging directory left beside it");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applyingMistakes")
  void aPredictOrEvaluateMistakeLeavesThePreviousOutputsAsTheyWere(Mistake mistake) throws IOException {
    Path predictions = Files.createDirectory(work.resolve("predictions"));
    Files.writeString(predictions.resolve("part-00000"), "0.25,0\n");
    Path metrics = Files.writeString(work.resolve("metrics.json"), "{\"accuracy\": 0.5}\n");
    List<String> common = List.of("--model", trained.toString(), "--input", DATA, "--overwrite");
    for (List<String> command : List.of(List.of("predict", "--output", predictions.toString()),
        List.of("evaluate", "--output", metrics.toString()))) {
      List<String> args = new ArrayList<>(command.subList(0, 1));
      List<String> base = new ArrayList<>(common);
      base.addAll(command.subList(1, command.size()));
      args.addAll(merge(base, mistake.changes()));
      assertFails(CommandRun.of(args.toArray(new String[0])), mistake);
    }
    assertEquals("0.25,0\n", Files.readString(predictions.resolve("part-00000")));
    assertEquals("{\"accuracy\": 0.5}\n", Files.readString(metrics));
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(metrics, predictions), left.sorted().toList(), "nothing else");
    }
  }
}
