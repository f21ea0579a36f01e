package org.sparkdnn.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.sparkdnn.config.DataSettings;
import org.sparkdnn.config.Setting;
import org.sparkdnn.config.TrainSettings;
import org.sparkdnn.config.TrainingConfig;
import scala.runtime.AbstractFunction1;

/**
 * The one table of {@link DnnClassifier}'s own parameters: each a setting of {@code train}, under Spark's name where
 * Spark has one. A param's doc is its setting's description, its default the setting's default and its check the
 * setting's check, so nothing here declares them a second time; a bad value is refused when it is set, naming the
 * param and the option ({@code stepSize (--learning-rate): ...}).
 */
final class DnnParams {
  private DnnParams() {}

  /** How a param's value becomes its setting's value, given n[0] (the input width, for {@code hiddenLayers}). */
  @FunctionalInterface
  private interface ToSetting<V, T> extends Serializable {
    T apply(V value, int inputSize);
  }

  /** Spark's Param class for a value type (its JSON form in the saved metadata), given its check. */
  @FunctionalInterface
  private interface ParamType<V> extends Serializable {
    Param<V> create(Params parent, String name, String doc, Check<V> isValid);
  }

  /** The setting's default as the param's value. */
  @FunctionalInterface
  private interface FromSetting<T, V> extends Function<T, V>, Serializable {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParamType<Integer> INT = (p, n, d, v) -> (Param) new IntParam(p, n, d, (Check) v);
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParamType<Long> LONG = (p, n, d, v) -> (Param) new LongParam(p, n, d, (Check) v);
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParamType<Double> DOUBLE = (p, n, d, v) -> (Param) new DoubleParam(p, n, d, (Check) v);
  /** Every boolean is valid: no check. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final ParamType<Boolean> BOOLEAN = (p, n, d, v) -> (Param) new BooleanParam(p, n, d);
  private static final ParamType<String> TEXT = Param::new;
  private static final ParamType<int[]> INTS = IntArrayParam::new;
  private static final ParamType<String[]> TEXTS = StringArrayParam::new;

  /**
   * One parameter.
   *
   * @param name Spark's name ({@code stepSize})
   * @param setting the setting it sets ({@code --learning-rate})
   * @param perEpoch the setting it sets instead with mini-batches ({@code maxIter}: {@code --epochs}); null
   */
  record Entry<V, T>(String name, Setting<T> setting, Setting<T> perEpoch, ParamType<V> type,
      ToSetting<V, T> toSetting, FromSetting<T, V> fromSetting) implements Serializable {
    /** The param of {@code parent}: the setting's description, checked by it. */
    Param<V> create(Params parent) {
      return type.create(parent, name, setting.description(), new Check<>(this));
    }

    /** The setting's default as this param's value; null when the setting has none. */
    V defaultValue() {
      T value = setting.defaultValue();
      return value == null ? null : fromSetting.apply(value);
    }

    /** Sets {@code value} in {@code builder}, for samples of {@code inputSize} features. */
    void applyTo(TrainingConfig.Builder builder, V value, int inputSize, boolean miniBatched) {
      builder.set(miniBatched && perEpoch != null ? perEpoch : setting, toSetting.apply(value, inputSize));
    }
  }

  /** A param's check: its setting's (for one input feature, where n[0] matters), the failure naming both. */
  static final class Check<V> extends AbstractFunction1<V, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Entry<V, ?> entry;

    Check(Entry<V, ?> entry) {
      this.entry = entry;
    }

    @Override
    public Object apply(V value) {
      check(entry, value);
      return Boolean.TRUE;
    }

