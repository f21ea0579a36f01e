package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkdnn.job.Versions;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --publish-root}: runs, the quality gate for each metric (exit 5), warm start, the lock (exit 6),
 * the option rules (exit 2), and readers that take a publish root; on the planar flower in the shared context.
 */
class PublishCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  /** train on the flower as the course's week 3 does, for {@code iterations}, with more options. */
  private static CommandRun train(int iterations, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", FLOWER, "--test", FLOWER, "--layers", "2,4,1",
        "--activations", "tanh,sigmoid", "--learning-rate", "1.2", "--iterations", Integer.toString(iterations),
        "--init", "course-small", "--seed", "2", "--print-every", "0"));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static String currentRunId(Path root) throws IOException {
    return JSON.readTree(root.resolve("current").toFile()).get("run_id").asText();
  }

  private static List<String> runs(Path root) throws IOException {
    try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
      return runs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  @ParameterizedTest
  @CsvSource({"accuracy, 1", "log-loss, 10", "auc, 1"})
  void theGateRefusesAWorseModelAndAcceptsItWithinTheTolerance(String metric, String wideTolerance)
      throws IOException {
    Path root = dir.resolve("root");
    CommandRun first = train(300, "--publish-root", root.toString(), "--gate-metric", metric);
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    assertTrue(first.out().contains("Quality gate: no model published yet"), first.toString());
    String published = currentRunId(root);
    assertTrue(first.out().contains("Published: ") && first.out().contains("/current -> runs/" + published),
        first.toString());

    CommandRun worse = train(3, "--publish-root", root.toString(), "--gate-metric", metric);
    assertEquals(ExitCodes.GATE_REFUSED, worse.exitCode(), worse.toString());
    assertTrue(worse.out().contains("Quality gate: " + metric + " of the new model ")
        && worse.out().contains(" vs the current ") && worse.out().contains("tolerance 0.0)"), worse.toString());
    assertTrue(worse.err().contains("quality gate refused run ") && worse.err().contains("/current is unchanged")
        && worse.err().contains("for inspection"), worse.toString());
    assertEquals(published, currentRunId(root));
    assertEquals(2, runs(root).size(), "the refused run stays: " + runs(root));

    CommandRun tolerated = train(3, "--publish-root", root.toString(), "--gate-metric", metric,
        "--gate-tolerance", wideTolerance);
    assertEquals(ExitCodes.OK, tolerated.exitCode(), tolerated.toString());
    assertFalse(published.equals(currentRunId(root)));
  }

  @Test
  void aPublishedRunHasItsModelMetricsCurveAndManifestAndReadersTakeTheRoot() throws IOException {
    Path root = dir.resolve("root");
    CommandRun run = train(50, "--publish-root", root.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    Path runDir = root.resolve("runs").resolve(currentRunId(root));
    JsonNode manifest = JSON.readTree(runDir.resolve("manifest.json").toFile());
    List<String> files = new ArrayList<>();
    manifest.get("files").fieldNames().forEachRemaining(files::add);
    assertEquals(List.of("learning-curve.png", "metrics.json", "model.json", "parameters.bin"), files);
    assertEquals(FLOWER, manifest.get("data").get("train").asText());
    assertEquals(400, manifest.get("data").get("train_examples").asInt());
    assertEquals(400, manifest.get("data").get("test_examples").asInt());
    assertEquals(JSON.readTree(runDir.resolve("metrics.json").toFile()).get("data_fingerprint").asText(),
        manifest.get("data").get("train_fingerprint").asText());
    assertEquals(50, manifest.get("config").get("iterations").asInt());
    assertEquals(Versions.spark(), manifest.get("versions").get("spark").asText());
    assertEquals(System.getProperty("java.version"), manifest.get("versions").get("java").asText());
    assertTrue(Instant.parse(manifest.get("started_at").asText())
        .isBefore(Instant.parse(manifest.get("finished_at").asText())));
    double accuracy = JSON.readTree(runDir.resolve("metrics.json").toFile()).get("test").get("accuracy").asDouble();

    for (Path model : List.of(root, root.resolve("current"))) {
      CommandRun evaluate = CommandRun.of("evaluate", "--model", model.toString(), "--input", FLOWER,
          "--output", dir.resolve("eval-" + model.getFileName() + ".json").toString());
      assertEquals(ExitCodes.OK, evaluate.exitCode(), evaluate.toString());
      assertEquals(accuracy, JSON.readTree(dir.resolve("eval-" + model.getFileName() + ".json").toFile())
          .get("accuracy").asDouble(), 0.0);
    }
    CommandRun predict = CommandRun.of("predict", "--model", root.toString(), "--input", FLOWER,
        "--output", dir.resolve("predictions").toString());
    assertEquals(ExitCodes.OK, predict.exitCode(), predict.toString());

    // a file changed after publishing: every reader refuses the published model
    Files.writeString(runDir.resolve("metrics.json"), "{}\n");
    Files.deleteIfExists(runDir.resolve(".metrics.json.crc"));
    CommandRun tampered = CommandRun.of("evaluate", "--model", root.toString(), "--input", FLOWER);
    assertEquals(ExitCodes.INVALID_INPUT, tampered.exitCode(), tampered.toString());
    assertTrue(tampered.err().contains("metrics.json: expected the content manifest.json records"),
        tampered.toString());
  }

  @Test
  void warmStartContinuesFromTheCurrentModel() throws IOException {
    Path root = dir.resolve("root");
    CommandRun empty = train(20, "--publish-root", root.toString(), "--warm-start", "current");
    assertEquals(ExitCodes.OK, empty.exitCode(), empty.toString());
    assertTrue(empty.out().contains("Warm start: nothing published in " + root + " yet; starting from --init"),
        empty.toString());
    CommandRun warm = train(1, "--publish-root", root.toString(), "--warm-start", "current");
    assertEquals(ExitCodes.OK, warm.exitCode(), warm.toString());
    assertTrue(warm.out().contains("Warm start from "), warm.toString());
    CommandRun straight = train(21, "--output", dir.resolve("straight").toString());
    assertEquals(ExitCodes.OK, straight.exitCode(), straight.toString());

    // 20 iterations, then 1 from the published model: the cost of iteration 0 is that of iteration 20
    JsonNode warmCosts = JSON.readTree(root.resolve("runs").resolve(currentRunId(root)).resolve("metrics.json")
        .toFile()).get("costs");
    JsonNode straightCosts = JSON.readTree(dir.resolve("straight").resolve("metrics.json").toFile()).get("costs");
    assertEquals(straightCosts.get(20).asDouble(), warmCosts.get(0).asDouble(), 1e-12);
    assertEquals("current", JSON.readTree(root.resolve("runs").resolve(currentRunId(root))
        .resolve("model.json").toFile()).get("config").get("warm_start").asText());
  }

  @Test
  void warmStartFromAModelOfAnotherArchitectureIsAnInvalidModelError() {
    Path root = dir.resolve("root");
    assertEquals(ExitCodes.OK, train(5, "--publish-root", root.toString()).exitCode());
    CommandRun other = CommandRun.of("train", "--train", FLOWER, "--test", FLOWER, "--layers", "2,5,1",
        "--learning-rate", "0.5", "--iterations", "2", "--publish-root", root.toString(), "--warm-start",
        "current");
    assertEquals(ExitCodes.INVALID_INPUT, other.exitCode(), other.toString());
    assertTrue(other.err().contains("model.json: --warm-start: expected a model of layers [2,5,1], activations "
        + "[relu,sigmoid], scaling none (--layers, --activations, --scale), found layers [2,4,1], activations "
        + "[tanh,sigmoid], scaling none"), other.toString());
  }

  @Test
  void aLockHeldByAnotherRunIsExitSixNamingTheHolder() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve(".lock"), "host=elsewhere\npid=4242\nrun_id=nightly-7\nsince=2026-01-01T00:00:00Z"
        + "\ntoken=t\n");
    CommandRun run = train(5, "--publish-root", root.toString(), "--publish-wait", "1");
    assertEquals(ExitCodes.PUBLISH_LOCKED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("publish root locked: expected to take ")
        && run.err().contains("within --publish-wait 1 s, found it held by run nightly-7 (host elsewhere, pid "
            + "4242, since 2026-01-01T00:00:00Z). If no run is publishing to this root, delete "), run.toString());
    assertFalse(Files.exists(root.resolve("current")));
  }

  @Test
  void optionRulesAreUsageErrors() {
    Path root = dir.resolve("root");
    CommandRun both = train(2, "--publish-root", root.toString(), "--output", dir.resolve("o").toString());
    assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
    assertTrue(both.err().contains("--output, --publish-root: expected exactly one of them, found both"),
        both.toString());
    CommandRun neither = train(2);
    assertEquals(ExitCodes.USAGE, neither.exitCode(), neither.toString());
    assertTrue(neither.err().contains("found neither"), neither.toString());
    CommandRun currentWithoutRoot = train(2, "--output", dir.resolve("o").toString(), "--warm-start", "current");
    assertEquals(ExitCodes.USAGE, currentWithoutRoot.exitCode(), currentWithoutRoot.toString());
    CommandRun badMetric = train(2, "--publish-root", root.toString(), "--gate-metric", "f1");
    assertEquals(ExitCodes.USAGE, badMetric.exitCode(), badMetric.toString());
    assertTrue(badMetric.err().contains("--gate-metric: expected accuracy, log-loss or auc, found 'f1'"),
        badMetric.toString());
    assertFalse(Files.exists(root), "nothing written");
  }

  @Test
  void withoutTestDataOnlyTheFirstModelIsPublished() {
    Path root = dir.resolve("root");
    String[] noTest = {"train", "--train", FLOWER, "--layers", "2,4,1", "--activations", "tanh,sigmoid",
        "--learning-rate", "1.2", "--iterations", "5", "--print-every", "0", "--publish-root", root.toString()};
    CommandRun first = CommandRun.of(noTest);
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    CommandRun second = CommandRun.of(noTest);
    assertEquals(ExitCodes.USAGE, second.exitCode(), second.toString());
    assertTrue(second.err().contains("--test: expected test data for the quality gate, since --publish-root "
        + "already has a published model to compare with, found no --test"), second.toString());
  }

  @Test
  void helpListsTheNewExitCodes() {
    CommandRun help = CommandRun.of("train", "--help");
    assertTrue(help.out().contains("5   Quality gate refused the new model; current kept.")
        && help.out().contains("6   Publish root locked by another run."), help.toString());
    assertTrue(help.out().contains("--publish-root") && help.out().contains("--gate-metric"), help.toString());
  }
}
