package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy's side (scripts/bench-numpy.py, run in its own process before Spark starts so that nothing competes for the
 * cores): the course's loop on synthetic cases and the course's L-layer run on its own data, with as many BLAS
 * threads as the master has.
 */
final class NumpyRun {
  /** The script, relative to the repository root (scripts/bench.sh runs from there). */
  static final Path SCRIPT = Path.of("scripts/bench-numpy.py");

  private NumpyRun() {}

  /** One synthetic case: the median seconds of one iteration of the course's loop. */
  record Case(LayerSizes layers, long numExamples, double secondsPerIteration) {}

  /** The course's L-layer run: seconds of the loop alone and of the whole script part (with loading). */
  record Course(long numExamples, int iterations, double loopSeconds, double totalSeconds, double lastCost) {
    double secondsPerIteration() {
      return loopSeconds / iterations;
    }
  }

  /** Everything the script measured; {@code course} is null if it was not asked for. */
  record Result(String version, String blas, int threads, List<Case> cases, Course course) {
    /** The seconds per iteration of {@code layers} at m, or NaN if not measured. */
    double secondsPerIteration(LayerSizes layers, long m) {
      return cases.stream().filter(c -> c.layers().equals(layers) && c.numExamples() == m)
          .mapToDouble(Case::secondsPerIteration).findFirst().orElse(Double.NaN);
    }
  }

  /**
   * Runs the script with {@code python}; its output goes to {@code log}.
   *
   * @throws IllegalStateException if it exits with an error
   */
  static Result run(String python, int threads, List<LayerSizes> layers, List<Long> sizes, int warmUp,
      int iterations, String courseTrain, int courseIterations, Path output, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString(), "--threads", Integer.toString(threads),
        "--warmup", Integer.toString(warmUp), "--iterations", Integer.toString(iterations),
        "--output", output.toString()));
    for (int i = 0; i < layers.size(); i++) {
      command.add("--case");
      command.add(layers.get(i).csv() + "@" + sizes.get(i));
    }
    if (courseTrain != null) {
      command.addAll(List.of("--course-train", courseTrain, "--course-iterations", Integer.toString(courseIterations)));
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
    }
    return parse(output.toFile());
  }

  static Result parse(File json) throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      int[] sizes = new int[c.get("layers").size()];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = c.get("layers").get(i).asInt();
      }
      cases.add(new Case(new LayerSizes(sizes), c.get("m").asLong(), c.get("seconds_per_iteration").asDouble()));
    }
    JsonNode c = root.get("course");
    Course course = c == null ? null : new Course(c.get("m").asLong(), c.get("iterations").asInt(),
        c.get("loop_seconds").asDouble(), c.get("total_seconds").asDouble(), c.get("last_cost").asDouble());
    return new Result(root.get("numpy").asText(), root.get("blas").asText(), root.get("threads").asInt(),
        List.copyOf(cases), course);
  }
}
