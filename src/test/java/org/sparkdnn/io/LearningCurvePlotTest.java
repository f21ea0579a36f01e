package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LearningCurvePlot}: a readable 800×500 PNG with the curve drawn, written atomically; bad costs refused. */
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
    LearningCurvePlot.writePng(decayingCosts(2500), "Learning rate = 0.0075", file, conf);

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
  void oneIterationIsEnough() throws IOException {
    LearningCurvePlot.writePng(new double[] {0.693147}, "Learning rate = 0.005", file, conf);

    assertEquals(LearningCurvePlot.WIDTH, ImageIO.read(png.toFile()).getWidth());
  }

  @Test
  void replacesAnExistingImage() throws IOException {
    LearningCurvePlot.writePng(new double[] {0.7, 0.6}, "first", file, conf);
    LearningCurvePlot.writePng(decayingCosts(100), "second", file, conf);

    assertNotNull(ImageIO.read(png.toFile()));
    assertEquals(List.of(".learning-curve.png.crc", "learning-curve.png"), listing());
  }

  @Test
  void emptyCosts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[0], "t", file, conf));
    assertEquals("costs: expected at least one iteration's cost, found none", e.getMessage());
    assertFalse(Files.exists(png));
  }

  @Test
  void nanCost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[] {0.7, 0.6, Double.NaN}, "t", file, conf));
    assertEquals("costs: expected finite numbers, found NaN at iteration 2", e.getMessage());
    assertFalse(Files.exists(png));
  }

  @Test
  void infiniteCost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurvePlot.writePng(new double[] {Double.POSITIVE_INFINITY}, "t", file, conf));
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

  private List<String> listing() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
