package org.sparkdnn.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of a fully-connected binary classifier: layer sizes {@code n[0..L]} and one activation per layer
 * {@code g[1..L]} (layers are 1-based, as in the course), plus the layout of the flat parameter vector.
 *
 * <p>Layout: for l = 1..L in order, {@code W[l]} as an (n[l], n[l-1]) column-major block, then {@code b[l]}
 * as n[l] values. The output layer is one sigmoid unit, as binary cross-entropy requires.
 */
public final class Architecture implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] sizes;
  private final Activation[] activations;
  private final int[] weightOffsets;
  private final int[] biasOffsets;
  private final int numParameters;

  private Architecture(int[] sizes, Activation[] activations) {
    this.sizes = sizes;
    this.activations = activations;
    int layers = sizes.length - 1;
    this.weightOffsets = new int[layers + 1];
    this.biasOffsets = new int[layers + 1];
    long offset = 0;
    for (int l = 1; l <= layers; l++) {
      weightOffsets[l] = (int) offset;
      offset += (long) sizes[l] * sizes[l - 1];
      biasOffsets[l] = (int) offset;
      offset += sizes[l];
      if (offset > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("layers " + Arrays.toString(sizes)
            + " need " + offset + " parameters, more than one Java array can hold");
      }
    }
    this.numParameters = (int) offset;
  }

  /**
   * Validates and builds an architecture.
   *
   * @param sizes n[0..L]: input features, then units per layer; the last must be 1
   * @param activations g[1..L], one per layer; the last must be sigmoid
   */
  public static Architecture of(int[] sizes, List<Activation> activations) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("layers must list at least n[0] and n[1] (e.g. 12288,1), found "
          + sizes.length + " size" + (sizes.length == 1 ? "" : "s"));
    }
    for (int l = 0; l < sizes.length; l++) {
      if (sizes[l] < 1) {
        throw new IllegalArgumentException("layer sizes must be at least 1, found n[" + l + "] = " + sizes[l]
            + " in " + Arrays.toString(sizes));
      }
    }
    if (sizes[sizes.length - 1] != 1) {
      throw new IllegalArgumentException("the output layer must have 1 unit (binary classification), found n["
          + (sizes.length - 1) + "] = " + sizes[sizes.length - 1]);
    }
    int layers = sizes.length - 1;
    if (activations.size() != layers) {
      throw new IllegalArgumentException("expected " + layers + " activations (one per layer 1.." + layers
          + "), found " + activations.size() + ": " + activations);
    }
    if (activations.get(layers - 1) != Activation.SIGMOID) {
      throw new IllegalArgumentException(
          "the output activation must be sigmoid (binary cross-entropy), found " + activations.get(layers - 1));
    }
    return new Architecture(sizes.clone(), activations.toArray(new Activation[0]));
  }

  /** The course's default: {@code hidden} for layers 1..L-1, sigmoid for layer L. */
  public static Architecture withHidden(int[] sizes, Activation hidden) {
    int layers = Math.max(sizes.length - 1, 0);
    Activation[] activations = new Activation[layers];
    Arrays.fill(activations, hidden);
    if (layers > 0) {
      activations[layers - 1] = Activation.SIGMOID;
    }
    return of(sizes, Arrays.asList(activations));
  }

  /** L, the number of layers with parameters. */
  public int numLayers() {
    return sizes.length - 1;
  }

  /** {@code l}, checked to be a layer 1..L. */
  int checkLayer(int l) {
    if (l < 1 || l > numLayers()) {
      throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + numLayers() + " of " + this);
    }
    return l;
  }

  /** n[l], for l = 0..L. */
  public int units(int l) {
    return sizes[l];
  }

  /** n[0], the number of input features. */
  public int inputSize() {
    return sizes[0];
  }

  /** g[l], for l = 1..L. */
  public Activation activation(int l) {
    return activations[l - 1];
  }

  /** n[0..L], a copy. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** g[1..L]. */
  public List<Activation> activations() {
    return List.of(activations);
  }

  /** Σ_l n[l]·n[l-1] + n[l]. */
  public int numParameters() {
    return numParameters;
  }

  /** Index of W[l](0, 0) in the flat vector. */
  public int weightOffset(int l) {
    return weightOffsets[l];
  }

  /** Index of b[l](0) in the flat vector. */
  public int biasOffset(int l) {
    return biasOffsets[l];
  }

  /** "12288,20,7,5,1", the form {@code --layers} takes. */
  public String sizesText() {
    return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** "relu,relu,relu,sigmoid", the form {@code --activations} takes. */
  public String activationsText() {
    return Arrays.stream(activations).map(Activation::label).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Architecture other
        && Arrays.equals(sizes, other.sizes) && Arrays.equals(activations, other.activations);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(sizes) + Arrays.hashCode(activations);
  }

  @Override
  public String toString() {
    return "layers [" + sizesText() + "], activations [" + activationsText() + "]";
  }
}
