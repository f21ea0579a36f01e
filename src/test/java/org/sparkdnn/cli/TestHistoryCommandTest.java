package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --test … --eval-every K} end to end on the planar flower in the shared local[2] context:
 * metrics.json's {@code test_history} and {@code iteration_seconds}, the learning curve, the option's validation.
 * The flower serves as its own test data, so that the test log-loss at iteration i must be the cost of iteration i.
 */
class TestHistoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  private static CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", FLOWER, "--layers", "2,4,1",
        "--activations", "tanh,sigmoid", "--learning-rate", "1.2", "--iterations", "7", "--init", "course-small",
        "--seed", "2", "--partitions", "2", "--print-every", "2", "--output", output.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve(TrainedModel.METRICS_FILE).toFile());
  }

  private static List<Integer> iterations(JsonNode history) {
    List<Integer> iterations = new ArrayList<>();
    history.forEach(point -> iterations.add(point.get("iteration").intValue()));
    return iterations;
  }

  private static List<String> costLines(CommandRun run) {
    return run.out().lines().filter(line -> line.startsWith("Cost after iteration ")).toList();
  }

  @Test
  void theTestSeriesIsInMetricsAndInTheLearningCurve() throws IOException {
    Path output = dir.resolve("model");
    CommandRun run = train(output, "--test", FLOWER, "--eval-every", "3");
    assertEquals(0, run.exitCode(), run.toString());

    JsonNode metrics = metrics(output);
    JsonNode history = metrics.get("test_history");
    assertEquals(List.of(0, 3, 6, 7), iterations(history));
    for (JsonNode point : history) {
      assertEquals(List.of("iteration", "log_loss", "accuracy"), fieldNames(point));
      int i = point.get("iteration").intValue();
      if (i < 7) {
        double cost = metrics.get("costs").get(i).doubleValue();
        assertEquals(cost, point.get("log_loss").doubleValue(), 1e-12 * cost, "iteration " + i);
      }
    }
    JsonNode last = history.get(3);
    JsonNode test = metrics.get("test");
    assertEquals(test.get("log_loss").doubleValue(), last.get("log_loss").doubleValue(),
        1e-12 * test.get("log_loss").doubleValue(), "the final evaluation's log-loss");
    assertEquals(test.get("accuracy").doubleValue(), last.get("accuracy").doubleValue(), 0.0);
    assertEquals(metrics.get("train").get("accuracy").doubleValue(), last.get("accuracy").doubleValue(), 0.0);

    JsonNode seconds = metrics.get("iteration_seconds");
    assertEquals(7, seconds.size());
    seconds.forEach(s -> assertTrue(s.isNumber() && s.doubleValue() > 0.0, seconds.toString()));
    assertTrue(metrics.get("wall_time_seconds").get("train").doubleValue() >= sum(seconds), metrics.toString());

    BufferedImage image = ImageIO.read(output.resolve(TrainedModel.LEARNING_CURVE_FILE).toFile());
    assertNotNull(image, "a PNG ImageIO decodes");
    assertTrue(orangePixels(image) > 50, "the test log-loss drawn in the learning curve");
  }

  @Test
  void theCostLinesAreThoseOfARunWithoutTestData() {
    CommandRun without = train(dir.resolve("without"));
    CommandRun with = train(dir.resolve("with"), "--test", FLOWER, "--eval-every", "1");
    assertEquals(0, without.exitCode(), without.toString());
    assertEquals(0, with.exitCode(), with.toString());
    assertEquals(List.of(0, 2, 4, 6), costLines(with).stream()
        .map(line -> Integer.parseInt(line.substring(21, line.indexOf(':')))).toList());
    assertEquals(strip(costLines(without)), strip(costLines(with)));
    assertEquals(without.out().lines().count() + 1, with.out().lines().count(), "only the 'Test accuracy' line");
  }

  @Test
  void zeroEvaluatesNothingDuringTrainingAndNoTestDataWritesNoSeries() throws IOException {
    CommandRun zero = train(dir.resolve("zero"), "--test", FLOWER, "--eval-every", "0");
    assertEquals(0, zero.exitCode(), zero.toString());
    assertEquals(0, metrics(dir.resolve("zero")).get("test_history").size());
    assertTrue(metrics(dir.resolve("zero")).has("test"));

    CommandRun noTest = train(dir.resolve("no-test"), "--eval-every", "1");
    assertEquals(0, noTest.exitCode(), noTest.toString());
    assertFalse(metrics(dir.resolve("no-test")).has("test_history"));
    assertEquals(7, metrics(dir.resolve("no-test")).get("iteration_seconds").size());
  }

  @Test
  void aNegativeKIsAUsageError() {
    CommandRun run = train(dir.resolve("negative"), "--test", FLOWER, "--eval-every", "-1");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--eval-every: expected 0 or more, found -1"), run.toString());
    assertFalse(Files.exists(dir.resolve("negative")));

    CommandRun word = train(dir.resolve("word"), "--eval-every", "often");
    assertEquals(ExitCodes.USAGE, word.exitCode(), word.toString());
    assertTrue(word.err().contains("--eval-every"), word.toString());
  }

  @Test
  void aResumedRunEvaluatesFromWhereItContinuesAndTimesOnlyItsOwnIterations() throws IOException {
    Path output = dir.resolve("resumed");
    Path checkpoints = dir.resolve("ck");
    // a directory in the way of checkpoint 6's JSON file stops the run there, as a killed driver would
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 6);
    CommandRun crashed = train(output, "--test", FLOWER, "--eval-every", "2", "--checkpoint-dir",
        checkpoints.toString(), "--checkpoint-every", "3");
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();

    CommandRun resumed = train(output, "--test", FLOWER, "--eval-every", "2", "--checkpoint-dir",
        checkpoints.toString(), "--checkpoint-every", "3", "--resume");
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("at iteration 3 of 7"), resumed.toString());
    JsonNode metrics = metrics(output);
    assertEquals(List.of(4, 6, 7), iterations(metrics.get("test_history")));
    JsonNode seconds = metrics.get("iteration_seconds");
    assertEquals(7, seconds.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(i < 3, seconds.get(i).isNull(), "iteration " + i + ": " + seconds);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static double sum(JsonNode numbers) {
    double sum = 0.0;
    for (JsonNode number : numbers) {
      sum += number.doubleValue();
    }
    return sum;
  }

  /** The cost lines without their timing, which differs from run to run. */
  private static List<String> strip(List<String> lines) {
    return lines.stream().map(line -> line.replaceAll("\\s+\\[.*\\]$", "")).toList();
  }

  /** Pixels of the test log-loss's orange. */
  private static int orangePixels(BufferedImage image) {
    return (int) Stream.iterate(0, y -> y < image.getHeight(), y -> y + 1)
        .flatMapToInt(y -> java.util.stream.IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, y)))
        .filter(rgb -> ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 90 && ((rgb >> 8) & 0xff) < 170
            && (rgb & 0xff) < 60)
        .count();
  }
}
