package org.sparkdnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TabularConfigurationTest {
  @Test
  void everyConfigurationOfTheTableNamesTrainOptionsOnly() {
    TabularConfiguration.checkTable(TabularBenchmark.CONFIGURATIONS);
  }

  @Test
  void aConfigurationIsItsNameAndItsOptionsSplitAtSpaces() {
    TabularConfiguration adam = TabularConfiguration.of("adam", " --optimizer adam  --learning-rate 0.01 ");
    assertEquals(List.of("--optimizer", "adam", "--learning-rate", "0.01"), adam.options());
    assertEquals("--optimizer adam --learning-rate 0.01", adam.optionsText());
    // a flag takes no value
    TabularConfiguration.of("flag", "--iterations 10 --header --l2 -0").check();
  }

  @Test
  void anOptionTrainDoesNotHaveIsRefused() {
    assertEquals("configuration x: expected an option of spark-dnn train, found '--learning-rat'",
        message(TabularConfiguration.of("x", "--learning-rat 0.1")));
    assertEquals("configuration x: expected an option of spark-dnn train, found '0.1'",
        message(TabularConfiguration.of("x", "--l2 1 0.1")));
  }

  @Test
  void theHarnesssOwnOptionsAreRefused() {
    assertEquals("configuration x: expected an option the harness does not set itself " + TabularRun.HARNESS_OPTIONS
        + ", found --layers", message(TabularConfiguration.of("x", "--layers 30,8,1")));
  }

  @Test
  void aMissingValueOrARepeatedOptionIsRefused() {
    assertEquals("configuration x: expected a value after --learning-rate, found --iterations",
        message(TabularConfiguration.of("x", "--learning-rate --iterations 10")));
    assertEquals("configuration x: expected a value after --l2, found none",
        message(TabularConfiguration.of("x", "--l2")));
    assertEquals("configuration x: expected each option once, found --l2 twice",
        message(TabularConfiguration.of("x", "--l2 1 --l2 2")));
  }

  @Test
  void aTableNamesEachConfigurationOnceWithAFileName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularConfiguration.checkTable(
        List.of(TabularConfiguration.of("a", "--l2 1"), TabularConfiguration.of("a", "--l2 2"))));
    assertEquals("configuration a: expected a name of its own, found it twice in the table", e.getMessage());
    assertEquals("configuration a b: expected a name of letters, digits, '.', '-' and '_', found 'a b'",
        message(TabularConfiguration.of("a b", "--l2 1")));
  }

  private static String message(TabularConfiguration configuration) {
    return assertThrows(IllegalArgumentException.class, configuration::check).getMessage();
  }
}
