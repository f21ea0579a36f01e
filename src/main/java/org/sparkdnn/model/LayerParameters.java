package org.sparkdnn.model;

import java.util.ArrayList;
import java.util.List;
import org.sparkdnn.linalg.DenseMatrix;

/**
 * The views {@code W[l]}, {@code b[l]} of a flat parameter vector laid out as {@link Architecture} describes, in the
 * matrix type {@code M} of one precision: {@link Parameters} (double, the master copy) or {@link FloatParameters}
 * (its float copy for the single-precision passes). What {@link Network} reads.
 */
public abstract class LayerParameters<M extends DenseMatrix<?>> {
  /** A view of the flat vector: (rows, cols) from offset. */
  interface View<M> {
    M of(int rows, int cols, int offset);
  }

  private final Architecture architecture;
  private final List<M> weights;
  private final List<M> biases;

  LayerParameters(Architecture architecture, View<M> view) {
    this.architecture = architecture;
    int layers = architecture.numLayers();
    this.weights = new ArrayList<>(layers + 1);
    this.biases = new ArrayList<>(layers + 1);
    weights.add(null);
    biases.add(null);
    for (int l = 1; l <= layers; l++) {
      weights.add(view.of(architecture.units(l), architecture.units(l - 1), architecture.weightOffset(l)));
      biases.add(view.of(architecture.units(l), 1, architecture.biasOffset(l)));
    }
  }

  public final Architecture architecture() {
    return architecture;
  }

  /** W[l], an (n[l], n[l-1]) view, l = 1..L (made once, so the hot path allocates no views). */
  public final M W(int l) {
    return weights.get(architecture.checkLayer(l));
  }

  /** b[l], an (n[l], 1) view, l = 1..L. */
  public final M b(int l) {
    return biases.get(architecture.checkLayer(l));
  }
}
