package org.sparkdnn.ml;

import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.sparkdnn.io.ModelLocation;
import org.sparkdnn.io.ModelStore;
import org.sparkdnn.io.SavedModel;
import org.sparkdnn.spark.DnnModel;
import scala.Option;
import scala.Tuple3;

/**
 * A trained spark-dnn network as a Spark ML model: {@code rawPrediction} and {@code probability} are
 * {@code [1 − ŷ, ŷ]}, ŷ the network's output for the row's features (the model's scaling and standardization
 * applied, in its precision: what {@code spark-dnn predict} gives), {@code prediction} 1 where ŷ > 0.5 (or as
 * {@code thresholds} say). {@link #save} writes the model directory {@code spark-dnn train} writes, with Spark's
 * params metadata beside it in {@code metadata/}; {@link #load} reads such a directory, or one {@code train} wrote
 * (or a publish root, or its {@code current}), with {@code train}'s checks (SHA-256, shapes, version).
 */
public final class DnnClassificationModel
    extends ProbabilisticClassificationModel<Vector, DnnClassificationModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  /** Spark's params metadata inside a saved model directory, where {@code DefaultParamsWriter} writes it. */
  static final String METADATA = "metadata";

  /** Set by {@link #uid()} during the superclass constructor, from {@link PendingUid}. */
  private String uid;
  /** The model as model.json holds it, on the driver (what {@link #save} writes); null for an empty model. */
  private transient SavedModel saved;
  /** The network the rows are scored by, on the executors too; null for an empty model. */
  private DnnModel network;
  private transient DnnTrainingSummary summary;

  /** An empty model, which scores nothing until params and a network are loaded into it. */
  public DnnClassificationModel() {
    this(Identifiable.randomUID("dnnClassificationModel"));
  }

  /** An empty model with {@code uid}, as Spark Connect makes one before it loads it. */
  public DnnClassificationModel(String uid) {
    this(PendingUid.hold(uid), null);
  }

  /** The model of {@code saved}. */
  public DnnClassificationModel(String uid, SavedModel saved) {
    this(PendingUid.hold(uid), saved);
  }

  private DnnClassificationModel(PendingUid held, SavedModel saved) {
    super();
    uid();
    this.saved = saved;
    this.network = saved == null ? null : DnnModel.of(saved);
  }

  @Override
  public String uid() {
    if (uid == null) {
      uid = PendingUid.take();
    }
    return uid;
  }

  /** The model as {@code train} writes it: architecture, parameters, scaling, configuration and provenance. */
  public SavedModel savedModel() {
    return loaded(saved);
  }

  private <T> T loaded(T value) {
    if (value == null) {
      throw new IllegalStateException(uid() + ": no trained network; fit a DnnClassifier or load a model");
    }
    return value;
  }

  @Override
  public int numClasses() {
    return 2;
  }

  @Override
  public int numFeatures() {
    return loaded(network).architecture().inputSize();
  }

  /** {@code [1 − ŷ, ŷ]}. Shapes: features (n[0]); returns (2). */
  @Override
  public Vector predictRaw(Vector features) {
    double p = loaded(network).predictProbability(features);
    return Vectors.dense(1.0 - p, p);
  }

  /** The raw prediction already is the probabilities: kept as is, so that {@code probability[1]} is ŷ exactly. */
  @Override
  public Vector raw2probabilityInPlace(Vector rawPrediction) {
    return rawPrediction;
  }

  /**
   * Spark's copy of this model that writes the probability and prediction columns (named if they are not), for
   * the training summary; declared here because Java sees the two Scala declarations it inherits as a clash.
   */
  @Override
  @SuppressWarnings("rawtypes")
  public Tuple3 findSummaryModel() {
    return super.findSummaryModel();
  }

  /** This model with {@code summary}. */
  DnnClassificationModel withSummary(DnnTrainingSummary summary) {
    this.summary = summary;
    return this;
  }

  /** Whether {@link #summary()} is there: for a model {@code fit} returned, not for a loaded one. */
  public boolean hasSummary() {
    return summary != null;
  }

  /**
   * The training summary of the model {@code fit} returned.
   *
   * @throws NoSuchElementException for a loaded model
   */
  public DnnTrainingSummary summary() {
    if (summary == null) {
      throw new NoSuchElementException(uid() + ": no training summary (a loaded model has none)");
    }
    return summary;
  }

  @Override
  public DnnClassificationModel copy(ParamMap extra) {
    DnnClassificationModel copy = new DnnClassificationModel(uid(), saved);
    copy.summary = summary;
    return copyValues(copy, extra).setParent(parent());
  }

  /** Writes the model directory of {@code train} (model.json, parameters.bin) and Spark's params in metadata/. */
  @Override
  public MLWriter write() {
    SavedModel model = savedModel();
    DnnClassificationModel instance = this;
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        ModelStore.write(model, new Path(path), sc().hadoopConfiguration());
        // Spark puts its metadata into path/metadata, where Pipeline's reader looks for each stage's class
        DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
      }
    };
  }

  /**
   * Reads a model directory {@link #save} or {@code train} wrote, or a publish root (or its {@code current}): the
   * params of its metadata/, if it has one, else the defaults.
   */
  public static MLReader<DnnClassificationModel> read() {
    return new MLReader<>() {
      @Override
      public DnnClassificationModel load(String path) {
        Configuration conf = sc().hadoopConfiguration();
        Path dir = ModelLocation.resolve(new Path(path), conf);
        SavedModel model = ModelStore.read(dir, conf);
        Path metadata = new Path(dir, METADATA);
        try {
          if (!metadata.getFileSystem(conf).exists(metadata)) {
            return new DnnClassificationModel(Identifiable.randomUID("dnnClassificationModel"), model);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot look for " + metadata + ": " + e.getMessage(), e);
        }
        DefaultParamsReader.Metadata params = DefaultParamsReader.loadMetadata(dir.toString(), sparkSession(),
            DnnClassificationModel.class.getName());
        DnnClassificationModel loaded = new DnnClassificationModel(params.uid(), model);
        params.getAndSetParams(loaded, Option.empty());
        return loaded;
      }
    };
  }

  public static DnnClassificationModel load(String path) {
    return read().load(path);
  }
}
