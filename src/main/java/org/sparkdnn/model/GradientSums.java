package org.sparkdnn.model;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.sparkdnn.linalg.Matrix;

/**
 * What one block, partition or the whole data set contributes to a gradient step: the gradient <b>sums</b>
 * {@code Σ_i ∂J_i/∂θ} in the flat layout of {@link Architecture}, the cost sum {@code Σ_i J_i} and the number
 * of samples. Sums, never means: they add across blocks and partitions, and the driver divides by the global
 * m once ({@link Parameters#descend}).
 *
 * <p>An {@link #empty()} instance holds no array until the first block is added, so a Spark aggregation's
 * zero value is a few bytes whatever the model's size; the sums are serialized as one block of bytes
 * ({@link PackedDoubles}).
 */
public final class GradientSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient double[] values;
  /** Views of {@link #values} for l = 1..L, made on first use: blocks after the first allocate none. */
  private transient Matrix[] weightViews;
  private transient Matrix[] biasViews;
  private transient Architecture viewArchitecture;
  private double costSum;
  private long count;

  private GradientSums() {}

  /** The additive identity: no samples, no array yet. */
  public static GradientSums empty() {
    return new GradientSums();
  }

  /** The flat vector of summed gradients, allocated for {@code architecture} if still absent. */
  public double[] values(Architecture architecture) {
    if (values == null) {
      values = new double[architecture.numParameters()];
    } else if (values.length != architecture.numParameters()) {
      throw new IllegalArgumentException(architecture + " has " + architecture.numParameters()
          + " parameters, found gradient sums of " + values.length);
    }
    return values;
  }

  /** The flat vector of summed gradients; fails if no sample has been added. */
  public double[] values() {
    if (values == null) {
      throw new IllegalStateException("no samples were added to these gradient sums");
    }
    return values;
  }

  /** Σ_i dW[l], an (n[l], n[l-1]) view. */
  public Matrix dW(Architecture architecture, int l) {
    viewsFor(architecture, l);
    return weightViews[l];
  }

  /** Σ_i db[l], an (n[l], 1) view. */
  public Matrix db(Architecture architecture, int l) {
    viewsFor(architecture, l);
    return biasViews[l];
  }

  private void viewsFor(Architecture architecture, int l) {
    int layers = architecture.numLayers();
    if (l < 1 || l > layers) {
      throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + layers + " of " + architecture);
    }
    double[] flat = values(architecture);
    if (weightViews != null && weightViews[1].data() == flat
        && (viewArchitecture == architecture || viewArchitecture.equals(architecture))) {
      return;
    }
    viewArchitecture = architecture;
    weightViews = new Matrix[layers + 1];
    biasViews = new Matrix[layers + 1];
    for (int k = 1; k <= layers; k++) {
      weightViews[k] = Matrix.wrap(architecture.units(k), architecture.units(k - 1), flat,
          architecture.weightOffset(k));
      biasViews[k] = Matrix.wrap(architecture.units(k), 1, flat, architecture.biasOffset(k));
    }
  }

  /** Σ_i J_i, the cross-entropy summed over the samples. */
  public double costSum() {
    return costSum;
  }

  /** The number of samples summed. */
  public long count() {
    return count;
  }

  /** The mean cost {@code J = (1/m)·Σ_i J_i}. */
  public double cost() {
    return costSum / count;
  }

  /** Records {@code samples} more samples whose cost terms add up to {@code cost}. */
  void addSamples(double cost, int samples) {
    costSum += cost;
    count += samples;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeBoolean(values != null);
    if (values != null) {
      PackedDoubles.write(out, values);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    values = in.readBoolean() ? PackedDoubles.read(in) : null;
  }

  /** Adds {@code other} into this and returns this (Spark's combine step); {@code other} is left as it was. */
  public GradientSums merge(GradientSums other) {
    if (other.values != null) {
      if (values == null) {
        values = other.values.clone();
      } else {
        if (values.length != other.values.length) {
          throw new IllegalArgumentException("cannot add gradient sums of " + other.values.length
              + " values to sums of " + values.length);
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
    return this;
  }
}
