package org.sparkdnn.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.data.FeatureMoments;
import org.sparkdnn.data.FeatureRanges;
import org.sparkdnn.linalg.ExactSum;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.PackedDoubles;

/**
 * Registers the classes spark-dnn ships between driver and executors when a job runs with
 * {@code spark.serializer=org.apache.spark.serializer.KryoSerializer} (common in cluster defaults). The parameter
 * and gradient arrays keep their own block serialization ({@link PackedDoubles}), which Kryo's field serializer
 * would skip; the rest uses Kryo's defaults.
 */
public final class KryoClasses implements KryoRegistrator {
  private static final String REGISTRATOR = "spark.kryo.registrator";

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(GradientSums.class, new JavaSerializer());
    kryo.register(PackedDoubles.class, new JavaSerializer());
    kryo.register(ColumnBlock.class);
    kryo.register(FeatureMoments.class);
    kryo.register(FeatureRanges.class);
    kryo.register(ExactSum.class);
    kryo.register(ExactSum[].class);
    kryo.register(long[].class);
    kryo.register(Architecture.class);
    kryo.register(Activation.class);
    kryo.register(Activation[].class);
    kryo.register(double[].class);
    kryo.register(float[].class);
    kryo.register(int[].class);
  }

  /** Adds this registrator to {@code conf}'s list, keeping any the user set. */
  static void addTo(SparkConf conf) {
    String name = KryoClasses.class.getName();
    String current = conf.get(REGISTRATOR, "").trim();
    if (current.isEmpty()) {
      conf.set(REGISTRATOR, name);
    } else if (!Arrays.asList(current.split("\\s*,\\s*")).contains(name)) {
      conf.set(REGISTRATOR, current + "," + name);
    }
  }
}
