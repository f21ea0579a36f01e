package org.sparkdnn.cli;

import java.util.List;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;

/**
 * The runs of the course's programming assignments, with their published hyperparameters and initialisation
 * (docs/course.md; ../shared/docs/course-results.md lists their published results).
 */
enum CourseCase {
  /** Week 2: logistic regression on cat/non-cat, W = 0, α = 0.005, 2000 iterations. */
  WEEK2_LOGISTIC("week2-logistic", "catvnoncat/train.csv.gz", "catvnoncat/test.csv.gz", "255",
      new int[] {12288, 1}, Activation.SIGMOID, Initializer.ZEROS, 0, 0.005, 2000, 100, Style.WEEK2),
  /** Week 3: one tanh hidden layer of 4 units on the planar flower, seed 2, α = 1.2, 10000 iterations. */
  WEEK3_PLANAR("week3-planar", "planar/flower.csv", null, "none",
      new int[] {2, 4, 1}, Activation.TANH, Initializer.COURSE_SMALL, 2, 1.2, 10000, 1000, Style.WEEK3),
  /** Week 3's baseline: logistic regression on the flower (the course's 47 %). */
  WEEK3_BASELINE("week3-baseline", "planar/flower.csv", null, "none",
      new int[] {2, 1}, Activation.SIGMOID, Initializer.ZEROS, 0, 1.2, 1000, 0, Style.WEEK3_BASELINE),
  /** Week 3's hidden-layer sweep: n_h = 1, 2, 3, 4, 5, 20, 50 at 5000 iterations each. */
  WEEK3_SWEEP("week3-sweep", "planar/flower.csv", null, "none",
      new int[] {2, 4, 1}, Activation.TANH, Initializer.COURSE_SMALL, 2, 1.2, 5000, 0, Style.WEEK3_SWEEP),
  /** Week 4: two-layer ReLU network [12288, 7, 1] on cat/non-cat, seed 1, α = 0.0075, 2500 iterations. */
  WEEK4_TWO_LAYER("week4-two-layer", "catvnoncat/train.csv.gz", "catvnoncat/test.csv.gz", "255",
      new int[] {12288, 7, 1}, Activation.RELU, Initializer.COURSE_SMALL, 1, 0.0075, 2500, 100, Style.WEEK4),
  /** Week 4: L-layer ReLU network [12288, 20, 7, 5, 1], randn/√n[l-1] with seed 1, α = 0.0075, 2500 iterations. */
  WEEK4_DEEP("week4-deep", "catvnoncat/train.csv.gz", "catvnoncat/test.csv.gz", "255",
      new int[] {12288, 20, 7, 5, 1}, Activation.RELU, Initializer.COURSE_DEEP, 1, 0.0075, 2500, 100,
      Style.WEEK4);

  /** How the course's notebook of that week prints costs and accuracies. */
  enum Style { WEEK2, WEEK3, WEEK3_BASELINE, WEEK3_SWEEP, WEEK4 }

  /** The hidden-layer sizes of {@link #WEEK3_SWEEP}. */
  static final int[] SWEEP_HIDDEN_UNITS = {1, 2, 3, 4, 5, 20, 50};

  final String label;
  final String train;
  final String test;
  final String scale;
  final int[] layers;
  final Activation hidden;
  final Initializer initializer;
  final long seed;
  final double learningRate;
  final int iterations;
  final int printEvery;
  final Style style;

  CourseCase(String label, String train, String test, String scale, int[] layers, Activation hidden,
      Initializer initializer, long seed, double learningRate, int iterations, int printEvery, Style style) {
    this.label = label;
    this.train = train;
    this.test = test;
    this.scale = scale;
    this.layers = layers;
    this.hidden = hidden;
    this.initializer = initializer;
    this.seed = seed;
    this.learningRate = learningRate;
    this.iterations = iterations;
    this.printEvery = printEvery;
    this.style = style;
  }

  /** The case's architecture. */
  Architecture architecture() {
    return Architecture.withHidden(layers, hidden);
  }

  /** The case's architecture with {@code units} in its one hidden layer (the sweep). */
  Architecture withHiddenUnits(int units) {
    int[] sizes = layers.clone();
    sizes[1] = units;
    return Architecture.withHidden(sizes, hidden);
  }

  /** "week2-logistic, week3-planar, …". */
  static String labels() {
    return String.join(", ", List.of(values()).stream().map(c -> c.label).toList());
  }

  static CourseCase parse(String text) {
    for (CourseCase c : values()) {
      if (c.label.equals(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown course case '" + text + "': expected one of " + labels());
  }
}
