package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabularReportTest {
  private static final TabularSplit SPLIT = new TabularSplit("breast-cancer", Path.of("/bc.csv"), "python3-sklearn",
      Path.of("/t/data/breast-cancer-train.csv"), Path.of("/t/data/breast-cancer-test.csv"), 569, 30, 212,
      "malignant", "benign", 456, 113, 0.002948, 3431.2);

  private static TabularResult ours(String name, double auc, double wall) {
    return new TabularResult("breast-cancer", TabularResult.SPARK_DNN, name, "--iterations 2000", null, auc, 0.9,
        0.2, wall, 1.0, "resident engine");
  }

  private static TabularResult mlp(double auc) {
    return new TabularResult("breast-cancer", TabularResult.SCIKIT_LEARN, "MLPClassifier", "StandardScaler + MLP",
        null, auc, 0.96, 0.09, 2.0, 0.4, "312 iterations");
  }

  @Test
  void theGoalIsReachedByTheFastestConfigurationAtLeastAsGoodAsTheMlp() {
    List<TabularReport.Goal> goals = TabularReport.goals(List.of(SPLIT),
        List.of(mlp(0.99), ours("slow", 0.995, 9.0), ours("fast", 0.99, 6.0), ours("bad", 0.5, 5.0)));
    assertEquals(TabularReport.Goal.Status.REACHED, goals.get(0).status());
    assertEquals("reached: fast, test ROC AUC 0.9900 ≥ MLPClassifier's 0.9900, in 6.0 s cold (1.00 s training)",
        goals.get(0).text());
  }

  @Test
  void otherwiseTheBestConfigurationIsNamedAndWithoutTheMlpNothingIsJudged() {
    TabularResult diverged = TabularResult.failed("breast-cancer", TabularResult.SPARK_DNN, "gd-1", "--x",
        "diverged (exit 4)", 4.0);
    List<TabularReport.Goal> goals = TabularReport.goals(List.of(SPLIT),
        List.of(mlp(0.99), ours("a", 0.98, 9.0), ours("b", 0.97, 6.0), diverged));
    assertEquals(TabularReport.Goal.Status.NOT_REACHED, goals.get(0).status());
    assertEquals("not reached: best a, test ROC AUC 0.9800 < MLPClassifier's 0.9900", goals.get(0).text());
    assertEquals("not reached: no spark-dnn run finished",
        TabularReport.goals(List.of(SPLIT), List.of(mlp(0.99), diverged)).get(0).text());
    assertEquals(TabularReport.Goal.Status.NOT_JUDGED,
        TabularReport.goals(List.of(SPLIT), List.of(ours("a", 0.98, 9.0))).get(0).status());
  }

  @Test
  void aRowGivesTheMetricsToFourDecimalsOrWhyThereAreNone() {
    assertEquals("| spark-dnn fast | `--iterations 2000` | 0.9900 | 0.9000 | 0.2000 | 6.0 | 1.000 | resident engine |",
        TabularReport.row(ours("fast", 0.99, 6.0)));
    assertEquals("| spark-dnn gd-1 | `--x` | diverged (exit 4) | |  | 4.0 |  |  |", TabularReport.row(
        TabularResult.failed("breast-cancer", TabularResult.SPARK_DNN, "gd-1", "--x", "diverged (exit 4)", 4.0)));
  }

  @Test
  void theDescriptionSaysClassOneAndHowFarApartTheColumnsAre() {
    String text = TabularReport.description(SPLIT);
    assertTrue(text.contains("569 samples, 30 features; class 1 = malignant (212), class 0 = benign (357)"), text);
    assertTrue(text.contains("456 training, 113 test samples (`breast-cancer-train.csv`, `breast-cancer-test.csv`)"),
        text);
    assertTrue(text.endsWith("from 0.002948 to 3431."), text);
    assertEquals("0", TabularReport.number(0));
    assertEquals("2", TabularReport.number(2.0));
    assertEquals("1.235", TabularReport.number(1.23456));
  }

  @Test
  void theReportHoldsEachDataSetThenWhatDidNotRunThenTheGoals() {
    List<TabularResult> results = List.of(mlp(0.99), ours("fast", 0.995, 6.0));
    String markdown = TabularReport.markdown(List.of("Run on a test."), List.of(SPLIT),
        Map.of("diabetes", "/d.arff not found"), results, TabularReport.goals(List.of(SPLIT), results));
    int data = markdown.indexOf("## breast-cancer");
    int missing = markdown.indexOf("## diabetes\n\nnot run: /d.arff not found");
    int goal = markdown.indexOf("- breast-cancer: reached: fast");
    assertTrue(markdown.startsWith("# spark-dnn tabular benchmark\n\nRun on a test.  \n"), markdown);
    assertTrue(data > 0 && missing > data && goal > missing, markdown);
    assertTrue(markdown.contains("| scikit-learn MLPClassifier | StandardScaler + MLP | 0.9900 |"), markdown);
  }
}
