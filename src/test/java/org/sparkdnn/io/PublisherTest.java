package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Publisher} without Spark: the layout of a root, the manifest and its verification, the gate's
 * refusal, a switch completed after a kill, and the lock between two publishers.
 */
class PublisherTest {
  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private java.nio.file.Path rootDir;
  private Publisher publisher;

  @BeforeEach
  void root() {
    rootDir = tmp.resolve("root");
    publisher = new Publisher(new Path(rootDir.toString()), conf);
  }

  private double currentValue() {
    return PublishedRuns.valueOf(ModelLocation.read(new Path(rootDir.toString()), conf));
  }

  @Test
  void publishWritesTheRunWithItsManifestThenPointsCurrentAtIt() throws IOException {
    assertEquals(Optional.empty(), publisher.currentRun());
    String runId = PublishedRuns.publish(publisher, 1, conf);
    java.nio.file.Path run = rootDir.resolve("runs").resolve(runId);
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    assertEquals(runId, manifest.get("run_id").asText());
    List<String> listed = new ArrayList<>();
    manifest.get("files").fieldNames().forEachRemaining(listed::add);
    assertEquals(List.of("metrics.json", "model.json", "parameters.bin"), listed);
    assertEquals(Files.size(run.resolve("parameters.bin")),
        manifest.get("files").get("parameters.bin").get("size").asLong());
    assertEquals(FileHash.of(new Path(run.resolve("model.json").toString()), conf).sha256(),
        manifest.get("files").get("model.json").get("sha256").asText());
    assertEquals("train.csv", manifest.get("data").get("train").asText());
    JsonNode pointer = new ObjectMapper().readTree(rootDir.resolve("current").toFile());
    assertEquals("runs/" + runId, pointer.get("path").asText());
    assertEquals(1.0, currentValue());
    assertEquals(1.0, PublishedRuns.valueOf(ModelLocation.read(new Path(rootDir.resolve("current").toString()),
        conf)));

    String second = PublishedRuns.publish(publisher, 2, conf);
    assertEquals(2.0, currentValue());
    assertTrue(Files.isDirectory(rootDir.resolve("runs").resolve(runId)), "earlier runs stay");
    assertEquals(Optional.of(publisher.runPath(second)), publisher.currentRun());
  }

  @Test
  void manifestTakesExtraDataEntries() throws IOException {
    String runId = "run-1";
    PublishedRuns.write(publisher, runId, 1, conf);
    new RunManifest(runId, "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", Map.of(), Map.of(),
        Map.of("train", "t.csv")).withData("fingerprint", Map.of("sha256", "ab", "files", 2))
        .writeTo(publisher.runPath(runId), conf);
    JsonNode data = new ObjectMapper().readTree(rootDir.resolve("runs/run-1/manifest.json").toFile()).get("data");
    assertEquals("t.csv", data.get("train").asText());
    assertEquals(2, data.get("fingerprint").get("files").asInt());
  }

  @Test
  void refusedRunLeavesCurrentAndStaysForInspection() {
    PublishedRuns.publish(publisher, 1, conf);
    String refused = "refused-run";
    PublishedRuns.write(publisher, refused, 2, conf);
    List<Optional<Path>> seen = new ArrayList<>();
    Publisher.Verdict verdict = publisher.publish(refused, Duration.ZERO, current -> {
      seen.add(current);
      return new Publisher.Verdict(false, "worse");
    });
    assertFalse(verdict.accepted());
    assertEquals(List.of(publisher.currentRun()), seen, "the gate sees the current run");
    assertEquals(1.0, currentValue());
    assertTrue(Files.exists(rootDir.resolve("runs").resolve(refused).resolve("model.json")));
    assertFalse(Files.exists(rootDir.resolve(PublishLock.FILE)), "the lock is released");
  }

