package org.sparkdnn.ml;

import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import org.sparkdnn.data.TableColumns;
import org.sparkdnn.job.TrainedModel;
import org.sparkdnn.job.Trainer;
import scala.Tuple2;
import scala.Tuple3;

/**
 * A Spark ML estimator of spark-dnn's network: {@code hiddenLayers} hidden layers between the feature vectors
 * (their size is n[0]) and one sigmoid output, trained by {@link Trainer#fit}, the engine and loop of
 * {@code train}, on the label (0 or 1) and feature vector columns. Its parameters are {@code train}'s settings
 * ({@link DnnParams}): {@code maxIter} (iterations, or epochs with {@code batchSize}), {@code stepSize},
 * {@code seed}, {@code tol} (early stopping's min delta), {@code regParam} (L2), {@code standardization}, and
 * {@code hiddenLayers}, {@code activations}, {@code initScheme}, {@code optimizer}, {@code batchSize},
 * {@code precision}, {@code engine}, {@code blockSize}, {@code classWeight}, {@code weightCol} (the column of each
 * sample's weight, {@code --weight-col}), {@code validationFraction} and {@code earlyStoppingPatience};
 * {@code hiddenLayers}, {@code stepSize}, {@code maxIter} and {@code weightCol} (unweighted) have no default.
 */
