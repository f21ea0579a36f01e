package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.eval.IterationMetrics;

/**
 * {@link LearningCurvePlot}: a readable 800×500 PNG with the curve drawn (and the test series, on their axes),
 * written atomically; bad costs refused.
 */
class LearningCurvePlotTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private java.nio.file.Path png;
  private Path file;

  @BeforeEach
  void path() {
    png = tmp.resolve("learning-curve.png");
    file = new Path(png.toString());
  }

  @Test
  void writesAnImageWithTheCurveDrawn() throws IOException {
    LearningCurvePlot.writePng(decayingCosts(2500), List.of(), "Learning rate = 0.0075", file, conf);

    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO could not decode the PNG");
    assertEquals(LearningCurvePlot.WIDTH, image.getWidth());
    assertEquals(LearningCurvePlot.HEIGHT, image.getHeight());
    assertTrue(linePixelsInPlotArea(image) > 500, "expected the curve's blue pixels in the plot area");
    assertEquals(List.of(".learning-curve.png.crc", "learning-curve.png"), listing());
  }

  @Test
  void theTestSeriesShareTheCostAxisAndTheAccuracyHasAnAxisOfItsOwn() {
    List<IterationMetrics> test = List.of(new IterationMetrics(0, 0.69, 0.34), new IterationMetrics(100, 0.52, 0.72),
        new IterationMetrics(150, 0.48, 0.8));
    JFreeChart chart = LearningCurvePlot.chart(decayingCosts(150), test, "Learning rate = 0.0075");

    XYPlot plot = chart.getXYPlot();
    assertEquals(3, plot.getDatasetCount());
    assertEquals("cost (train)", plot.getDataset(0).getSeriesKey(0));
    assertEquals(150, plot.getDataset(0).getItemCount(0));
    XYDataset loss = plot.getDataset(1);
    assertEquals("test log-loss", loss.getSeriesKey(0));
    XYDataset accuracy = plot.getDataset(2);
    assertEquals("test accuracy (right axis)", accuracy.getSeriesKey(0));
    for (int k = 0; k < test.size(); k++) {
      assertEquals(test.get(k).iteration(), loss.getXValue(0, k), 0.0);
      assertEquals(test.get(k).logLoss(), loss.getYValue(0, k), 0.0);
      assertEquals(test.get(k).iteration(), accuracy.getXValue(0, k), 0.0);
      assertEquals(test.get(k).accuracy(), accuracy.getYValue(0, k), 0.0);
    }
    assertSame(plot.getRangeAxis(0), plot.getRangeAxisForDataset(1), "the log-loss on the cost's axis");
    assertSame(plot.getRangeAxis(1), plot.getRangeAxisForDataset(2), "the accuracy on the second axis");
    assertEquals("test accuracy", plot.getRangeAxis(1).getLabel());
    assertNotNull(chart.getLegend());
    assertEquals("Learning rate = 0.0075", chart.getTitle().getText());
  }

  @Test
  void withoutATestSeriesTheCostIsAloneAndHasNoLegend() {
    JFreeChart chart = LearningCurvePlot.chart(decayingCosts(20), List.of(), "t");
    assertEquals(1, chart.getXYPlot().getDatasetCount());
    assertEquals("cost", chart.getXYPlot().getDataset(0).getSeriesKey(0));
    assertNull(chart.getLegend());
  }

  @Test
  void writesTheTestSeriesIntoTheImage() throws IOException {
    LearningCurvePlot.writePng(decayingCosts(2500), List.of(), "t", file, conf);
    int orangeWithout = orangePixelsInPlotArea(ImageIO.read(png.toFile()));
    List<IterationMetrics> test = new ArrayList<>();
    for (int i = 0; i <= 2500; i += 100) {
      test.add(new IterationMetrics(i, 0.2 + 0.6 * Math.exp(-i / 900.0), 0.5 + 0.3 * (1 - Math.exp(-i / 500.0))));
    }
    LearningCurvePlot.writePng(decayingCosts(2500), test, "t", file, conf);

    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO could not decode the PNG");
    assertEquals(LearningCurvePlot.WIDTH, image.getWidth());
    assertEquals(0, orangeWithout);
    assertTrue(orangePixelsInPlotArea(image) > 300, "expected the test log-loss's orange pixels");
    assertTrue(linePixelsInPlotArea(image) > 500, "expected the cost's blue pixels");
  }

  @Test
  void oneIterationIsEnough() throws IOException {
    LearningCurvePlot.writePng(new double[] {0.693147}, List.of(), "Learning rate = 0.005", file, conf);

    assertEquals(LearningCurvePlot.WIDTH, ImageIO.read(png.toFile()).getWidth());
  }

  @Test
  void replacesAnExistingImage() throws IOException {
    LearningCurvePlot.writePng(new double[] {0.7, 0.6}, List.of(), "first", file, conf);
    LearningCurvePlot.writePng(decayingCosts(100), List.of(), "second", file, conf);

    assertNotNull(ImageIO.read(png.toFile()));
    assertEquals(List.of(".learning-curve.png.crc", "learning-curve.png"), listing());
  }

  @Test
  void emptyCosts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[0], List.of(), "t", file, conf));
    assertEquals("costs: expected at least one iteration's cost, found none", e.getMessage());
    assertFalse(Files.exists(png));
  }

  @Test
  void nanCost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[] {0.7, 0.6, Double.NaN}, List.of(), "t", file, conf));
    assertEquals("costs: expected finite numbers, found NaN at iteration 2", e.getMessage());
    assertFalse(Files.exists(png));
  }

  @Test
  void infiniteCost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[] {Double.POSITIVE_INFINITY}, List.of(), "t", file, conf));
    assertEquals("costs: expected finite numbers, found Infinity at iteration 0", e.getMessage());
  }

  /** A cost curve shaped like the course's: from about 0.77 down towards 0.09, with a little noise. */
  private static double[] decayingCosts(int iterations) {
    double[] costs = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      costs[i] = 0.08 + 0.69 * Math.exp(-i / 800.0) + 0.01 * Math.sin(i / 37.0);
    }
    return costs;
  }

  /** Pixels of the line's blue in the middle of the image, where the plot area always lies. */
  private static int linePixelsInPlotArea(BufferedImage image) {
    int count = 0;
    for (int y = image.getHeight() / 5; y < image.getHeight() * 4 / 5; y++) {
      for (int x = image.getWidth() / 8; x < image.getWidth() * 7 / 8; x++) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xff;
        int blue = rgb & 0xff;
        if (blue - red > 60) {
          count++;
        }
      }
    }
    return count;
  }

  /** Pixels of the test log-loss's orange (matplotlib's second colour) in the middle of the image. */
  private static int orangePixelsInPlotArea(BufferedImage image) {
    int count = 0;
    for (int y = image.getHeight() / 5; y < image.getHeight() * 4 / 5; y++) {
      for (int x = image.getWidth() / 8; x < image.getWidth() * 7 / 8; x++) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        int blue = rgb & 0xff;
        if (red > 200 && green > 90 && green < 170 && blue < 60) {
          count++;
        }
      }
    }
    return count;
  }

  private List<String> listing() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