    private static <V, T> void check(Entry<V, T> entry, V value) {
      try {
        entry.setting().check(entry.toSetting().apply(value, 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(translate(e.getMessage()), e);
      }
    }
  }

  private static final String STANDARDIZE = "standardize";
  private static final String NONE = "none";

  private static <T> Entry<T, T> same(String name, Setting<T> setting, ParamType<T> type) {
    return new Entry<>(name, setting, null, type, (value, n) -> value, value -> value);
  }

  static final Entry<Integer, Integer> MAX_ITER = new Entry<>("maxIter", TrainSettings.ITERATIONS,
      TrainSettings.EPOCHS, INT, (value, n) -> value, value -> value);
  static final Entry<Double, Double> STEP_SIZE = same("stepSize", TrainSettings.LEARNING_RATE, DOUBLE);
  static final Entry<Long, Long> SEED = same("seed", TrainSettings.SEED, LONG);
  static final Entry<Double, Double> TOL = same("tol", TrainSettings.EARLY_STOPPING_MIN_DELTA, DOUBLE);
  static final Entry<Double, Double> REG_PARAM = same("regParam", TrainSettings.L2, DOUBLE);
  static final Entry<Boolean, String> STANDARDIZATION = new Entry<>("standardization", TrainSettings.SCALE, null,
      BOOLEAN, (value, n) -> value ? STANDARDIZE : NONE, STANDARDIZE::equals);
  /** The hidden layers' sizes: {@code --layers} is n[0] (the feature vectors' size), these, then 1. */
  static final Entry<int[], int[]> HIDDEN_LAYERS = new Entry<>("hiddenLayers", TrainSettings.LAYERS, null, INTS,
      DnnParams::layers, sizes -> Arrays.copyOfRange(sizes, 1, sizes.length - 1));
  static final Entry<String[], String[]> ACTIVATIONS = same("activations", TrainSettings.ACTIVATIONS, TEXTS);
  static final Entry<String, String> INIT_SCHEME = same("initScheme", TrainSettings.INIT, TEXT);
  static final Entry<String, String> OPTIMIZER = same("optimizer", TrainSettings.OPTIMIZER, TEXT);
  static final Entry<Integer, Integer> BATCH_SIZE = same("batchSize", TrainSettings.BATCH_SIZE, INT);
  static final Entry<String, String> PRECISION = same("precision", TrainSettings.PRECISION, TEXT);
  static final Entry<String, String> ENGINE = same("engine", TrainSettings.ENGINE, TEXT);
  static final Entry<Integer, Integer> BLOCK_SIZE = same("blockSize", DataSettings.BLOCK_SIZE, INT);
  static final Entry<String, String> CLASS_WEIGHT = same("classWeight", TrainSettings.CLASS_WEIGHT, TEXT);
  /** Spark's {@code weightCol}: the column of each sample's weight; unset, every sample weighs 1. */
  static final Entry<String, String> WEIGHT_COL = same("weightCol", DataSettings.WEIGHT_COL, TEXT);
  static final Entry<Double, Double> VALIDATION_FRACTION =
      same("validationFraction", TrainSettings.VALIDATION_FRACTION, DOUBLE);
  static final Entry<Integer, Integer> EARLY_STOPPING_PATIENCE =
      same("earlyStoppingPatience", TrainSettings.EARLY_STOPPING_PATIENCE, INT);

  /** Every parameter, in the order of {@code train}'s settings. */
  static final List<Entry<?, ?>> ALL = List.of(HIDDEN_LAYERS, ACTIVATIONS, STEP_SIZE, REG_PARAM, CLASS_WEIGHT,
      OPTIMIZER, MAX_ITER, BATCH_SIZE, INIT_SCHEME, SEED, STANDARDIZATION, WEIGHT_COL, PRECISION, BLOCK_SIZE,
      ENGINE, VALIDATION_FRACTION, EARLY_STOPPING_PATIENCE, TOL);

  /** n[0], the hidden sizes, 1: the sizes of {@code --layers}. */
  private static int[] layers(int[] hidden, int inputSize) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputSize;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = 1;
    return sizes;
  }

  /** The params of {@code parent}, by name; its uid must be set. */
  static Map<String, Param<?>> create(Params parent) {
    Map<String, Param<?>> params = new LinkedHashMap<>();
    ALL.forEach(entry -> params.put(entry.name(), entry.create(parent)));
    return params;
  }

  /**
   * {@code message} of a setting's check ("--layers: ..." or "--output, --publish-root: ...") with each option of
   * its prefix that a param sets named as the param: "hiddenLayers (--layers): ...".
   */
  static String translate(String message) {
    int colon = message.indexOf(": ");
    if (colon < 0 || !message.startsWith("--")) {
      return message;
    }
    List<String> names = new ArrayList<>();
    for (String option : message.substring(0, colon).split(", ")) {
      names.add(ALL.stream().filter(entry -> option.equals(entry.setting().option()) || entry.perEpoch() != null
              && option.equals(entry.perEpoch().option())).findFirst()
          .map(entry -> entry.name() + " (" + option + ")").orElse(option));
    }
    return String.join(", ", names) + message.substring(colon);
  }
}
