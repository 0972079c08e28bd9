package io.casteroperator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"30s, PT30S", "10m, PT10M", "1h30m, PT1H30M", "500ms, PT0.5S", "PT45S, PT45S", " 2m , PT2M"})
  void readsWhatKubernetesUsersWrite(String text, String iso) {
    assertEquals(Duration.parse(iso), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "banana", "10", "10d", "-5s", "5s junk", "PTx", "99999999999999999999s",
      "9999999999999999h", "PT-5S", "-PT5S"})
  void refusesWhatIsNotADurationOrCannotBeOne(String text) {
    assertNull(Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"PT10M, 10m", "PT30S, 30s", "PT1H30M5S, 1h30m5s", "PT1.5S, 1500ms", "PT0S, 0s", "PT49H, 49h",
      "PT1.0000005S, PT1.0000005S", "PT0.000001S, PT0.000001S"})
  void formatsAsUsersWriteAndParsesBack(String iso, String text) {
    assertEquals(text, Durations.format(Duration.parse(iso)));
    assertEquals(Duration.parse(iso), Durations.parse(text));
  }
}
