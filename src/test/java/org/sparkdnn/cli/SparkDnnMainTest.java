package org.sparkdnn.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.SparkUserAppException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkDnn#main} as spark-submit runs it (the deploy mode set as a system property): success returns, a failure
 * throws its exit code to spark-submit. Only commands that end before starting Spark, so no context is created.
 */
class SparkDnnMainTest {
  private String previous;

  @BeforeEach
  void underSparkSubmit() {
    previous = System.setProperty(SparkDnn.DEPLOY_MODE, "client");
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty(SparkDnn.DEPLOY_MODE);
    } else {
      System.setProperty(SparkDnn.DEPLOY_MODE, previous);
    }
  }

  @Test
  void successReturnsWithoutExiting() {
    assertDoesNotThrow(() -> SparkDnn.main(new String[] {"--version"}));
  }

  @Test
  void failureThrowsItsExitCodeToSparkSubmit() {
    SparkUserAppException e = assertThrows(SparkUserAppException.class,
        () -> SparkDnn.main(new String[] {"train", "--no-such-option"}));
    assertEquals(ExitCodes.USAGE, e.exitCode());
  }
}