  @Test
  void aChangedFileFailsVerificationNamingIt() throws IOException {
    String runId = PublishedRuns.publish(publisher, 1, conf);
    java.nio.file.Path run = rootDir.resolve("runs").resolve(runId);
    // edited with a tool outside Hadoop, which leaves no .crc behind
    Files.writeString(run.resolve("metrics.json"), "{\"value\": 0.99}\n");
    Files.deleteIfExists(run.resolve(".metrics.json.crc"));
    ModelFormatException e = assertThrows(ModelFormatException.class, this::currentValue);
    assertTrue(e.getMessage().contains(runId + "/metrics.json: expected the content manifest.json records (size ")
        && e.getMessage().contains("the file was changed after the run wrote it"), e.getMessage());
  }

  @Test
  void aChangedByteThatHadoopsChecksumCatchesFailsToo() throws IOException {
    String runId = PublishedRuns.publish(publisher, 1, conf);
    java.nio.file.Path parameters = rootDir.resolve("runs").resolve(runId).resolve("parameters.bin");
    byte[] bytes = Files.readAllBytes(parameters);
    bytes[100] ^= 1;
    Files.write(parameters, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class, this::currentValue);
    assertTrue(e.getMessage().contains("parameters.bin: expected content matching Hadoop's checksum"),
        e.getMessage());
  }

  @Test
  void aMissingOrUnlistedFileFailsVerification() throws IOException {
    String runId = PublishedRuns.publish(publisher, 1, conf);
    java.nio.file.Path run = rootDir.resolve("runs").resolve(runId);
    Files.writeString(run.resolve("notes.txt"), "added later");
    ModelFormatException unlisted = assertThrows(ModelFormatException.class, this::currentValue);
    assertTrue(unlisted.getMessage().contains("found unlisted notes.txt"), unlisted.getMessage());
    Files.delete(run.resolve("notes.txt"));
    Files.delete(run.resolve("metrics.json"));
    ModelFormatException missing = assertThrows(ModelFormatException.class, this::currentValue);
    assertTrue(missing.getMessage().contains("metrics.json: expected the file that manifest.json lists"),
        missing.getMessage());
  }

