package org.sparkdnn.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparkdnn.linalg.Matrix;

/**
 * What one block, partition or the whole data set contributes to a gradient step: the gradient <b>sums</b>
 * {@code Σ_i ∂J_i/∂θ} in the flat layout of {@link Architecture}, the cost sum {@code Σ_i J_i} and the number
 * of samples. Sums, never means: they add across blocks and partitions, and the driver divides by the global
 * m once ({@link Parameters#descend}).
 *
 * <p>With {@link ClassWeights} the passes weigh each sample's terms by its class's weight and also count the
 * samples labelled 1; the driver then names the weights ({@link #weighBy}) and the sums are divided by
 * {@code Σw = w0·m0 + w1·m1} ({@link #divisor}) instead of m. With per-sample weights ({@code --weight-col}) the
 * passes add each block's {@code Σ_i w_i} instead (times the class weights, if any), the sums of the partitions
 * added in partition order as the gradients are, and that sum is the divisor.
 *
 * <p>The sums know their {@link Architecture}, so {@link #dW(int)} and {@link #db(int)} are views of layer l.
 * An {@link #empty(Architecture)} instance holds no array until the first block is added, so a Spark aggregation's
 * zero value is a few bytes whatever the model's size; the sums are serialized as one block of bytes
 * ({@link PackedDoubles}).
 */
