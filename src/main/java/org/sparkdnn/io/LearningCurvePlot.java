package org.sparkdnn.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.sparkdnn.eval.IterationMetrics;

/**
 * The course's learning-curve figure as a PNG: the cost of every iteration as a line, iteration on the x axis,
 * cost on the y axis, under a title such as "Learning rate = 0.0075". With a test series, the test log-loss (the
 * same cross-entropy as the cost) is drawn on the same axes and the test accuracy on a second y axis on the
 * right, under a legend. Drawn off-screen: it needs no display
 * when {@code java.awt.headless=true}, which {@code conf/jvm.options} sets (and the JVM assumes on Linux without
 * {@code DISPLAY}); with an unreachable {@code DISPLAY} and no flag, AWT fails.
 */
public final class LearningCurvePlot {
  /** Image width in pixels. */
  public static final int WIDTH = 800;
  /** Image height in pixels. */
  public static final int HEIGHT = 500;

  /** matplotlib's default line colour, as in the course's figures. */
  private static final Color LINE = new Color(0x1f, 0x77, 0xb4);
  /** matplotlib's second and third colours: the test log-loss and the test accuracy. */
  private static final Color TEST_LOSS = new Color(0xff, 0x7f, 0x0e);
  private static final Color TEST_ACCURACY = new Color(0x2c, 0xa0, 0x2c);
  /** Up to this many test points are marked on their lines; more would blur into them. */
  private static final int MAX_MARKED_POINTS = 60;
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private LearningCurvePlot() {}

  /**
   * Writes the curve of {@code costs} (the cost of iteration i at index i) and of the {@code test} series (none:
   * the cost alone) to {@code file}, through a temporary file in the same directory renamed over it once complete.
   *
   * @throws IllegalArgumentException if {@code costs} is empty or holds a NaN or infinite value
   * @throws UncheckedIOException if the file system fails
   */
  public static void writePng(double[] costs, List<IterationMetrics> test, String title, Path file,
      Configuration conf) {
    checkCosts(costs);
    JFreeChart chart = chart(costs, test, title);
    try {
      AtomicFiles.write(file, conf, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkCosts(double[] costs) {
    if (costs.length == 0) {
      throw new IllegalArgumentException("costs: expected at least one iteration's cost, found none");
    }
    for (int i = 0; i < costs.length; i++) {
      if (!Double.isFinite(costs[i])) {
        throw new IllegalArgumentException(
            "costs: expected finite numbers, found " + costs[i] + " at iteration " + i);
      }
    }
  }

  /**
   * The chart: dataset 0 the cost, and with a test series, dataset 1 the test log-loss on the cost's axis and
   * dataset 2 the test accuracy on range axis 1.
   */
  static JFreeChart chart(double[] costs, List<IterationMetrics> test, String title) {
    double[] iterations = new double[costs.length];
    for (int i = 0; i < costs.length; i++) {
      iterations[i] = i;
    }
    DefaultXYDataset dataset = new DefaultXYDataset();
    dataset.addSeries(test.isEmpty() ? "cost" : "cost (train)", new double[][] {iterations, costs.clone()});
    JFreeChart chart = ChartFactory.createXYLineChart(
        title, "iteration", "cost", dataset, PlotOrientation.VERTICAL, !test.isEmpty(), false, false);
    chart.setBackgroundPaint(Color.WHITE);

    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.BLACK);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, LINE);
    line.setSeriesStroke(0, new BasicStroke(1.5f));
    plot.setRenderer(line);

    // tick labels the same in every locale: "1000", "0.75"
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    NumberFormat iteration = NumberFormat.getIntegerInstance(Locale.ROOT);
    iteration.setGroupingUsed(false);
    x.setNumberFormatOverride(iteration);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    y.setAutoRangeIncludesZero(false);
    if (!test.isEmpty()) {
      addTestSeries(plot, y, test);
    }
    return chart;
  }

  /** The test log-loss beside the cost, and the test accuracy on a second y axis on the right. */
  private static void addTestSeries(XYPlot plot, NumberAxis costAxis, List<IterationMetrics> test) {
    double[] iterations = new double[test.size()];
    double[] logLoss = new double[test.size()];
    double[] accuracy = new double[test.size()];
    for (int k = 0; k < test.size(); k++) {
      iterations[k] = test.get(k).iteration();
      logLoss[k] = test.get(k).logLoss();
      accuracy[k] = test.get(k).accuracy();
    }
    DefaultXYDataset loss = new DefaultXYDataset();
    loss.addSeries("test log-loss", new double[][] {iterations, logLoss});
    plot.setDataset(1, loss);
    boolean marked = test.size() <= MAX_MARKED_POINTS;
    plot.setRenderer(1, series(TEST_LOSS, marked));

    NumberAxis right = new NumberAxis("test accuracy");
    right.setLabelFont(costAxis.getLabelFont());
    right.setTickLabelFont(costAxis.getTickLabelFont());
    right.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    right.setAutoRangeIncludesZero(false);
    plot.setRangeAxis(1, right);
    plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
    DefaultXYDataset accuracies = new DefaultXYDataset();
    accuracies.addSeries("test accuracy (right axis)", new double[][] {iterations, accuracy});
    plot.setDataset(2, accuracies);
    plot.mapDatasetToRangeAxis(2, 1);
    plot.setRenderer(2, series(TEST_ACCURACY, marked));
  }

  /** A line in {@code colour}, through visible points if {@code marked}. */
  private static XYLineAndShapeRenderer series(Color colour, boolean marked) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, marked);
    renderer.setSeriesPaint(0, colour);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    return renderer;
  }
}