  @Test
  void aRunWithoutManifestIsNotPublished() {
    String runId = "no-manifest";
    try (OutputDirectory target = OutputDirectory.prepare(publisher.runPath(runId), false, conf)) {
      ModelStore.write(PublishedRuns.model(3), target.staging(), conf);
      target.commit();
    }
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> publisher.publish(runId, Duration.ZERO, current -> new Publisher.Verdict(true, "")));
    assertTrue(e.getMessage().contains("manifest.json: expected one JSON document, found no such file"),
        e.getMessage());
    assertEquals(Optional.empty(), publisher.currentRun());
  }

  @Test
  void aSwitchKilledBetweenItsStepsLeavesAReadablePointerAndIsCompleted() throws IOException {
    PublishedRuns.publish(publisher, 1, conf);
    String second = PublishedRuns.publish(publisher, 2, conf);
    // as a switch to the second run killed after step 2: current deleted, current.next whole
    Files.move(rootDir.resolve("current"), rootDir.resolve("current.next"));
    Files.deleteIfExists(rootDir.resolve(".current.crc"));
    assertEquals(2.0, currentValue());
    assertEquals(Optional.of(publisher.runPath(second)), publisher.currentRun());
    PublishedRuns.publish(publisher, 3, conf);
    assertEquals(3.0, currentValue());
    assertTrue(Files.exists(rootDir.resolve("current")) && !Files.exists(rootDir.resolve("current.next")));
  }

  @Test
  void aPointerNamingAPathOutsideTheRootIsRefused() throws IOException {
    Files.createDirectories(rootDir);
    Files.writeString(rootDir.resolve("current"), "{\"run_id\": \"../../etc\"}");
    ModelFormatException e = assertThrows(ModelFormatException.class, publisher::currentRun);
    assertTrue(e.getMessage().contains("expected \"run_id\" to be a run directory's name"), e.getMessage());
  }

  /**
   * A reader that resolves the publish root while switches run back to back always finds a published run: it
   * looks again when a switch's last step (the rename of current.next to current) falls between its two looks.
   */
  @Test
  void aReaderAlwaysFindsThePublishedRunDuringSwitches() throws Exception {
    PublishedRuns.publish(publisher, 1, conf);
    PublishedRuns.write(publisher, "a", 2, conf);
    PublishedRuns.write(publisher, "b", 3, conf);
    Path root = new Path(rootDir.toString());
    String first = ModelLocation.resolve(root, conf).getName();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> switches = pool.submit(() -> {
        int count = 0;
        while (!stop.get()) {
          CurrentPointer.switchTo(root, count % 2 == 0 ? "a" : "b", conf);
          count++;
        }
        return count;
      });
      long end = System.nanoTime() + 3_000_000_000L;
      int reads = 0;
      while (System.nanoTime() < end) {
        String run = ModelLocation.resolve(root, conf).getName();
        assertTrue(run.equals("a") || run.equals("b") || run.equals(first), "resolved " + run);
        reads++;
      }
      stop.set(true);
      assertTrue(switches.get() > 100 && reads > 100, switches.get() + " switches, " + reads + " reads");
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondPublisherWaitsOrIsRefusedNamingTheHolder() throws Exception {
    PublishedRuns.publish(publisher, 1, conf);
    PublishedRuns.write(publisher, "holder", 2, conf);
    PublishedRuns.write(publisher, "waiter", 3, conf);
    CountDownLatch inGate = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      Future<Publisher.Verdict> holder = pool.submit(() -> publisher.publish("holder", Duration.ZERO, current -> {
        inGate.countDown();
        await(release);
        return new Publisher.Verdict(true, "accepted");
      }));
      // meanwhile a reader keeps reading current: always a whole model, 1 or 2
      Future<Integer> reads = pool.submit(() -> {
        int count = 0;
        while (!stop.get()) {
          double value = currentValue();
          assertTrue(value == 1.0 || value == 2.0 || value == 3.0, "current read as " + value);
          count++;
        }
        return count;
      });
      assertTrue(inGate.await(30, TimeUnit.SECONDS));

      PublishLockedException refused = assertThrows(PublishLockedException.class,
          () -> publisher.publish("waiter", Duration.ZERO, current -> new Publisher.Verdict(true, "")));
      assertTrue(refused.getMessage().contains("held by run holder (host ")
          && refused.getMessage().contains(", pid " + ProcessHandle.current().pid() + ", since ")
          && refused.getMessage().contains("delete " + new Path(publisher.root(), ".lock") + " and run again"),
          refused.getMessage());
      assertEquals(1.0, currentValue());

      Thread releaser = new Thread(() -> {
        sleep(1500);
        release.countDown();
      });
      releaser.start();
      Publisher.Verdict waited = publisher.publish("waiter", Duration.ofSeconds(60),
          current -> new Publisher.Verdict(true, "after " + current.map(Path::getName).orElse("none")));
      releaser.join();
      assertTrue(holder.get().accepted());
      assertEquals("after holder", waited.reason(), "the waiter's gate ran after the holder's switch");
      assertEquals(3.0, currentValue());
      stop.set(true);
      assertTrue(reads.get() > 0);
    } finally {
      stop.set(true);
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aLockOfAProcessThatIsGoneIsReportedAsStale() throws Exception {
    Process gone = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-version").start();
    gone.waitFor();
    Files.createDirectories(rootDir);
    Files.writeString(rootDir.resolve(".lock"), "host=" + java.net.InetAddress.getLocalHost().getHostName()
        + "\npid=" + gone.pid() + "\nrun_id=old\nsince=" + Instant.EPOCH + "\ntoken=x\n", StandardCharsets.UTF_8);
    PublishedRuns.write(publisher, "new", 1, conf);
    PublishLockedException e = assertThrows(PublishLockedException.class,
        () -> publisher.publish("new", Duration.ofMillis(600), current -> new Publisher.Verdict(true, "")));
    assertTrue(e.getMessage().contains("held by run old") && e.getMessage().contains("pid " + gone.pid()
        + " is not running on this host, so the lock is stale"), e.getMessage());
    assertTrue(Files.exists(rootDir.resolve(".lock")), "another's lock is never deleted");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
