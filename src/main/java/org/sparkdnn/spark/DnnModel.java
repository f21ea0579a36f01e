package org.sparkdnn.spark;

import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.data.Standardization;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.linalg.Matrix;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;
import org.sparkdnn.model.Precision;

/**
 * A trained model for Spark applications, in Spark's public {@code ml.linalg} types: score a feature
 * {@link Vector} (for instance inside a UDF over a DataFrame column), or read {@code W[l]} and {@code b[l]} as
 * Spark matrices. Serializable, so it can be captured in a closure or broadcast.
 */
public final class DnnModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Architecture architecture;
  private final double[] parameters;
  private final FeatureScaling scaling;
  /** The statistics of {@code --scale standardize}; null for another scaling. */
  private final Standardization standardization;
  /** The precision the model was trained in, which it scores in, as {@code predict} does. */
  private final Precision precision;

  private DnnModel(Architecture architecture, double[] parameters, FeatureScaling scaling,
      Standardization standardization, Precision precision) {
    this.architecture = architecture;
    this.parameters = parameters;
    this.scaling = scaling;
    this.standardization = standardization;
    this.precision = precision;
  }

  /** The model {@code saved} holds. */
  public static DnnModel of(SavedModel saved) {
    return new DnnModel(saved.architecture(), saved.parameters().values(), saved.scaling(),
        saved.standardization().orElse(null), saved.precision());
  }

  /**
   * Reads a model directory written by {@code train}, or a publish root's current model (manifest verified), on
   * any Hadoop filesystem.
   */
  public static DnnModel load(String dir, Configuration conf) {
    return of(ModelLocation.read(new Path(dir), conf));
  }

  public Architecture architecture() {
    return architecture;
  }

  /**
   * {@code ŷ = A[L]} for one sample of n[0] raw features (the model's scaling is applied), in the model's
   * precision: the probability {@code predict} gives the same sample.
   * Shapes: features (n[0]); returns a probability.
   */
  public double predictProbability(Vector features) {
    if (features.size() != architecture.inputSize()) {
      throw new IllegalArgumentException("expected a vector of n[0] = " + architecture.inputSize()
          + " features, found " + features.size());
    }
    double[] x = features.toArray();
    for (int i = 0; i < x.length; i++) {
      x[i] = standardization != null ? standardization.apply(i, x[i]) : scaling.apply(x[i]);
    }
    ColumnBlock scaled = new ColumnBlock(x.length, x, new double[] {Double.NaN});
    // scaled in double, then rounded once, as the cached blocks of predict are
    ColumnBlock sample = precision == Precision.FLOAT32 ? scaled.toFloat32() : scaled;
    return new BlockPasses(new Parameters(architecture, parameters)).probabilities(sample)[0];
  }

  /** W[l] as an (n[l], n[l-1]) Spark matrix (column-major, like ours: a copy of the values). */
  public DenseMatrix weights(int l) {
    Matrix w = new Parameters(architecture, parameters).W(l);
    double[] values = new double[w.size()];
    System.arraycopy(parameters, w.offset(), values, 0, values.length);
    return new DenseMatrix(w.rows(), w.cols(), values);
  }

  /** b[l] as a Spark vector of n[l] values (a copy). */
  public DenseVector bias(int l) {
    Matrix b = new Parameters(architecture, parameters).b(l);
    double[] values = new double[b.size()];
    System.arraycopy(parameters, b.offset(), values, 0, values.length);
    return new DenseVector(values);
  }
}
