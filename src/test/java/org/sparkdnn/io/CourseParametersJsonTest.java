package org.sparkdnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkdnn.model.Activation;
import org.sparkdnn.model.Architecture;
import org.sparkdnn.model.Parameters;

/** {@link CourseParametersJson}: the course's row-major dictionary against our column-major views, and its errors. */
class CourseParametersJsonTest {
  /** n = [2, 3, 1]: W1 is 3 rows of 2, b1 3 rows of 1, W2 1 row of 3, b2 1 row of 1. */
  private static final Architecture SMALL = Architecture.withHidden(new int[] {2, 3, 1}, Activation.TANH);
  private static final String SMALL_JSON = """
      {"W1": [[1.5, 2], [3, 4], [5, 6.25]],
       "b1": [[7], [8], [9]],
       "W2": [[10, 11, 12]],
       "b2": [[-13]]}
      """;

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();
  private Path file;

  @BeforeEach
  void path() {
    file = new Path(tmp.resolve("parameters.json").toString());
  }

  @Test
  void readsRowsIntoTheColumnMajorViews() throws IOException {
    write(SMALL_JSON);
    Parameters parameters = CourseParametersJson.read(file, SMALL, conf);

    assertEquals(1.5, parameters.W(1).get(0, 0));
    assertEquals(2.0, parameters.W(1).get(0, 1));
    assertEquals(3.0, parameters.W(1).get(1, 0));
    assertEquals(6.25, parameters.W(1).get(2, 1));
    assertEquals(8.0, parameters.b(1).get(1, 0));
    assertEquals(12.0, parameters.W(2).get(0, 2));
    assertEquals(-13.0, parameters.b(2).get(0, 0));
    // the flat layout: W1 column-major, b1, W2, b2
    assertArrayEquals(new double[] {1.5, 3, 5, 2, 4, 6.25, 7, 8, 9, 10, 11, 12, -13}, parameters.values());
  }

  @Test
  void roundTripIsBitIdentical() throws IOException {
    Architecture architecture = Architecture.withHidden(new int[] {5, 4, 3, 1}, Activation.RELU);
    double[] values = ModelStoreTest.parameters(architecture, 11).values();
    values[4] = 1.0 / 3.0; // replace the NaN, which JSON cannot hold
    Parameters parameters = new Parameters(architecture, values);

    CourseParametersJson.write(parameters, file, conf);
    Parameters read = CourseParametersJson.read(file, architecture, conf);

    assertArrayEquals(bits(parameters.values()), bits(read.values()));
  }

  @Test
  void writesTheCoursesShapeAndKeyOrder() throws IOException {
    Architecture architecture = Architecture.withHidden(new int[] {3, 2, 1}, Activation.RELU);
    Parameters parameters = new Parameters(architecture, new double[] {1, 2, 3, 4, 5, 6, 0.5, -0.5, 7, 8, 0.25});
    CourseParametersJson.write(parameters, file, conf);

    JsonNode json = new ObjectMapper().readTree(Files.readString(local(file)));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("W1", "b1", "W2", "b2"), keys);
    assertEquals("[[1.0,3.0,5.0],[2.0,4.0,6.0]]", json.get("W1").toString());
    assertEquals("[[0.5],[-0.5]]", json.get("b1").toString());
    assertEquals("[[7.0,8.0]]", json.get("W2").toString());
    assertEquals("[[0.25]]", json.get("b2").toString());
  }

  @Test
  void writeRejectsNonFiniteValuesAndWritesNothing() {
    double[] values = new double[SMALL.numParameters()];
    values[SMALL.weightOffset(2) + 1] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CourseParametersJson.write(new Parameters(SMALL, values), file, conf));
    assertMessage(e.getMessage(), "W2[0][1]: expected a finite number", "found NaN");
    assertFalse(Files.exists(local(file)));
  }

  @Test
  void missingKey() throws IOException {
    write("""
        {"W1": [[1, 2], [3, 4], [5, 6]], "b1": [[7], [8], [9]], "b2": [[13]]}
        """);
    assertFailure("expected keys W1, b1, W2, b2", "found missing W2");
  }

  @Test
  void extraKey() throws IOException {
    write(SMALL_JSON.replace("\"b2\"", "\"W9\": [[0]], \"b2\""));
    assertFailure("expected keys W1, b1, W2, b2", "found unexpected W9");
  }

  @Test
  void wrongRowLength() throws IOException {
    write(SMALL_JSON.replace("[10, 11, 12]", "[10, 11]"));
    assertFailure("W2: expected 1 row of 3 numbers", "found W2[0] with 2");
  }

  @Test
  void wrongRowLengthInALaterRow() throws IOException {
    write(SMALL_JSON.replace("[5, 6.25]", "[5, 6.25, 0]"));
    assertFailure("W1: expected 3 rows of 2 numbers", "found W1[2] with 3");
  }

  @Test
  void wrongRowCount() throws IOException {
    write(SMALL_JSON.replace("[[7], [8], [9]]", "[[7], [8]]"));
    assertFailure("b1: expected 3 rows of 1 number", "found 2 rows");
  }

  @Test
  void biasAsAFlatList() throws IOException {
    write(SMALL_JSON.replace("[[7], [8], [9]]", "[7, 8, 9]"));
    assertFailure("b1: expected 3 rows of 1 number", "found b1[0] = 7");
  }

  @Test
  void nonNumber() throws IOException {
    write(SMALL_JSON.replace("[3, 4]", "[\"3\", 4]"));
    assertFailure("W1[1][0]: expected a finite number", "found \"3\"");
  }

  @Test
  void pythonsNaN() throws IOException {
    write(SMALL_JSON.replace("[[-13]]", "[[NaN]]"));
    assertFailure("b2[0][0]: expected a finite number", "found NaN");
  }

  @Test
  void notAnObject() throws IOException {
    write("[[1, 2]]");
    assertFailure("expected a JSON object", "found [[1,2]]");
  }

  @Test
  void duplicateKey() throws IOException {
    write(SMALL_JSON.replace("\"b2\"", "\"W1\": [[0, 0], [0, 0], [0, 0]], \"b2\""));
    assertFailure("found invalid JSON", "Duplicate field 'W1'");
  }

  private void assertFailure(String... parts) {
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> CourseParametersJson.read(file, SMALL, conf));
    assertTrue(e.getMessage().startsWith(file + ": "), () -> "should start with " + file + ": " + e.getMessage());
    assertMessage(e.getMessage(), parts);
  }

  private static void assertMessage(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "message should contain '" + part + "': " + message);
    }
  }

  private void write(String json) throws IOException {
    Files.writeString(local(file), json);
  }

  private static java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath());
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
