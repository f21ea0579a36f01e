package org.sparkdnn.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.SettingValues;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.eval.BinaryMetrics;
import org.sparkdnn.io.Publisher;
import org.sparkdnn.spark.SharedSpark;

/** The README's example of the Java API, compiled and run: train, publish, evaluate and predict. */
class JavaApiExampleTest {
  private static final String BEGIN = "    // README example begins\n";
  private static final String END = "    // README example ends\n";

  @TempDir
  Path dir;

  @Test
  void trainsPublishesEvaluatesAndPredicts() {
    JavaSparkContext sc = SharedSpark.context();
    String flower = "data-samples/planar/flower.csv";
    String root = dir.resolve("flower-models").toString();
    String predictions = dir.resolve("predictions").toString();
    // README example begins
    TrainingConfig config = TrainingConfig.builder()
        .set(TrainSettings.TRAIN, flower)
        .set(TrainSettings.TEST, flower)
        .set(TrainSettings.LAYERS, new int[] {2, 4, 1})
        .set(TrainSettings.ACTIVATIONS, new String[] {"tanh", "sigmoid"})
        .set(TrainSettings.LEARNING_RATE, 1.2)
        .set(TrainSettings.ITERATIONS, 1000)
        .set(TrainSettings.INIT, "course-small")
        .set(TrainSettings.SEED, 2L)
        .set(TrainSettings.PUBLISH_ROOT, root)
        .build();
    TrainedModel trained = new Trainer(sc, System.out, null).train(config);
    Publisher.Verdict verdict = Publication.publish(sc, trained, System.out);

    SettingValues scoring = SettingValues.defaults(DataSettings.SCORING).with(DataSettings.MODEL, root);
    BinaryMetrics metrics = Evaluator.evaluate(sc, scoring, flower, null, false, System.out);
    long rows = Predictor.predict(sc, scoring, flower, predictions, true, System.out);
    // README example ends
    assertTrue(verdict.accepted(), verdict.reason());
    assertEquals(trained.test().accuracy(), metrics.accuracy());
    assertTrue(metrics.accuracy() > 0.85, metrics.toString());
    assertEquals(400, rows);
  }

  @Test
  void readmeShowsThisExample() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/sparkdnn/job/JavaApiExampleTest.java"));
    int begin = source.indexOf(BEGIN, source.indexOf("void trainsPublishes")) + BEGIN.length();
    String example = source.substring(begin, source.indexOf(END, begin)).replaceAll("(?m)^    ", "");
    String readme = Files.readString(Path.of("README.md"));
    String block = readme.substring(readme.indexOf("```java\n", readme.indexOf("#### Java API")) + 8);
    assertEquals(example, block.substring(0, block.indexOf("```\n")));
  }
}
