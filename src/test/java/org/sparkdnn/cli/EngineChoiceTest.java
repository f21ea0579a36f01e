package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.testing.CsvData;

/**
 * {@code --engine} end to end in the shared local[2] context (2 task slots): resident by default, the same model
 * and metrics as the jobs engine, a fallback with the reason where barrier scheduling cannot run, exit 2 where the
 * resident engine was asked for there.
 */
class EngineChoiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWER = CsvData.FLOWER.toString();

  @TempDir
  Path dir;

  private static CommandRun train(Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", FLOWER, "--test", FLOWER, "--layers", "2,4,1",
        "--activations", "tanh,sigmoid", "--learning-rate", "1.2", "--iterations", "30", "--init", "course-small",
        "--seed", "2", "--eval-every", "4", "--print-every", "10", "--output", output.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static JsonNode metrics(Path output) throws IOException {
    return JSON.readTree(output.resolve(TrainedModel.METRICS_FILE).toFile());
  }

  @Test
  void residentByDefaultAndTheSameModelCostsAndTestHistoryAsTheJobsEngine() throws IOException {
    CommandRun resident = train(dir.resolve("resident"), "--partitions", "2");
    CommandRun network = train(dir.resolve("network"), "--partitions", "2", "--exchange", "network");
    CommandRun jobs = train(dir.resolve("jobs"), "--partitions", "2", "--engine", "jobs");
    assertEquals(0, resident.exitCode(), resident.toString());
    assertEquals(0, network.exitCode(), network.toString());
    assertEquals(0, jobs.exitCode(), jobs.toString());
    assertFalse(resident.out().contains("Engine:"), resident.out());
    assertEquals(costLines(jobs), costLines(resident));
    JsonNode residentMetrics = metrics(dir.resolve("resident"));
    JsonNode jobsMetrics = metrics(dir.resolve("jobs"));
    assertEquals("resident", residentMetrics.get("engine").textValue());
    assertEquals("jobs", jobsMetrics.get("engine").textValue());
    for (String field : List.of("costs", "test_history", "train", "test")) {
      assertEquals(jobsMetrics.get(field), residentMetrics.get(field), field);
    }
    assertArrayEquals(Files.readAllBytes(dir.resolve("jobs/parameters.bin")),
        Files.readAllBytes(dir.resolve("resident/parameters.bin")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("jobs/parameters.bin")),
        Files.readAllBytes(dir.resolve("network/parameters.bin")));
  }

  @Test
  void fallsBackToTheJobsEngineWithTheReasonWhenThereAreFewerTaskSlotsThanPartitions() throws IOException {
    Path output = dir.resolve("model");
    CommandRun run = train(output, "--partitions", "3");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains(
        "Engine: jobs, not resident: 3 partitions need 3 task slots at once, and the cluster has 2\n"), run.out());
    assertEquals("jobs", metrics(output).get("engine").textValue());
  }

  @Test
  void theResidentEngineAskedForWhereItCannotRunIsExit2WithTheReasonAndNothingWritten() {
    Path output = dir.resolve("model");
    CommandRun run = train(output, "--partitions", "3", "--engine", "resident");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--engine resident cannot run here: 3 partitions need 3 task slots at once, and "
        + "the cluster has 2"), run.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void badEngineOptionsAreExit2NamingTheOption() {
    CommandRun engine = train(dir.resolve("a"), "--engine", "fast");
    assertEquals(ExitCodes.USAGE, engine.exitCode(), engine.toString());
    assertTrue(engine.err().contains("--engine") && engine.err().contains("expected resident or jobs, found 'fast'"),
        engine.err());
    CommandRun timeout = train(dir.resolve("b"), "--task-timeout", "0");
    assertEquals(ExitCodes.USAGE, timeout.exitCode(), timeout.toString());
    assertTrue(timeout.err().contains("--task-timeout") && timeout.err().contains("expected more than 0 seconds"),
        timeout.err());
    CommandRun exchange = train(dir.resolve("c"), "--exchange", "pigeon");
    assertEquals(ExitCodes.USAGE, exchange.exitCode(), exchange.toString());
    assertTrue(exchange.err().contains("--exchange") && exchange.err().contains("expected auto or network, found "
        + "'pigeon'"), exchange.err());
  }

  @Test
  void theExchangeListensOnTheGivenPortAndAPortInUseIsExit2NamingTheOption() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    CommandRun run = train(dir.resolve("fixed"), "--partitions", "2", "--exchange-port", Integer.toString(free));
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("resident", metrics(dir.resolve("fixed")).get("engine").textValue());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());
      CommandRun busy = train(dir.resolve("busy"), "--partitions", "2", "--exchange-port", port);
      assertEquals(ExitCodes.USAGE, busy.exitCode(), busy.toString());
      assertTrue(busy.err().contains("--exchange-port " + port + ": cannot listen on 127.0.0.1:" + port),
          busy.err());
      assertFalse(Files.exists(dir.resolve("busy")));
    }
    CommandRun bad = train(dir.resolve("bad"), "--exchange-port", "70000");
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("expected a port from 0 (any free one) to 65535, found 70000"), bad.err());
  }

  @Test
  void courseRunsTakeTheEngineOptions() {
    CommandRun bad = CommandRun.of("course", "week3-planar", "--engine", "fast", "--output",
        dir.resolve("a").toString());
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("expected resident or jobs, found 'fast'"), bad.err());
    CommandRun resident = CommandRun.of("course", "week3-planar", "--engine", "resident", "--partitions", "3",
        "--output", dir.resolve("b").toString());
    assertEquals(ExitCodes.USAGE, resident.exitCode(), resident.toString());
    assertTrue(resident.err().contains("--engine resident cannot run here"), resident.err());
  }

  private static List<String> costLines(CommandRun run) {
    return run.out().lines().filter(line -> line.startsWith("Cost after iteration "))
        .map(line -> line.replaceFirst(" +\\[.*", "")).toList();
  }
}
