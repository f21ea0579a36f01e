package org.sparkdnn.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.io.CourseParametersJson;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spark-dnn export}: a model's parameters in the course's dictionary JSON shape. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes a model's parameters as the course's {\"W1\": [[…]], \"b1\": [[…]], …} JSON "
        + "(what json.dump of the course's parameters gives after .tolist()), which train --init-from reads."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by train, or a publish root (its current model).")
  String model;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSON file to create.")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = new Configuration();
    Path target = OutputDirectory.prepare(new Path(output), overwrite, conf).path();
    CourseParametersJson.write(ModelLocation.read(new Path(model), conf).parameters(), target, conf);
    System.out.println("Parameters written to " + target);
    return ExitCodes.OK;
  }
}
