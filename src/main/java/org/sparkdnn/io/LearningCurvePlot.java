package org.sparkdnn.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The course's learning-curve figure as a PNG: the cost of every iteration as a line, iteration on the x axis,
 * cost on the y axis, under a title such as "Learning rate = 0.0075". Drawn off-screen: it needs no display
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
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private LearningCurvePlot() {}

  /**
   * Writes the curve of {@code costs} (the cost of iteration i at index i) to {@code file}, through a temporary
   * file in the same directory renamed over it once complete.
   *
   * @throws IllegalArgumentException if {@code costs} is empty or holds a NaN or infinite value
   * @throws UncheckedIOException if the file system fails
   */
  public static void writePng(double[] costs, String title, Path file, Configuration conf) {
    checkCosts(costs);
    JFreeChart chart = chart(costs, title);
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

  private static JFreeChart chart(double[] costs, String title) {
    double[] iterations = new double[costs.length];
    for (int i = 0; i < costs.length; i++) {
      iterations[i] = i;
    }
    DefaultXYDataset dataset = new DefaultXYDataset();
    dataset.addSeries("cost", new double[][] {iterations, costs.clone()});
    JFreeChart chart = ChartFactory.createXYLineChart(
        title, "iteration", "cost", dataset, PlotOrientation.VERTICAL, false, false, false);
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
    return chart;
  }
}
