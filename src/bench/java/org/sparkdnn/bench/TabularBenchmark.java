package org.sparkdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparkdnn.linalg.Blas;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The tabular benchmark (scripts/bench.sh tabular, issue 14): on three public data sets from Debian packages,
 * spark-dnn's configurations against scikit-learn's MLPClassifier and LogisticRegression behind a StandardScaler,
 * each in a fresh process on the same stratified split: test ROC AUC, accuracy, log-loss and wall time.
 */
@Command(name = "bench.sh tabular", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 118,
    description = {"Trains every spark-dnn configuration of TabularBenchmark.CONFIGURATIONS (a "
        + TabularRun.HIDDEN_UNITS + "-unit ReLU layer, He initialisation, then the configuration's options) and scikit-learn's "
        + "StandardScaler + MLPClassifier((16,), relu, adam) and StandardScaler + LogisticRegression on each data "
        + "set's stratified 80/20 split, each in a fresh JVM or Python process, and reports the test ROC AUC, "
        + "accuracy, log-loss, the wall time of the process (cold) and of training; then issue 14's goal, spark-dnn "
        + "at least scikit-learn's MLP, per data set.",
        "Data sets (files of Debian packages; scripts/bench.sh tabular installs missing ones as root, otherwise says "
            + "how, and a missing one is reported as not run): breast-cancer (python3-sklearn), diabetes and "
            + "ionosphere (weka). The split files are written once per run, label (0/1) in column 0, to "
            + "--output-dir/data; both sides read them."},
    footer = {"", "Duration: about 5 min on a 2-core machine (12 configurations × 3 data sets at 5-10 s each, 6 "
        + "scikit-learn runs under 1 s each).",
        "Exit codes: 0 done (whatever the goals say), 1 a run failed, 2 bad options."})
public final class TabularBenchmark implements Callable<Integer> {
  /**
   * spark-dnn's side, one line per configuration: a name and the {@code train} options it adds to the harness's
   * ({@link TabularRun#HARNESS_OPTIONS}). The first three are issue 14's "before" runs; the std- ones standardize
   * the features as scikit-learn's side does (StandardScaler).
   */
  static final List<TabularConfiguration> CONFIGURATIONS = List.of(
      TabularConfiguration.of("gd-0.01", "--iterations 2000 --learning-rate 0.01"),
      TabularConfiguration.of("gd-0.1", "--iterations 2000 --learning-rate 0.1"),
      TabularConfiguration.of("gd-1", "--iterations 2000 --learning-rate 1"),
      TabularConfiguration.of("gd-0.1-l2", "--iterations 2000 --learning-rate 0.1 --l2 1"),
      TabularConfiguration.of("adam-0.001", "--iterations 2000 --optimizer adam --learning-rate 0.001"),
      TabularConfiguration.of("adam-0.01", "--iterations 2000 --optimizer adam --learning-rate 0.01"),
      TabularConfiguration.of("adam-0.01-balanced",
          "--iterations 2000 --optimizer adam --learning-rate 0.01 --class-weight balanced"),
      TabularConfiguration.of("std-gd-0.1", "--iterations 2000 --learning-rate 0.1 --scale standardize"),
      TabularConfiguration.of("std-gd-1", "--iterations 2000 --learning-rate 1 --scale standardize"),
      TabularConfiguration.of("std-adam-0.01",
          "--iterations 2000 --optimizer adam --learning-rate 0.01 --scale standardize"),
      TabularConfiguration.of("std-adam-0.01-early", "--iterations 2000 --optimizer adam --learning-rate 0.01 "
          + "--scale standardize --validation-fraction 0.1 --eval-every 10 --early-stopping-patience 10"),
      TabularConfiguration.of("std-adam-0.001-b32-early", "--batch-size 32 --epochs 200 --optimizer adam "
          + "--learning-rate 0.001 --scale standardize --validation-fraction 0.1 --eval-every 1 "
          + "--early-stopping-patience 10"));

  @Spec
  CommandSpec spec;

  @Option(names = "--master", description = "Spark master of the spark-dnn runs (default: ${DEFAULT-VALUE}).",
      defaultValue = "local[2]")
  String master;

  @Option(names = "--partitions", description = "Partitions of the spark-dnn runs' data (default: "
      + "${DEFAULT-VALUE}).", defaultValue = "2")
  int partitions;

