package org.sparkdnn.job;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.ConfusionCounts;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.ClassWeights;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.spark.DistributedBlocks;
import org.sparkdnn.spark.SparkEvaluator;
import org.sparkdnn.spark.SparkGradientSource;
import org.sparkdnn.spark.resident.ResidentEngine;
import org.sparkdnn.train.Batch;
import org.sparkdnn.train.GradientSource;
import org.sparkdnn.train.MiniBatches;

/**
 * The engine of one training run, as {@code --engine} chooses it: the gradient sums and the test and validation
 * passes during training, from the resident stage or from one Spark job each. Closed when training ends, before the final
 * evaluation (which runs as ordinary jobs once the resident tasks have freed their slots).
 */
final class TrainingEngine implements GradientSource, AutoCloseable {
  static final String RESIDENT = "resident";
  static final String JOBS = "jobs";

  /** The engine's gradient sums: the resident engine, or the jobs engine's {@link SparkGradientSource}. */
  private final GradientSource sums;
  /** The resident engine, null for the jobs engine. */
  private final ResidentEngine resident;
  private final JavaSparkContext sc;
  private final DistributedBlocks test;
  private final DistributedBlocks validation;

  private TrainingEngine(GradientSource sums, ResidentEngine resident, JavaSparkContext sc, DistributedBlocks test,
      DistributedBlocks validation) {
    this.sums = sums;
    this.resident = resident;
    this.sc = sc;
    this.test = test;
    this.validation = validation;
  }

  /**
   * The engine {@code --engine} names, summing {@code batches}' mini-batches too (null: all samples only), each
   * sample weighed by its class's weight unless {@code weights} is null; without it, the resident engine where it
   * can run, else the jobs engine with one line on {@code out} saying why.
   *
   * @throws IllegalArgumentException naming {@code --engine} if it asks for the resident engine where it cannot run
   */
  static TrainingEngine start(JavaSparkContext sc, TrainingConfig config, DistributedBlocks train,
      DistributedBlocks test, DistributedBlocks validation, MiniBatches batches, ClassWeights weights,
      int firstIteration, PrintStream out) {
    Architecture architecture = config.architecture();
    String chosen = config.get(TrainSettings.ENGINE);
    if (!JOBS.equals(chosen)) {
      Optional<String> why = ResidentEngine.unavailable(sc, train.numPartitions());
      if (why.isEmpty()) {
        int port = config.get(TrainSettings.EXCHANGE_PORT);
        ResidentEngine resident;
        try {
          resident = ResidentEngine.start(sc, train, test, validation, architecture, batches, weights,
              config.get(TrainSettings.TASK_TIMEOUT), port,
              TrainSettings.EXCHANGE_AUTO.equals(config.get(TrainSettings.EXCHANGE)), firstIteration);
        } catch (UncheckedIOException e) {
          if (port == 0) {
            throw e;
          }
          throw new IllegalArgumentException(TrainSettings.EXCHANGE_PORT.option() + " " + port + ": "
              + e.getCause().getMessage(), e);
        }
        return new TrainingEngine(resident, resident, sc, test, validation);
      }
      if (RESIDENT.equals(chosen)) {
        throw new IllegalArgumentException(TrainSettings.ENGINE.option() + " resident cannot run here: " + why.get());
      }
      out.println("Engine: jobs, not resident: " + why.get());
    }
    return new TrainingEngine(new SparkGradientSource(sc, train, architecture, batches, weights), null, sc, test,
        validation);
  }

  /** "resident" or "jobs", as recorded in metrics.json. */
  String name() {
    return resident != null ? RESIDENT : JOBS;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    return sums.gradientSums(parameters, batch);
  }

  /** The test data's confusion counts at {@code parameters} (the {@code --eval-every} points). */
  ConfusionCounts testCounts(Parameters parameters, double threshold) {
    return resident != null ? resident.testCounts(parameters, threshold)
        : SparkEvaluator.confusion(sc, test, parameters, threshold);
  }

  /** The validation data's confusion counts at {@code parameters} (the early-stopping checks). */
  ConfusionCounts validationCounts(Parameters parameters, double threshold) {
    return resident != null ? resident.validationCounts(parameters, threshold)
        : SparkEvaluator.confusion(sc, validation, parameters, threshold);
  }

  @Override
  public void close() {
    if (resident != null) {
      resident.close();
    }
  }
}