public final class GradientSums implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Written as its layer sizes and activations, so the zero value stays small. */
  private transient Architecture architecture;
  private transient double[] values;
  /** Views of {@link #values} for l = 1..L, made with the array: blocks after the first allocate none. */
  private transient Matrix[] weightViews;
  private transient Matrix[] biasViews;
  private double costSum;
  private long count;
  /** The samples labelled 1 among {@link #count}, counted by weighted passes only. */
  private long positives;
  /** Σ_i w_i of the samples, added by passes over blocks with sample weights only. */
  private double weightSum;
  /** Whether the samples carried their own weights: then {@link #weightSum} is the divisor. */
  private boolean sampleWeighted;
  /** Set on the driver by {@link #weighBy}; null: divided by the count. */
  private transient ClassWeights weights;

  private GradientSums(Architecture architecture) {
    this.architecture = architecture;
  }

  /** The additive identity for {@code architecture}'s gradients: no samples, no array yet. */
  public static GradientSums empty(Architecture architecture) {
    return new GradientSums(architecture);
  }

  /**
   * Sums received from elsewhere (a resident task's answer): {@code values} (taken, not copied) is null when no
   * sample was added, as in {@link #empty}; {@code positives} is 0 unless the passes were weighted by class;
   * {@code weightSum} is Σw of samples with their own weights ({@code sampleWeighted}), else 0.
   */
  public static GradientSums of(Architecture architecture, double[] values, double costSum, long count,
      long positives, double weightSum, boolean sampleWeighted) {
    if (values != null && values.length != architecture.numParameters()) {
      throw new IllegalArgumentException(architecture + " has " + architecture.numParameters()
          + " parameters, found gradient sums of " + values.length);
    }
    GradientSums sums = new GradientSums(architecture);
    sums.values = values;
    sums.costSum = costSum;
    sums.count = count;
    sums.positives = positives;
    sums.weightSum = weightSum;
    sums.sampleWeighted = sampleWeighted;
    return sums;
  }

  /**
   * The partitions' sums added in partition order, whatever order they arrived in, so the bits do not depend on
   * timing; the first part becomes the total (no copy of its array).
   */
  public static GradientSums inPartitionOrder(Architecture architecture, GradientSums[] parts) {
    GradientSums sums = parts.length == 0 ? empty(architecture) : parts[0];
    for (int p = 1; p < parts.length; p++) {
      sums.merge(parts[p]);
    }
    return sums;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The flat vector of summed gradients; fails if no sample has been added. */
  public double[] values() {
    if (values == null) {
      throw new IllegalStateException("no samples were added to these gradient sums");
    }
    return values;
  }

  /** The flat vector of summed gradients, or null while no sample has been added. */
  public double[] valuesOrNull() {
    return values;
  }

  /** The flat vector of summed gradients, allocated (zeros) if still absent. */
  double[] allocated() {
    makeViews();
    return values;
  }

  /** Σ_i dW[l], an (n[l], n[l-1]) view; allocates the sums on first use. */
  public Matrix dW(int l) {
    makeViews();
    return weightViews[architecture.checkLayer(l)];
  }

  /** Σ_i db[l], an (n[l], 1) view; allocates the sums on first use. */
  public Matrix db(int l) {
    makeViews();
    return biasViews[architecture.checkLayer(l)];
  }

  private void makeViews() {
    if (values == null) {
      values = new double[architecture.numParameters()];
    }
    if (weightViews == null || weightViews[1].data() != values) {
      Parameters viewsOf = new Parameters(architecture, values);
      int layers = architecture.numLayers();
      weightViews = new Matrix[layers + 1];
      biasViews = new Matrix[layers + 1];
      for (int l = 1; l <= layers; l++) {
        weightViews[l] = viewsOf.W(l);
        biasViews[l] = viewsOf.b(l);
      }
    }
  }

  /**
   * Adds L2 regularization's terms to the sums (course 2, week 1): {@code Σ dW[l] += λ·W[l]} and
   * {@code Σ J_i += (λ/2)·Σ_l ‖W[l]‖²_F}, so that dividing by m gives {@code J + (λ/2m)·Σ‖W[l]‖²} and
   * {@code dW[l] + (λ/m)·W[l]}; biases are not regularized. Returns this.
   * Shapes: W[l] and ΣdW[l] (n[l], n[l-1]) for l = 1..L.
   */
  public GradientSums addL2(double lambda, Parameters parameters) {
    if (!parameters.architecture().equals(architecture)) {
      throw new IllegalArgumentException("parameters of " + parameters.architecture() + " for gradient sums of "
          + architecture);
    }
    double squares = 0.0;
    for (int l = 1; l <= architecture.numLayers(); l++) {
      Matrix w = parameters.W(l);
      Matrix dw = dW(l);
      double[] wd = w.data();
      double[] dwd = dw.data();
      for (int i = 0; i < w.size(); i++) {
        double value = wd[w.offset() + i];
        dwd[dw.offset() + i] += lambda * value;
        squares += value * value;
      }
    }
    costSum += 0.5 * lambda * squares;
    return this;
  }

  /** Back to no samples, keeping the array (zeroed) if there is one; returns this. */
  public GradientSums clear() {
    if (values != null) {
      Arrays.fill(values, 0.0);
    }
    costSum = 0.0;
    count = 0;
    positives = 0;
    weightSum = 0.0;
    sampleWeighted = false;
    weights = null;
    return this;
  }

  /** Σ_i J_i, the cross-entropy summed over the samples. */
  public double costSum() {
    return costSum;
  }

  /** The number of samples summed. */
  public long count() {
    return count;
  }

  /** The samples labelled 1 among {@link #count()}; 0 unless the passes were weighted. */
  public long positives() {
    return positives;
  }

  /** Σ_i w_i of samples with their own weights; 0 unless {@link #sampleWeighted()}. */
  public double weightSum() {
    return weightSum;
  }

  /** Whether the samples carried their own weights ({@code --weight-col}). */
  public boolean sampleWeighted() {
    return sampleWeighted;
  }

  /**
   * Names the class weights the passes weighed the samples by, so that {@link #divisor} is their Σw; returns this.
   * Called once, on the driver, on the total.
   */
  public GradientSums weighBy(ClassWeights classWeights) {
    this.weights = classWeights;
    return this;
  }

  /**
   * What the sums are divided by: m, or {@code Σw = w0·m0 + w1·m1} once {@link #weighBy} named the weights, or the
   * samples' own {@code Σ_i w_i} when they carried weights.
   */
  public double divisor() {
    if (sampleWeighted) {
      return weightSum;
    }
    return weights == null ? count : weights.total(count - positives, positives);
  }

  /** The mean cost {@code J = (1/m)·Σ_i J_i}, or {@code (1/Σw)·Σ_i w_i·J_i} with weights. */
  public double cost() {
    return weights == null && !sampleWeighted ? costSum / count : costSum / divisor();
  }

  /** Records {@code samples} more samples whose cost terms add up to {@code cost}. */
  void addSamples(double cost, int samples) {
    costSum += cost;
    count += samples;
  }

  /**
   * Records {@code samples} more samples, {@code labelledOne} of them labelled 1, whose weighted cost terms add up
   * to {@code weightedCost}.
   */
  void addWeightedSamples(double weightedCost, int samples, int labelledOne) {
    costSum += weightedCost;
    count += samples;
    positives += labelledOne;
  }

  /**
   * Records {@code samples} more samples with their own weights, adding up to {@code weights}, whose weighted cost
   * terms add up to {@code weightedCost}.
   */
  void addSampleWeighted(double weightedCost, int samples, double weights) {
    costSum += weightedCost;
    count += samples;
    weightSum += weights;
    sampleWeighted = true;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    int[] sizes = architecture.sizes();
    out.writeInt(sizes.length);
    for (int l = 0; l < sizes.length; l++) {
      out.writeInt(sizes[l]);
      out.writeByte(l == 0 ? 0 : architecture.activation(l).ordinal());
    }
    out.writeBoolean(values != null);
    if (values != null) {
      PackedDoubles.write(out, values);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int[] sizes = new int[in.readInt()];
    List<Activation> activations = new ArrayList<>();
    for (int l = 0; l < sizes.length; l++) {
      sizes[l] = in.readInt();
      int activation = in.readByte();
      if (l > 0) {
        activations.add(Activation.values()[activation]);
      }
    }
    architecture = Architecture.of(sizes, activations);
    values = in.readBoolean() ? PackedDoubles.read(in) : null;
    if (values != null && values.length != architecture.numParameters()) {
      throw new IOException(architecture + " has " + architecture.numParameters()
          + " parameters, found gradient sums of " + values.length);
    }
  }

  /** Adds {@code other} into this and returns this (Spark's combine step); {@code other} is left as it was. */
  public GradientSums merge(GradientSums other) {
    if (other.values != null) {
      if (values == null) {
        values = other.values.clone();
      } else {
        if (!architecture.equals(other.architecture)) {
          throw new IllegalArgumentException("cannot add gradient sums of " + other.values.length + " values ("
              + other.architecture + ") to sums of " + values.length + " (" + architecture + ")");
        }
        double[] a = values;
        double[] b = other.values;
        for (int i = 0; i < a.length; i++) {
          a[i] += b[i];
        }
      }
    }
    costSum += other.costSum;
    count += other.count;
    positives += other.positives;
    weightSum += other.weightSum;
    sampleWeighted |= other.sampleWeighted;
    return this;
  }
}
