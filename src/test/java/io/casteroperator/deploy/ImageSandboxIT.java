package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tree, run as the Deployment runs the image, in bubblewrap: as user 10001 with no other
 * group (when an unprivileged user runs bwrap, that user's own groups stay, unmapped) and no
 * capabilities, a read-only root filesystem with only /tmp writable, its own PID, IPC
 * and UTS namespaces, and no network but loopback. The root holds the host's JRE (/usr) and /etc
 * where the image holds Temurin's; the command is the Dockerfile's ENTRYPOINT and CMD, with the
 * pod's memory and CPU limits given to the JVM as MaxRAM and ActiveProcessorCount (bubblewrap sets
 * no cgroup limits). {@code version} runs first, then {@code run}, with deploy/deployment.yaml's
 * environment and a kubeconfig (in-cluster configuration needs HTTPS and a token), against the
 * playground's API server and the Live emulator started in the same network namespace
 * ({@link ImageSandboxRun}). A Caster created there must become Ready=True. {@code playground}, whose
 * libraries the image leaves out, says so.
 *
 * <p>Needs {@code bwrap} with user namespaces. Outside CI a machine without them skips this test,
 * saying why; under CI (CI=true) it fails instead, so that CI cannot skip it silently.
 */
class ImageSandboxIT {

  @TempDir
  Path work;

  @Test
  void theImageTreeRunsAsTheDeploymentRunsIt() throws Exception {
    String unavailable = Bubblewrap.unavailable();
    if (unavailable != null) {
      if (System.getenv("CI") != null) {
        fail("CI must run the image tree in a sandbox: " + unavailable);
      }
      Assumptions.abort(unavailable);
    }
    Map<String, String> treeBefore = digest(ImageTree.ROOT);

    List<String> driver = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ImageSandboxRun.class.getName(),
        work.toString(), ImageTree.ROOT.toString());
    Process sandbox = new ProcessBuilder(Bubblewrap.loopbackOnly(driver)).redirectErrorStream(true)
        .redirectOutput(work.resolve("driver.log").toFile()).start();
    if (!sandbox.waitFor(180, TimeUnit.SECONDS)) {
      sandbox.destroyForcibly();
      fail("the sandboxed run did not end within 3 minutes; its log:\n" + log("driver.log") + "\noperator:\n" + log("operator.log"));
    }
    JsonNode result = Files.exists(work.resolve("result.json")) ? new ObjectMapper().readTree(work.resolve("result.json").toFile()) : null;
    if (sandbox.exitValue() != 0 || result == null || result.has("error")) {
      fail("the sandboxed run failed (" + sandbox.exitValue() + "): " + (result == null ? "" : result.path("error").asText())
          + "\n" + log("driver.log") + "\noperator:\n" + log("operator.log"));
    }
    System.out.println("sandboxed run of the image tree: " + result.toPrettyString());

    // The sandbox is what the name says.
    assertEquals("lo", result.path("interfaces").asText(), "the driver's network namespace has only loopback");
    JsonNode probe = result.path("probe");
    assertEquals("10001", probe.path("uid").asText(), probe.toString());
    assertEquals("10001", probe.path("gid").asText(), probe.toString());
    // No other group. bwrap run by root drops them all; run by another user it cannot (the kernel keeps
    // an unprivileged user's supplementary groups), and they show unmapped, as 65534.
    assertTrue(Set.of("10001", "10001,65534").contains(probe.path("groups").asText()), "no other group: " + probe);
    assertEquals("0000000000000000", probe.path("capEff").asText(), "no capabilities: " + probe);
    assertEquals("lo,", probe.path("interfaces").asText(), "no network but loopback: " + probe);
    assertEquals("read-only", probe.path("root").asText(), probe.toString());
    assertEquals("read-only", probe.path("app").asText(), probe.toString());
    assertEquals("writable", probe.path("tmp").asText(), probe.toString());
    assertEquals(Dockerfile.read().last("WORKDIR").arguments(), probe.path("cwd").asText());

    // version, then run: ready, a Caster applied, stopped by SIGTERM.
    JsonNode version = result.path("version");
    assertEquals(0, version.path("exit").asInt(), version.toString());
    assertEquals("caster-operator " + pomVersion(), version.path("output").asText());
    JsonNode playground = result.path("playground");
    assertEquals(1, playground.path("exit").asInt(), "the image has no playground: " + playground);
    assertTrue(playground.path("output").asText().startsWith("playground needs the playground's libraries"), playground.toString());
    JsonNode run = result.path("run");
    assertTrue(run.path("readyz").asText().startsWith("ready"), run.toString());
    assertEquals("True/Applied", run.path("ready").asText(), run.toString());
    assertTrue(run.path("outputsSecret").asBoolean(), "the operator created the outputs Secret: " + run);
    assertEquals(200, run.path("metricsStatus").asInt(), "/metrics answers (Prometheus' text format): " + run);
    assertTrue(run.path("metricsCasterSeries").asInt() > 10, "the operator's metrics are there: " + run);
    assertEquals(1, run.path("liveApiCalls").path("CreateCaster OK").asInt(), run.toString());
    assertEquals(1, run.path("liveApiCalls").path("SetCasterConfig OK").asInt(), run.toString());
    assertEquals(1, run.path("liveApiCalls").path("StartCaster OK").asInt(), run.toString());
    // The JVM's exit status after SIGTERM, its shutdown hooks done: 128 + 15.
    assertEquals(143, run.path("exit").asInt(), "stopped by SIGTERM within the grace period:\n" + log("operator.log"));

    // Nothing written outside /tmp: the root was read-only (above), the tree and the kubeconfig are
    // unchanged, and the operator never met a read-only file system.
    assertEquals(treeBefore, digest(ImageTree.ROOT), "the image tree is unchanged");
    String operatorLog = log("operator.log");
    for (String sign : List.of("Read-only file system", "AccessDeniedException", "Permission denied")) {
      assertTrue(!operatorLog.contains(sign), "the operator tried to write outside /tmp (" + sign + "):\n" + operatorLog);
    }
    List<String> tmp = new ArrayList<>();
    result.path("tmp").forEach(f -> tmp.add(f.asText()));
    assertTrue(tmp.stream().allMatch(f -> f.startsWith("/tmp/hsperfdata_")), "what the operator wrote in /tmp: " + tmp);
  }

  private String log(String name) {
    try {
      return Files.exists(work.resolve(name)) ? Files.readString(work.resolve(name)) : "(no " + name + ")";
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  private static Map<String, String> digest(Path root) {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.toList()) {
        String name = root.relativize(file).toString();
        if (Files.isDirectory(file)) {
          digests.put(name + "/", "");
        } else {
          digests.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return digests;
  }

  private static String pomVersion() throws IOException {
    Matcher m = Pattern.compile("<artifactId>caster-operator</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find());
    return m.group(1);
  }
}
