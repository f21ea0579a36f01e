package org.sparkdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.BroadcastBlockId;
import org.junit.jupiter.api.Test;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Initializer;
import org.sparkdnn.model.PackedDoubles;
import org.sparkdnn.model.Parameters;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A destroyed broadcast's blocks are gone when the call returns, so Spark's cleaner never races the removal (which
 * logged "Error in removing broadcast"): for {@link Broadcasts#destroy} itself, and for every iteration of the
 * gradient source and the evaluator's per-iteration confusion counts, which broadcast parameters of more than one
 * 256 kB block.
 */
class BroadcastsTest {
  private static final int ITERATIONS = 20;

  @Test
  void destroyReturnsOnlyOnceEveryBlockIsRemoved() {
    JavaSparkContext sc = SharedSpark.context();
    for (int i = 0; i < ITERATIONS; i++) {
      Broadcast<PackedDoubles> shared = sc.broadcast(new PackedDoubles(new double[200_000]));
      assertEquals(200_000, sc.parallelize(List.of(1, 2), 2).map(x -> shared.value().values().length).first());
      assertTrue(blocksOf(shared.id()) > 1, "a 1.6 MB broadcast is stored in several blocks");
      Broadcasts.destroy(shared);
      assertEquals(0, blocksOf(shared.id()), "blocks of broadcast " + shared.id() + " left after destroy");
    }
  }

  @Test
  void noParameterBroadcastOutlivesAnIteration() {
    JavaSparkContext sc = SharedSpark.context();
    Architecture arch = Architecture.withHidden(new int[] {1000, 110, 1}, Activation.RELU);
    assertTrue(arch.numParameters() > ShippedParameters.INLINE_MAX_PARAMETERS, arch.toString());
    DistributedBlocks data = DistributedBlocks.of(sc.parallelize(List.of(SparkGradientSourceTest.block(1000, 6, 1),
        SparkGradientSourceTest.block(1000, 4, 2)), 2));
    try {
      SparkGradientSource source = new SparkGradientSource(sc, data, arch);
      Parameters parameters = Initializer.HE.initialize(arch, 1);
      for (int i = 0; i < ITERATIONS; i++) {
        Set<Long> before = multiBlockBroadcasts();
        source.gradientSums(parameters);
        SparkEvaluator.confusion(sc, data, parameters, 0.5);
        Set<Long> left = multiBlockBroadcasts();
        left.removeAll(before);
        assertEquals(Set.of(), left, "parameter broadcasts left after iteration " + i);
      }
    } finally {
      data.unpersist();
    }
  }

  /** Ids of the broadcasts the driver's block manager holds in more than one piece (task binaries take one). */
  private static Set<Long> multiBlockBroadcasts() {
    return broadcastBlocks().stream().filter(b -> "piece1".equals(b.field()))
        .map(BroadcastBlockId::broadcastId).collect(Collectors.toSet());
  }

  private static long blocksOf(long broadcastId) {
    return broadcastBlocks().stream().filter(b -> b.broadcastId() == broadcastId).count();
  }

  private static List<BroadcastBlockId> broadcastBlocks() {
    List<BlockId> ids = CollectionConverters.asJava(
        SparkEnv.get().blockManager().getMatchingBlockIds(id -> id instanceof BroadcastBlockId));
    return ids.stream().map(BroadcastBlockId.class::cast).toList();
  }
}
