package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.ColumnBlock;
import org.sparkdnn.linalg.FloatMatrix;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.GradientSums;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.Network;
import org.sparkdnn.model.PackedDoubles;
import org.sparkdnn.model.Precision;
import org.sparkdnn.model.Workspace;
import scala.reflect.ClassTag$;

/** With Kryo configured (and every class required to be registered), what the engine ships survives intact. */
class KryoClassesTest {
  private static SerializerInstance kryo() {
    SparkConf conf = new SparkConf(false).set("spark.kryo.registrationRequired", "true");
    KryoClasses.addTo(conf);
    return new KryoSerializer(conf).newInstance();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(SerializerInstance serializer, T value) {
    ByteBuffer bytes = serializer.serialize(value, ClassTag$.MODULE$.apply(Object.class));
    return (T) serializer.deserialize(bytes, ClassTag$.MODULE$.apply(Object.class));
  }

  @Test
  void gradientSumsParametersAndBlocksRoundTrip() {
    SerializerInstance serializer = kryo();
    Architecture arch = Architecture.withHidden(new int[] {2, 3, 1}, Activation.LEAKY_RELU);
    ColumnBlock block = new ColumnBlock(2, new double[] {0.5, -1, 2, 0.25}, new double[] {1, 0});
    GradientSums sums = GradientSums.empty(arch);
    Network.accumulateGradients(Initializer.HE.initialize(arch, 5), block.X(), block.labels(), 0,
        Workspace.float64(arch, 2), sums);

    GradientSums sumsBack = roundTrip(serializer, sums);
    assertArrayEquals(sums.values(), sumsBack.values());
    assertEquals(sums.costSum(), sumsBack.costSum());
    assertEquals(sums.count(), sumsBack.count());
    assertArrayEquals(new double[] {1, 2, 3}, roundTrip(serializer, new PackedDoubles(new double[] {1, 2, 3})).values());
    ColumnBlock blockBack = roundTrip(serializer, block);
    assertArrayEquals(block.X().data(), blockBack.X().data());
    assertArrayEquals(block.labels(), blockBack.labels());
    assertEquals(arch, roundTrip(serializer, arch));
  }

  @Test
  void float32BlocksRoundTrip() {
    ColumnBlock block = new ColumnBlock(2, new double[] {0.5, -1, 0.1, 0.25}, new double[] {1, 0}).toFloat32();
    ColumnBlock back = roundTrip(kryo(), block);
    assertEquals(Precision.FLOAT32, back.precision());
    assertArrayEquals(((FloatMatrix) block.features()).data(), ((FloatMatrix) back.features()).data());
    assertArrayEquals(block.labels(), back.labels());
  }

  @Test
  void registratorIsAddedToTheUsersList() {
    SparkConf conf = new SparkConf(false).set("spark.kryo.registrator", "com.example.Mine");
    KryoClasses.addTo(conf);
    KryoClasses.addTo(conf);
    assertEquals("com.example.Mine," + KryoClasses.class.getName(), conf.get("spark.kryo.registrator"));
  }
}
