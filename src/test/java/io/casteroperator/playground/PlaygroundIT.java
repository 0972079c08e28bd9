package io.casteroperator.playground;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.casteroperator.cli.Main;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.live.SdkLiveClientFactory;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.testing.Examples;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the whole system on one machine. */
class PlaygroundIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private PlaygroundOptions options() {
    return options(Examples.DIRECTORY);
  }

  private PlaygroundOptions options(Path manifests) {
    return new PlaygroundOptions(0, 0, 0, LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET,
        manifests, temp.resolve("kubeconfig"), Duration.ofSeconds(60));
  }

  @Test
  void onceAppliesEveryExampleAndPassesOnlyWhenEachIsReadyWithOneWrite() {
    int code = Main.execute("playground", "--once", "--kube-port=0", "--emulator-port=0", "--http-port=-1",
        "--kubeconfig=" + temp.resolve("kubeconfig"), "--timeout=60s");
    assertEquals(0, code);
  }

  @Test
  void onceFailsWhenTheApiServerRefusesAnExample() throws IOException {
    Path broken = brokenExample();
    int code = Main.execute("playground", "--once", "--kube-port=0", "--emulator-port=0", "--http-port=-1",
        "--kubeconfig=" + temp.resolve("kubeconfig"), "--apply=" + broken, "--timeout=30s");
    assertEquals(1, code);
  }

  @Test
  void onceFailsWhenAnExampleDoesNotConverge() throws IOException {
    // Without schema checks the Caster is stored and the operator refuses it (InvalidSpec).
    Path broken = brokenExample();
    int code = Main.execute("playground", "--once", "--kube-port=0", "--emulator-port=0", "--http-port=-1",
        "--kubeconfig=" + temp.resolve("kubeconfig"), "--apply=" + broken, "--timeout=30s", "--schema-validation=off");
    assertEquals(1, code);
  }

  private Path brokenExample() throws IOException {
    Path broken = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(broken.resolve("bad.yaml"), """
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: bad}
        spec: {casterId: a2b8e671-2fe5-4642-a2ec-bf93880e0009, delay: 301}
        """);
    return broken;
  }

  /**
   * Issue 16: deploy/examples/studio.yaml applied with kubectl to a playground that started with
   * nothing ends Ready, and the cloud holds exactly the studio the file describes, as the Live API's
   * Describe calls (through the real SDK) and the emulator's admin API show it. The expectation is
   * read from the file, so the test follows the example.
   */
  @Test
  void theStudioExampleAppliedWithKubectlToAnEmptyPlaygroundIsExactlyTheStudioTheCloudShows() throws Exception {
    Path example = Examples.DIRECTORY.resolve("studio.yaml");
    JsonNode manifest = new YAMLMapper().readTree(example.toFile());
    String name = manifest.path("metadata").path("name").asText();
    StudioView wanted = StudioView.ofSpec(manifest.path("spec"));
    Path empty = Files.createDirectories(temp.resolve("empty"));

    try (Playground playground = Playground.start(options(empty))) {
      assertEquals(List.of(), playground.applied(), "nothing applied at start");
      Kubectl kubectl = Kubectl.onPath(temp.resolve("kubeconfig"));
      Kubectl.Result apply = kubectl.run("apply", "-f", example.toString());
      assertEquals(0, apply.exit(), apply.toString());
      assertEquals("caster.live.caster-operator.io/" + name + " created\n", apply.out());

      await().atMost(Duration.ofSeconds(60)).until(() -> kubectl.run("get", "cst", name, "-o",
          "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").out(), "True"::equals);
      String casterId = kubectl.run("get", "cst", name, "-o", "jsonpath={.status.casterId}").out();
      assertFalse(casterId.isEmpty(), "the operator created a caster and says which");

      // (a) The Live API's Describe calls, through the SDK, with the demo account's key.
      LiveClient live = new SdkLiveClientFactory(LiveSettings.defaults()
          .withEndpoint(URI.create("http://" + playground.emulator().endpoint())))
          .client(new LiveCredentials.AccessKey(LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET, null,
              LiveEmulator.DEMO_ACCOUNT), ReconcilerSettings.defaults().defaultRegion());
      assertEquals(manifest.path("spec").path("running").asBoolean(false), live.observeState(casterId).value().running());
      assertShows(wanted, StudioView.ofLive(live, casterId), "the Describe calls");

      // (b) The emulator's admin API, as curl reads it.
      HttpResponse<String> studio = get("http://" + playground.emulator().endpoint() + "/_emulator/casters/" + casterId
          + "/studio", "application/json");
      assertEquals(200, studio.statusCode(), studio.body());
      JsonNode admin = JSON.readTree(studio.body());
      assertShows(wanted, StudioView.ofAdmin(admin), "the admin API");
      // What no Describe call shows: each input's fixed delay, as the manifest sets it (0 when left out).
      for (JsonNode input : admin.get("videoResources")) {
        JsonNode spec = stream(manifest.path("spec").path("videoResources"))
            .filter(r -> r.get("name").asText().equals(input.get("ResourceName").asText())).findFirst().orElseThrow();
        assertEquals(spec.path("fixedDelayDuration").asLong(0), input.path("writeOnly").path("FixedDelayDuration").asLong(-1),
            input.toString());
      }
    }
  }

  /** List by list, so that a failure names the list that differs. */
  private static void assertShows(StudioView wanted, StudioView read, String source) {
    StudioView seen = read.inTheFieldsOf(wanted);
    assertEquals(wanted.inputs(), seen.inputs(), "inputs, read through " + source);
    assertEquals(wanted.channels(), seen.channels(), "channels, read through " + source);
    assertEquals(wanted.layouts(), seen.layouts(), "layouts, read through " + source);
    assertEquals(wanted.components(), seen.components(), "overlays, read through " + source);
    assertEquals(wanted.scenes(), seen.scenes(), "scenes, read through " + source);
  }

  private static Stream<JsonNode> stream(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false);
  }

  @Test
  void kubectlSeesPrinterColumnsAndWatchesStream() throws Exception {
    try (Playground playground = Playground.start(options())) {
      await().atMost(Duration.ofSeconds(60)).until(playground::settled);
      String casters = playground.kubeUrl() + "/apis/live.caster-operator.io/v1alpha1/namespaces/default/casters";

      // What kubectl get asks for: a Table with the CRD's printer columns.
      JsonNode table = JSON.readTree(get(casters, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").body());
      assertEquals("Table", table.get("kind").asText());
      List<String> columns = JSON.convertValue(table.get("columnDefinitions").findValues("name"), JSON.getTypeFactory()
          .constructCollectionType(List.class, String.class));
      assertEquals(List.of("Name", "Caster ID", "Ready", "Reason", "Running", "Age"), columns);
      JsonNode row = table.get("rows").get(0);
      assertEquals("True", row.get("cells").get(2).asText());
      assertEquals("Applied", row.get("cells").get(3).asText());

      // What kubectl get -w and delete wait with: a watch streamed over plain HTTP (here ended by timeoutSeconds).
      String watch = casters + "?fieldSelector=metadata.name%3Dmorning-show&timeoutSeconds=1&watch=true";
      HttpResponse<String> added = get(watch, "application/json");
      assertEquals(200, added.statusCode());
      assertTrue(added.body().startsWith("{\"type\":\"ADDED\",\"object\":{"), added.body());
      String version = JSON.readTree(get(casters, "application/json").body()).path("metadata").path("resourceVersion").asText();
      HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(casters + "/morning-show")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, deleted.statusCode());
      String events = get(watch + "&resourceVersion=" + version, "application/json").body();
      assertTrue(events.startsWith("{\"type\":\"DELETED\",\"object\":{"), events);
    }
  }

  @Test
  void theMetricsEndpointHasEveryMetricTheOperatorPromises() throws Exception {
    try (Playground playground = Playground.start(options())) {
      await().atMost(Duration.ofSeconds(60)).until(playground::settled);
      String metrics = get("http://localhost:" + playground.httpPort() + "/metrics", "text/plain").body();
      for (String name : List.of(
          "caster_reconciles_total", "caster_reconcile_duration_seconds", "caster_live_api_calls_total",
          "caster_live_api_latency_seconds", "caster_live_api_throttled_total", "caster_budget_wait_seconds",
          "caster_budget_tokens_available", "caster_casters", "caster_drift_corrections_total",
          "caster_operator_leader", "operator_sdk_reconciliations_started_total")) {
        assertTrue(metrics.contains("\n" + name), "missing metric " + name);
      }
      // One SetCasterConfig per example Caster, and not one more.
      assertTrue(metrics.contains("caster_live_api_calls_total{action=\"SetCasterConfig\",code=\"OK\"} "
          + playground.applied().size() + ".0"), metrics);
      // No series per Caster: a thousand Casters must not mean a thousand series for Prometheus.
      assertFalse(playground.applied().isEmpty());
      for (String name : playground.applied().stream().map(n -> n.substring(n.indexOf('/') + 1)).toList()) {
        assertFalse(metrics.contains("\"" + name + "\""), "a series labelled with Caster " + name);
      }
      assertEquals(200, get("http://localhost:" + playground.httpPort() + "/readyz", "text/plain").statusCode());
    }
  }

  @Test
  void stoppingReleasesEveryPortAndLeavesNoThreadRunning() throws Exception {
    Set<String> before = nonDaemonThreads();
    Playground playground = Playground.start(options());
    int kube = URI.create(playground.kubeUrl()).getPort();
    int emulator = playground.emulator().port();
    int http = playground.httpPort();

    playground.close();

    // Vert.x (the mock API server) lets go of its port asynchronously, within moments.
    for (int port : List.of(kube, emulator, http)) {
      await("port " + port + " free").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
        try (ServerSocket socket = new ServerSocket(port)) {
          return socket.isBound();
        }
      });
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(Set.of(), difference(nonDaemonThreads(), before)));
  }

  private static HttpResponse<String> get(String url, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Threads that would keep the JVM alive, except the one Awaitility polls this test from. */
  private static Set<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && !t.getName().startsWith("awaitility"))
        .map(Thread::getName).collect(Collectors.toSet());
  }

  private static Set<String> difference(Set<String> after, Set<String> before) {
    return after.stream().filter(t -> !before.contains(t)).collect(Collectors.toSet());
  }
}
