package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed ({@code destroyForcibly}, SIGKILL) at random moments while it publishes and replaces an
 * output directory, again and again for about 20 s (at least 3 times): after every kill, {@code ROOT/current} names a whole run
 * whose manifest verifies and that is not older than the one seen before, and the output directory reads as a
 * whole model, the old one or the new one.
 */
class PublishKillLoopTest {
  private static final long LOOP_NANOS = TimeUnit.SECONDS.toNanos(20);
  /** Kills even when a busy machine starts the JVMs slowly (then the loop runs longer than 20 s). */
  private static final int MIN_KILLS = 3;
  /** Each child numbers its runs from its index times this, so values only grow from child to child. */
  private static final long VALUES_PER_CHILD = 1_000_000;
  /** A cycle (publish, then replace the output) takes 100 to 300 ms: the kill lands within its first few. */
  private static final int KILL_WINDOW_MILLIS = 800;

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  @Test
  void killedPublisherLeavesCurrentAndOutputWhole() throws Exception {
    Path root = new Path(tmp.resolve("root").toString());
    Path output = new Path(tmp.resolve("output").toString());
    Publisher publisher = new Publisher(root, conf);
    PublishedRuns.publish(publisher, 0, conf);
    PublishedRuns.replace(output, 0, conf);
    double lastCurrent = 0;
    double lastOutput = 0;
    Random random = new Random(5);
    int kills = 0;
    int cycles = 0;
    long end = System.nanoTime() + LOOP_NANOS;
    for (int child = 1; System.nanoTime() < end || kills < MIN_KILLS; child++) {
      Process process = new ProcessBuilder(javaCommand(root, output, child * VALUES_PER_CHILD))
          .redirectErrorStream(true).start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          in.lines().forEach(lines::add);
        } catch (IOException | UncheckedIOException e) {
          lines.add("(output ended: " + e.getMessage() + ")");
        }
      });
      reader.start();
      // the JVM takes seconds to start on a busy machine: kill it at a random moment after its first cycle
      String first = lines.poll(60, TimeUnit.SECONDS);
      assertTrue(first != null && first.startsWith("cycle "), "child " + child + " printed " + first);
      Thread.sleep(random.nextInt(KILL_WINDOW_MILLIS));
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "child " + child + " did not die");
      reader.join();
      kills++;
      List<String> printed = new ArrayList<>(List.of(first));
      lines.drainTo(printed);
      cycles += (int) printed.stream().filter(line -> line.startsWith("cycle ")).count();
      assertTrue(printed.stream().allMatch(line -> line.startsWith("cycle ") || line.startsWith("(output ended")),
          "child " + child + " failed:\n" + String.join("\n", printed));

      String context = "after kill " + kills + " (child's last line " + printed.get(printed.size() - 1) + ")";
      double current = PublishedRuns.valueOf(ModelLocation.read(root, conf));
      assertTrue(current >= lastCurrent, context + ": current went back from " + lastCurrent + " to " + current);
      lastCurrent = current;
      double replaced = PublishedRuns.valueOf(ModelLocation.read(output, conf));
      assertTrue(replaced >= lastOutput, context + ": output went back from " + lastOutput + " to " + replaced);
      lastOutput = replaced;
      releaseLockOfKilledProcess(root, process.pid());
    }
    System.out.println("PublishKillLoopTest: " + kills + " kills, " + cycles + " cycles completed");
    // the next publisher completes whatever the last kill interrupted
    PublishedRuns.publish(publisher, Double.MAX_VALUE, conf);
    PublishedRuns.replace(output, Double.MAX_VALUE, conf);
    assertTrue(PublishedRuns.valueOf(ModelLocation.read(root, conf)) == Double.MAX_VALUE);
    assertTrue(PublishedRuns.valueOf(ModelLocation.read(output, conf)) == Double.MAX_VALUE);
  }

  /** A lock left by the killed child names it (or is still empty); an operator deletes it, as the test does. */
  private void releaseLockOfKilledProcess(Path root, long pid) throws IOException {
    java.nio.file.Path lock = tmp.resolve("root").resolve(PublishLock.FILE);
    if (Files.exists(lock)) {
      String owner = Files.readString(lock, StandardCharsets.UTF_8);
      assertTrue(owner.isEmpty() || owner.contains("pid=" + pid + "\n"), "lock of another process: " + owner);
      Files.delete(lock);
    }
  }

  private static List<String> javaCommand(Path root, Path output, long firstValue) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PublishLoop.class.getName());
    command.add(root.toString());
    command.add(output.toString());
    command.add(Long.toString(firstValue));
    return command;
  }
}
