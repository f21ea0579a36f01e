package org.sparkdnn.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.job.ParametersExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spark-dnn export}: a model's parameters in the course's dictionary JSON shape. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    modelTransformer = ExportCommand.Options.class,
    description = {"Writes a model's parameters as the course's {\"W1\": [[…]], \"b1\": [[…]], …} JSON "
        + "(what json.dump of the course's parameters gives after .tolist()), which train --init-from reads."})
final class ExportCommand implements Callable<Integer> {
  /** Adds {@code --model}. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return SettingOptions.add(spec, List.of(DataSettings.MODEL));
    }
  }

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "JSON file to create.")
  String output;

  @Option(names = "--overwrite", description = "Replace --output if it exists.")
  boolean overwrite;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String model = SettingOptions.values(spec, List.of(DataSettings.MODEL)).get(DataSettings.MODEL);
    Path target = ParametersExport.write(model, output, overwrite, new Configuration());
    System.out.println("Parameters written to " + target);
    return ExitCodes.OK;
  }
}
