package org.sparkdnn.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.OutputDirectory;

/** A model's parameters in the course's dictionary JSON shape, as {@code spark-dnn export} writes them. */
public final class ParametersExport {
  private ParametersExport() {}

  /**
   * Writes the parameters of {@code model} (a model directory or a publish root) to {@code output}, which
   * {@code train --init-from} reads back; an existing file is refused unless {@code overwrite}.
   *
   * @return the file written
   */
  public static Path write(String model, String output, boolean overwrite, Configuration conf) {
    Path target = OutputDirectory.prepare(new Path(output), overwrite, conf).path();
    CourseParametersJson.write(ModelLocation.read(new Path(model), conf).parameters(), target, conf);
    return target;
  }
}
