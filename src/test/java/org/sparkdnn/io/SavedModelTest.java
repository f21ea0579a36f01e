package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkdnn.data.FeatureScaling;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/** {@link SavedModel} and {@link Provenance}: immutability, JSON-value configs, validation messages. */
class SavedModelTest {
  private static final Architecture ARCHITECTURE = Architecture.withHidden(new int[] {2, 1}, Activation.RELU);
  private static final Provenance PROVENANCE =
      new Provenance("0.1.0", "17", "4.1.0", "2025-06-01T12:00:00Z", "zeros", 0L, "train.csv", 10L);

  private static SavedModel model(String scaling, Map<String, ?> config) {
    return new SavedModel(ARCHITECTURE, Parameters.zeros(ARCHITECTURE), FeatureScaling.parse(scaling), config,
        PROVENANCE);
  }

  @Test
  void parametersMustFitTheArchitecture() {
    Architecture other = Architecture.withHidden(new int[] {3, 1}, Activation.RELU);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SavedModel(ARCHITECTURE,
        Parameters.zeros(other), FeatureScaling.parse("none"), Map.of(), PROVENANCE));
    assertEquals("expected parameters for layers [2,1], activations [sigmoid], found parameters for layers [3,1],"
        + " activations [sigmoid]", e.getMessage());
  }

  @Test
  void parametersAreCopiedInAndOut() {
    Parameters parameters = Parameters.zeros(ARCHITECTURE);
    SavedModel model = new SavedModel(ARCHITECTURE, parameters, FeatureScaling.parse("none"), Map.of(), PROVENANCE);
    parameters.values()[0] = 1.0;
    model.parameters().values()[1] = 2.0;

    assertEquals(0.0, model.parameters().values()[0]);
    assertEquals(0.0, model.parameters().values()[1]);
  }

  @Test
  void configIsADeepUnmodifiableCopy() {
    List<Object> layers = new ArrayList<>(List.of(2, 1));
    Map<String, Object> config = new HashMap<>(Map.of("layers", layers));
    SavedModel model = model("none", config);
    layers.add(7);
    config.put("extra", true);

    assertEquals(Map.of("layers", List.of(2, 1)), model.config());
    assertThrows(UnsupportedOperationException.class, () -> model.config().put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> copied = (List<Object>) model.config().get("layers");
    assertThrows(UnsupportedOperationException.class, () -> copied.add(3));
  }

  @Test
  void configValuesTakeTheTypesJacksonReadsBack() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("small", 3L);
    config.put("short", (short) 4);
    config.put("large", 5_000_000_000L);
    config.put("medium", BigInteger.valueOf(6_000_000_000L));
    config.put("huge", BigInteger.TEN.pow(30));
    config.put("rate", 0.1f);
    config.put("delimiter", ',');
    config.put("layers", new int[] {2, 1});
    config.put("activations", new String[] {"relu", "sigmoid"});
    Map<String, Object> copy = model("none", config).config();

    assertEquals(Integer.valueOf(3), copy.get("small"));
    assertEquals(Integer.valueOf(4), copy.get("short"));
    assertEquals(Long.valueOf(5_000_000_000L), copy.get("large"));
    assertEquals(Long.valueOf(6_000_000_000L), copy.get("medium"));
    assertEquals(BigInteger.TEN.pow(30), copy.get("huge"));
    assertEquals(Double.valueOf(0.1), copy.get("rate"));
    assertEquals(",", copy.get("delimiter"));
    assertEquals(List.of(2, 1), copy.get("layers"));
    assertEquals(List.of("relu", "sigmoid"), copy.get("activations"));
    assertEquals(List.copyOf(config.keySet()), List.copyOf(copy.keySet()));
  }

  @Test
  void configRejectsValuesJsonCannotHold() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model("none", Map.of("optimizer", Map.of("rate", Float.NaN))));
    assertTrue(e.getMessage().startsWith("config.optimizer.rate: expected a JSON value ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("found java.lang.Float NaN"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> model("none", Map.of("costs", new double[] {0.5, Double.POSITIVE_INFINITY})));
    assertTrue(e.getMessage().startsWith("config.costs[1]: expected a JSON value"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found java.lang.Double Infinity"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> model("none", Map.of("learning_rate", new BigDecimal("0.0075"))));
    assertTrue(e.getMessage().endsWith("found java.math.BigDecimal 0.0075"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> model("none", Map.of("by_layer", Map.of(1, "relu"))));
    assertEquals("config.by_layer: expected String keys, found java.lang.Integer 1", e.getMessage());
  }

  @Test
  void provenanceValidation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Provenance("0.1.0", "17", "4.1.0", "2025-06-01 12:00", "zeros", 0L, "train.csv", 10L));
    assertTrue(e.getMessage().startsWith("createdAt: expected an ISO-8601 instant"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found '2025-06-01 12:00'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> new Provenance("0.1.0", "17", "4.1.0", "2025-06-01T12:00:00Z", "zeros", 0L, "train.csv", -1L));
    assertEquals("numExamples: expected m >= 0, found -1", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> new Provenance("0.1.0", null, "4.1.0", "2025-06-01T12:00:00Z", "zeros", 0L, "train.csv", 1L));
    assertEquals("javaVersion: expected a string, found null", e.getMessage());
  }

  @Test
  void equalityIsByValue() {
    SavedModel a = model("255", Map.of("seed", 1));
    SavedModel b = model("255", Map.of("seed", 1L));

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, model("none", Map.of("seed", 1)));
    assertNotEquals(a, model("255", Map.of("seed", 2)));
  }
}
