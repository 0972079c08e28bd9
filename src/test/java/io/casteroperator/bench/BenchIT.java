package io.casteroperator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command, small: it runs, and its exact figures hold (the timing ones need a real N). */
class BenchIT {

  @TempDir Path temp;

  @Test
  void aSmallRunReportsOneWritePerCasterNoThrottleAndNothingAfterARestart() throws Exception {
    Path json = temp.resolve("bench.json");
    Path png = temp.resolve("bench.png");

    int code = Main.execute("bench", "--casters=40", "--qps=20", "--latency-samples=3", "--out=" + json, "--plot=" + png);

    assertEquals(0, code);
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertEquals(1.0, figures.get("setCasterConfigCallsPerCaster").asDouble());
    assertEquals(0, figures.get("throttled").asLong());
    assertTrue(figures.get("peakCallsPerSecond").asInt() <= 20, figures.toString());
    assertEquals(1.0, figures.get("changeCallsPerCaster").asDouble());
    assertEquals(0, figures.get("restartSetCasterConfigCalls").asLong());
    assertEquals(40, figures.get("readySeconds").size());
    assertTrue(figures.get("warmUp").asBoolean(), "the default run is measured after a warm-up Caster");
    // Never faster than the quota allows (that would mean calls beyond it); the upper bound is only
    // a sanity check: with a 2 s ideal, start-up dominates.
    assertTrue(figures.get("ratioToIdeal").asDouble() >= 1.0, figures.toString());
    assertTrue(figures.get("elapsedSeconds").asDouble() < 30, figures.toString());
    byte[] header = Files.readAllBytes(png);
    assertEquals((byte) 0x89, header[0]);
    assertEquals('P', header[1]);
  }
}
