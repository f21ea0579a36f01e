package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** numpy's pairwise sum, bit for bit, against src/test/python/gen_numpy_sum_golden.py. */
class NumpySumTest {
  private static JsonNode golden() throws IOException {
    try (InputStream in = NumpySumTest.class.getResourceAsStream("/golden/numpy-sum.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void courseAccuracyTermsSumAsNumpyDoes() throws IOException {
    for (JsonNode c : golden().get("accuracy")) {
      int m = c.get("m").asInt();
      double[] terms = new double[m];
      boolean[] wrong = new boolean[m];
      c.get("wrong").forEach(i -> wrong[i.asInt()] = true);
      for (int i = 0; i < m; i++) {
        terms[i] = (wrong[i] ? 0.0 : 1.0) / m;
      }
      assertEquals(c.get("sum").asDouble(), NumpySum.pairwise(terms), 0.0, "m = " + m + ", wrong " + c.get("wrong"));
    }
  }

  @Test
  void randomArraysSumAsNumpyDoes() throws IOException {
    for (JsonNode c : golden().get("arrays")) {
      double[] values = new double[c.get("values").size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = c.get("values").get(i).asDouble();
      }
      assertEquals(c.get("sum").asDouble(), NumpySum.pairwise(values), 0.0, values.length + " values");
    }
  }
}
