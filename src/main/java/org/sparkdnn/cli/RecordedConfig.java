package org.sparkdnn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparkdnn.data.CsvFormat;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Precision;
import org.sparkdnn.spark.BadRowPolicy;
import org.sparkdnn.spark.CsvBlockReader;
import org.sparkdnn.train.GradientDescent;

/**
 * The training configuration as {@code train} and {@code course} record it in model.json, metrics.json and
 * checkpoints (where a resumed run is compared with it); {@link TrainingJob} adds the partitioning it found.
 */
final class RecordedConfig {
  private RecordedConfig() {}

  /**
   * @param testPath may be null
   * @param initializer the {@code --init} scheme's label, recorded even when {@code initFrom} replaces it
   * @param initFrom the {@code --init-from} file, or null
   * @param precision the passes' precision, recorded as {@code precision} (model.json's tells predict and evaluate)
   */
  static Map<String, Object> of(String trainPath, String testPath, Architecture architecture,
      GradientDescent descent, String initializer, long seed, String initFrom, CsvBlockReader reader,
      Precision precision) {
    CsvFormat format = reader.format();
    BadRowPolicy badRows = reader.badRows();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("train", trainPath);
    config.put("test", testPath);
    config.put("layers", architecture.sizes());
    config.put("activations", architecture.activationsText().split(","));
    config.put("learning_rate", descent.learningRate());
    config.put("iterations", descent.iterations());
    config.put("init", initializer);
    config.put("seed", seed);
    config.put("init_from", initFrom);
    config.put("scale", reader.scaling().toString());
    config.put("label_column", format.labelColumn());
    config.put("header", format.header());
    config.put("delimiter", String.valueOf(format.delimiter()));
    config.put("on_bad_row", badRows.skip() ? "skip" : "fail");
    config.put("max_bad_rows", badRows.maxSkipped());
    config.put("precision", precision.label());
    return config;
  }
}