  @Option(names = "--seed", description = "Seed of the split, of spark-dnn's initial weights (--seed) and "
      + "scikit-learn's random_state (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  long seed;

  @Option(names = "--python", paramLabel = "PYTHON", description = "Python with scikit-learn, to run "
      + "scripts/bench-sklearn.py (bench.sh passes it where it imports sklearn); without it: scikit-learn: not "
      + "measured.")
  String python;

  @Option(names = "--max-iter", description = "scikit-learn's max_iter for both estimators (the MLP's epochs; it "
      + "stops earlier once its training loss settles) (default: ${DEFAULT-VALUE}).", defaultValue = "2000")
  int maxIter;

  @Option(names = "--data-sets", split = ",", paramLabel = "NAME", description = "Data sets to run (default: all: "
      + "breast-cancer, diabetes, ionosphere).")
  List<String> dataSets;

  @Option(names = "--configurations", split = ",", paramLabel = "NAME", description = "spark-dnn configurations "
      + "to run, by name (default: all of CONFIGURATIONS).")
  List<String> configurations;

  @Option(names = "--output-dir", description = "Results (results.md, results.json), the split files (data/), "
      + "logs (logs/) and models (runs/) (default: ${DEFAULT-VALUE}).", defaultValue = "target/bench/tabular")
  Path outputDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TabularBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<TabularConfiguration> chosen = chosenConfigurations();
    List<TabularDataSet> sets = chosenDataSets();
    if (partitions < 1 || maxIter < 1) {
      throw new ParameterException(spec.commandLine(), "expected --partitions ≥ 1 and --max-iter ≥ 1, found "
          + partitions + " and " + maxIter);
    }
    Path dir = outputDir.toAbsolutePath();
    String sklearnWhy = python != null ? null
        : "scikit-learn: not measured (no --python; bench.sh passes it where $PYTHON, default /usr/bin/python3, "
        + "imports sklearn)";
    if (sklearnWhy != null) {
      System.err.println(sklearnWhy);
    }
    List<TabularSplit> splits = new ArrayList<>();
    Map<String, String> missing = new LinkedHashMap<>();
    List<TabularResult> results = new ArrayList<>();
    for (TabularDataSet set : sets) {
      String why = set.missing();
      if (why != null) {
        System.err.println(set.label() + ": not run: " + why);
        missing.put(set.label(), why);
        continue;
      }
      TabularSplit split = TabularSplit.write(set, set.read(), seed, dir.resolve("data"));
      splits.add(split);
      System.err.printf("%s: %d samples, %d features; %s and %s%n", set.label(), split.numExamples(),
          split.numFeatures(), split.train(), split.test());
      if (python != null) {
        for (SklearnRun.Model model : SklearnRun.Model.values()) {
          String name = set.label() + "-sklearn-" + model.arg;
          System.err.println(set.label() + ": scikit-learn " + model.estimator);
          results.add(SklearnRun.run(python, model, split, seed, maxIter, dir.resolve("runs").resolve(name + ".json"),
              dir.resolve("logs").resolve(name + ".log")));
        }
      }
      for (TabularConfiguration configuration : chosen) {
        String name = set.label() + "-" + configuration.name();
        System.err.println(set.label() + ": spark-dnn train " + configuration.optionsText());
        results.add(TabularRun.run(configuration, split, seed, master, partitions, dir.resolve("runs").resolve(name),
            dir.resolve("logs").resolve(name + ".log")));
      }
    }
    List<TabularReport.Goal> goals = TabularReport.goals(splits, results);
    List<String> header = header(sklearnWhy);
    String markdown = TabularReport.markdown(header, splits, missing, results, goals);
    System.out.print(markdown);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), markdown);
    writeJson(dir.resolve("results.json"), header, chosen, splits, missing, results, goals);
    System.out.println("\nMarkdown: " + dir.resolve("results.md") + "; JSON: " + dir.resolve("results.json"));
    return 0;
  }

  private List<TabularConfiguration> chosenConfigurations() {
    try {
      TabularConfiguration.checkTable(CONFIGURATIONS);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "TabularBenchmark.CONFIGURATIONS: " + e.getMessage());
    }
    List<String> names = CONFIGURATIONS.stream().map(TabularConfiguration::name).toList();
    if (configurations == null) {
      return CONFIGURATIONS;
    }
    for (String name : configurations) {
      if (!names.contains(name.strip())) {
        throw new ParameterException(spec.commandLine(), "--configurations: expected names of " + names
            + ", found " + name);
      }
    }
    return CONFIGURATIONS.stream().filter(c -> configurations.stream().anyMatch(n -> n.strip().equals(c.name())))
        .toList();
  }

  private List<TabularDataSet> chosenDataSets() {
    if (dataSets == null) {
      return List.of(TabularDataSet.values());
    }
    List<TabularDataSet> sets = new ArrayList<>();
    for (String name : dataSets) {
      try {
        sets.add(TabularDataSet.named(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--data-sets: " + e.getMessage());
      }
    }
    return sets;
  }

  /** The machine, the settings and the two sides' versions, a line each. */
  private List<String> header(String sklearnWhy) {
    List<String> lines = new ArrayList<>();
    lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " vCPU "
        + MachineInfo.cpuModel() + ", Java " + System.getProperty("java.version") + "; spark-dnn in `" + master
        + "`, " + partitions + " partitions, BLAS " + Blas.implementationName() + ".");
    lines.add("spark-dnn: `train` with `--layers n," + TabularRun.HIDDEN_UNITS + ",1 --activations relu,sigmoid "
        + "--init he --seed " + seed + "` and each configuration's options; " + (sklearnWhy != null ? sklearnWhy
            : "scikit-learn: scripts/bench-sklearn.py with " + python + ", max_iter " + maxIter + ", random_state "
                + seed) + ".");
    lines.add("Split: stratified, " + Math.round(100 * TabularSplit.TEST_FRACTION) + " % of each class for the "
        + "test set, seed " + seed + ".");
    return lines;
  }

  private void writeJson(Path file, List<String> header, List<TabularConfiguration> chosen,
      List<TabularSplit> splits, Map<String, String> missing, List<TabularResult> results,
      List<TabularReport.Goal> goals) throws Exception {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time", Instant.now().toString());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("cpu", MachineInfo.cpuModel());
    json.put("java", System.getProperty("java.version"));
    json.put("blas", Blas.implementationName());
    json.put("master", master);
    json.put("partitions", partitions);
    json.put("seed", seed);
    json.put("test_fraction", TabularSplit.TEST_FRACTION);
    json.put("hidden_units", TabularRun.HIDDEN_UNITS);
    json.put("python", python);
    json.put("sklearn_max_iter", maxIter);
    json.put("header", header);
    List<Map<String, Object>> configs = new ArrayList<>();
    for (TabularConfiguration c : chosen) {
      configs.add(Map.of("name", c.name(), "options", c.options()));
    }
    json.put("configurations", configs);
    json.put("data_sets", splits.stream().map(TabularReport::splitJson).toList());
    json.put("not_run", missing);
    json.put("results", results.stream().map(TabularReport::resultJson).toList());
    json.put("goals", goals.stream().map(TabularReport::goalJson).toList());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
