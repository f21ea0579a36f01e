package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.testing.CheckpointBlocker;
import org.sparkdnn.testing.CsvData;

/**
 * {@code train --l2} end to end on the planar flower: the printed cost includes the penalty, the weights shrink,
 * λ is recorded, a checkpoint cannot be resumed with another λ, and a bad λ is exit 2 naming the option.
 */
class L2CommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CommandRun train(String output, String... more) {
    return train(output, 20, more);
  }

  private CommandRun train(String output, int iterations, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--train", CsvData.FLOWER.toString(), "--layers",
        "2,4,1", "--activations", "tanh,sigmoid", "--learning-rate", "1.2", "--iterations",
        Integer.toString(iterations), "--init", "he",
        "--seed", "2", "--partitions", "2", "--print-every", "19", "--output", dir.resolve(output).toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void theCostIncludesThePenaltyTheWeightsShrinkAndLambdaIsRecorded() throws IOException {
    CommandRun plain = train("plain");
    CommandRun regularized = train("l2", "--l2", "2.5");
    assertEquals(0, plain.exitCode(), plain.toString());
    assertEquals(0, regularized.exitCode(), regularized.toString());
    JsonNode plainMetrics = JSON.readTree(dir.resolve("plain/metrics.json").toFile());
    JsonNode l2Metrics = JSON.readTree(dir.resolve("l2/metrics.json").toFile());
    // same start: the penalty (λ/2m)·Σ‖W‖² > 0 is all that differs at iteration 0
    assertTrue(l2Metrics.get("costs").get(0).doubleValue() > plainMetrics.get("costs").get(0).doubleValue());
    assertEquals(2.5, l2Metrics.get("config").get("l2").doubleValue(), 0.0);
    assertEquals(0.0, plainMetrics.get("config").get("l2").doubleValue(), 0.0);
    assertTrue(squaredWeights(dir.resolve("l2")) < squaredWeights(dir.resolve("plain")));
  }

  @Test
  void aCheckpointIsNotResumedWithAnotherLambda() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    // a directory where the checkpoint of iteration 10 would go makes the run fail there, keeping the one of 5
    CheckpointBlocker blocker = CheckpointBlocker.at(checkpoints, 10);
    CommandRun crashed = train("a", "--l2", "0.5", "--checkpoint-dir", checkpoints.toString(),
        "--checkpoint-every", "5");
    assertEquals(ExitCodes.FAILURE, crashed.exitCode(), crashed.toString());
    blocker.remove();
    CommandRun other = train("b", "--l2", "0.25", "--checkpoint-dir", checkpoints.toString(), "--resume");
    assertEquals(ExitCodes.USAGE, other.exitCode(), other.toString());
    assertTrue(other.err().contains("l2: 0.5 in the checkpoint, 0.25 now"), other.err());
    CommandRun same = train("c", "--l2", "0.5", "--checkpoint-dir", checkpoints.toString(), "--resume");
    assertEquals(0, same.exitCode(), same.toString());
    assertTrue(same.out().contains("at iteration 5 of 20"), same.out());
  }

  @Test
  void aNegativeOrNonFiniteLambdaIsExit2NamingTheOption() {
    for (String bad : List.of("-0.1", "NaN", "Infinity")) {
      CommandRun run = train("bad", "--l2", bad);
      assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
      assertTrue(run.err().contains("--l2") && run.err().contains("expected a finite number >= 0"), run.err());
    }
  }

  /** Σ_l ‖W[l]‖² of a trained model. */
  private static double squaredWeights(Path model) {
    Parameters parameters = ModelStore.read(new org.apache.hadoop.fs.Path(model.toUri()), new Configuration())
        .parameters();
    double sum = 0;
    for (int l = 1; l <= parameters.architecture().numLayers(); l++) {
      Matrix w = parameters.W(l);
      for (int i = 0; i < w.rows(); i++) {
        for (int j = 0; j < w.cols(); j++) {
          sum += w.get(i, j) * w.get(i, j);
        }
      }
    }
    return sum;
  }
}