public final class DnnClassifier extends ProbabilisticClassifier<Vector, DnnClassifier, DnnClassificationModel>
    implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  /** What the training data is called in messages and the model's provenance. */
  static final String SOURCE = "the DataFrame";

  /** Set by {@link #uid()} during the superclass constructor, from {@link PendingUid}. */
  private String uid;
  private final Map<String, Param<?>> settingParams;

  public DnnClassifier() {
    this(Identifiable.randomUID("dnnClassifier"));
  }

  public DnnClassifier(String uid) {
    this(PendingUid.hold(uid));
  }

  private DnnClassifier(PendingUid held) {
    super();
    uid();
    settingParams = DnnParams.create(this);
    for (DnnParams.Entry<?, ?> entry : DnnParams.ALL) {
      setDefaultOf(entry);
    }
  }

  private <V> void setDefaultOf(DnnParams.Entry<V, ?> entry) {
    V value = entry.defaultValue();
    if (value != null) {
      setDefault(param(entry), value);
    }
  }

  @SuppressWarnings("unchecked")
  private <V> Param<V> param(DnnParams.Entry<V, ?> entry) {
    return (Param<V>) settingParams.get(entry.name());
  }

  @Override
  public String uid() {
    if (uid == null) {
      uid = PendingUid.take();
    }
    return uid;
  }

  public IntArrayParam hiddenLayers() {
    return (IntArrayParam) settingParams.get(DnnParams.HIDDEN_LAYERS.name());
  }

  public StringArrayParam activations() {
    return (StringArrayParam) settingParams.get(DnnParams.ACTIVATIONS.name());
  }

  public DoubleParam stepSize() {
    return (DoubleParam) settingParams.get(DnnParams.STEP_SIZE.name());
  }

  public DoubleParam regParam() {
    return (DoubleParam) settingParams.get(DnnParams.REG_PARAM.name());
  }

  public Param<String> classWeight() {
    return param(DnnParams.CLASS_WEIGHT);
  }

  public Param<String> weightCol() {
    return param(DnnParams.WEIGHT_COL);
  }

  /** The weight column's name, or null when the samples are not weighted. */
  public String getWeightCol() {
    return isDefined(weightCol()) ? getOrDefault(weightCol()) : null;
  }

  public Param<String> optimizer() {
    return param(DnnParams.OPTIMIZER);
  }

  public IntParam maxIter() {
    return (IntParam) settingParams.get(DnnParams.MAX_ITER.name());
  }

  public IntParam batchSize() {
    return (IntParam) settingParams.get(DnnParams.BATCH_SIZE.name());
  }

  public Param<String> initScheme() {
    return param(DnnParams.INIT_SCHEME);
  }

  public LongParam seed() {
    return (LongParam) settingParams.get(DnnParams.SEED.name());
  }

  public BooleanParam standardization() {
    return (BooleanParam) settingParams.get(DnnParams.STANDARDIZATION.name());
  }

  public Param<String> precision() {
    return param(DnnParams.PRECISION);
  }

  public IntParam blockSize() {
    return (IntParam) settingParams.get(DnnParams.BLOCK_SIZE.name());
  }

  public Param<String> engine() {
    return param(DnnParams.ENGINE);
  }

  public DoubleParam validationFraction() {
    return (DoubleParam) settingParams.get(DnnParams.VALIDATION_FRACTION.name());
  }

  public IntParam earlyStoppingPatience() {
    return (IntParam) settingParams.get(DnnParams.EARLY_STOPPING_PATIENCE.name());
  }

  public DoubleParam tol() {
    return (DoubleParam) settingParams.get(DnnParams.TOL.name());
  }

  /** The hidden layers' units, n[1], ..., n[L-1]; empty: logistic regression. */
  public DnnClassifier setHiddenLayers(int[] units) {
    return (DnnClassifier) set(hiddenLayers(), units);
  }

  public DnnClassifier setActivations(String[] names) {
    return (DnnClassifier) set(activations(), names);
  }

  public DnnClassifier setStepSize(double alpha) {
    return (DnnClassifier) set(stepSize(), alpha);
  }

  public DnnClassifier setRegParam(double lambda) {
    return (DnnClassifier) set(regParam(), lambda);
  }

  public DnnClassifier setClassWeight(String weights) {
    return (DnnClassifier) set(classWeight(), weights);
  }

  /** The column of each sample's weight, a finite number >= 0 (Spark's {@code weightCol}). */
  public DnnClassifier setWeightCol(String column) {
    return (DnnClassifier) set(weightCol(), column);
  }

  public DnnClassifier setOptimizer(String name) {
    return (DnnClassifier) set(optimizer(), name);
  }

  /** The iterations, or with {@code batchSize} the epochs. */
  public DnnClassifier setMaxIter(int iterations) {
    return (DnnClassifier) set(maxIter(), iterations);
  }

  public DnnClassifier setBatchSize(int samples) {
    return (DnnClassifier) set(batchSize(), samples);
  }

  public DnnClassifier setInitScheme(String scheme) {
    return (DnnClassifier) set(initScheme(), scheme);
  }

  public DnnClassifier setSeed(long seed) {
    return (DnnClassifier) set(seed(), seed);
  }

  public DnnClassifier setStandardization(boolean standardize) {
    return (DnnClassifier) set(standardization(), standardize);
  }

  public DnnClassifier setPrecision(String name) {
    return (DnnClassifier) set(precision(), name);
  }

  public DnnClassifier setBlockSize(int samples) {
    return (DnnClassifier) set(blockSize(), samples);
  }

  public DnnClassifier setEngine(String name) {
    return (DnnClassifier) set(engine(), name);
  }

  public DnnClassifier setValidationFraction(double fraction) {
    return (DnnClassifier) set(validationFraction(), fraction);
  }

  public DnnClassifier setEarlyStoppingPatience(int checks) {
    return (DnnClassifier) set(earlyStoppingPatience(), checks);
  }

  /** Early stopping's min delta: a validation check improves when its log-loss beats the best by more. */
  public DnnClassifier setTol(double minDelta) {
    return (DnnClassifier) set(tol(), minDelta);
  }

  /**
   * The training configuration these params make for feature vectors of {@code inputSize} features.
   *
   * @throws IllegalArgumentException naming the params and options, if they do not make a valid run
   */
  TrainingConfig config(int inputSize) {
    TrainingConfig.Builder builder = TrainingConfig.inMemoryBuilder().set(TrainSettings.TRAIN, SOURCE);
    boolean miniBatched = (Integer) getOrDefault(batchSize()) > 0;
    try {
      for (DnnParams.Entry<?, ?> entry : DnnParams.ALL) {
        applyTo(builder, entry, inputSize, miniBatched);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DnnParams.translate(e.getMessage()), e);
    }
  }

  private <V> void applyTo(TrainingConfig.Builder builder, DnnParams.Entry<V, ?> entry, int inputSize,
      boolean miniBatched) {
    Param<V> param = param(entry);
    if (isDefined(param)) {
      entry.applyTo(builder, getOrDefault(param), inputSize, miniBatched);
    }
  }

  @Override
  public DnnClassificationModel train(Dataset<?> dataset) {
    Dataset<Row> df = dataset.toDF();
    int inputSize = inputSize(df, getFeaturesCol());
    TrainingConfig config = config(inputSize);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
    TrainedModel trained = new Trainer(sc).fit(config, df, TableColumns.ofVector(getLabelCol(), getFeaturesCol()));
    DnnClassificationModel model = new DnnClassificationModel(uid(), trained.model());
    double auc = areaUnderROC(copyValues(model, ParamMap.empty()), df);
    return model.withSummary(new DnnTrainingSummary(trained.result().costs(), auc, trained.train().accuracy(),
        trained.train().logLoss()));
  }

  /**
   * n[0]: the size the vector column's ML attributes give ({@code VectorAssembler} writes them), else the first
   * row's vector's.
   *
   * @throws IllegalArgumentException if the DataFrame has no rows
   */
  private static int inputSize(Dataset<Row> df, String column) {
    int size = AttributeGroup.fromStructField(df.schema().apply(column)).size();
    if (size >= 0) {
      return size;
    }
    Row[] first = (Row[]) df.select(column).where(functions.col(column).isNotNull()).take(1);
    if (first.length == 0) {
      throw new IllegalArgumentException(SOURCE + ": expected at least one row with a feature vector in column '"
          + column + "', found none");
    }
    return ((Vector) first[0].get(0)).size();
  }

  /** The ROC AUC of {@code model}'s probabilities on {@code df}, by Spark's {@code BinaryClassificationMetrics}. */
  private static double areaUnderROC(DnnClassificationModel model, Dataset<Row> df) {
    Tuple3<?, String, String> summaryModel = model.findSummaryModel();
    DnnClassificationModel scoring = (DnnClassificationModel) summaryModel._1();
    String labelCol = model.getLabelCol();
    Dataset<Row> scored = scoring.transform(df).select(summaryModel._2(), labelCol);
    BinaryClassificationMetrics metrics = new BinaryClassificationMetrics(scored.javaRDD()
        .map(row -> new Tuple2<Object, Object>(((Vector) row.get(0)).apply(1), row.getDouble(1))).rdd());
    try {
      return metrics.areaUnderROC();
    } finally {
      metrics.unpersist();
    }
  }

  @Override
  public DnnClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** Reads an estimator {@code write().save(path)} wrote (its params). */
  public static MLReader<DnnClassifier> read() {
    return new DefaultParamsReader<>();
  }

  public static DnnClassifier load(String path) {
    return read().load(path);
  }
}
