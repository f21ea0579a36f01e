package org.sparkdnn.train;

import java.util.ArrayList;
import java.util.List;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Parameters;

/**
 * A {@link GradientSource} that records the wall time of every call: with a distributed source, one iteration's
 * broadcast, forward and backward pass on every partition and aggregation, which is nearly all of an iteration
 * (of a mini-batch step, with mini-batches), so that the series shows the cluster's overhead and its stragglers.
 */
public final class TimedGradientSource implements GradientSource {
  private final GradientSource source;
  private final List<Double> seconds = new ArrayList<>();

  public TimedGradientSource(GradientSource source) {
    this.source = source;
  }

  @Override
  public GradientSums gradientSums(Parameters parameters, Batch batch) {
    long start = System.nanoTime();
    try {
      return source.gradientSums(parameters, batch);
    } finally {
      seconds.add((System.nanoTime() - start) / 1e9);
    }
  }

  /** The wall time of each call so far, in seconds, in call order. */
  public List<Double> seconds() {
    return List.copyOf(seconds);
  }
}
