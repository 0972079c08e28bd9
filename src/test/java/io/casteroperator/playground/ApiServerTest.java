package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process API server over HTTP, for what kubectl does not easily show: formats, watches, patches. */
class ApiServerTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration QUICK = Duration.ofSeconds(5);
  private static MockKubernetes kube;
  private static String configMaps;

  @BeforeAll
  static void start() {
    kube = MockKubernetes.start(0);
    configMaps = kube.url() + "/api/v1/namespaces/default/configmaps";
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  private static HttpResponse<String> send(String method, String url, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(QUICK)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(QUICK).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void configMap(String name, Map<String, String> labels, Map<String, String> data) {
    kube.client().configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().withData(data).build()).createOr(c -> c.update());
  }

  private static String resourceVersion() throws Exception {
    return JSON.readTree(get(configMaps, "application/json").body()).path("metadata").path("resourceVersion").asText();
  }

  /** The events of a watch that the server ends after a second. */
  private static List<JsonNode> watch(String query, String accept) throws Exception {
    String body = get(configMaps + "?watch=true&timeoutSeconds=1&" + query, accept).body();
    return body.lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.get("type").asText() + " " + e.path("object").path("metadata").path("name").asText()).toList();
  }

  @Test
  void aBodyTheServerCannotReadIsAnswered415AtOnce() throws Exception {
    HttpResponse<String> response = send("POST", configMaps, "application/x-www-form-urlencoded", "a=b".getBytes());
    assertEquals(415, response.statusCode());
    assertEquals("UnsupportedMediaType", JSON.readTree(response.body()).get("reason").asText());

    ByteArrayOutputStream pod = new ByteArrayOutputStream();
    pod.writeBytes(new byte[] {'k', '8', 's', 0});
    pod.writeBytes(Runtime.Unknown.newBuilder().setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Pod"))
        .setRaw(V1.Pod.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("p")).build().toByteString())
        .build().toByteArray());
    HttpResponse<String> protobuf = send("POST", kube.url() + "/api/v1/namespaces/default/pods",
        "application/vnd.kubernetes.protobuf", pod.toByteArray());
    assertEquals(415, protobuf.statusCode());
  }

  @Test
  void aWatchResumesFromAResourceVersionAndFollowsItsLabelSelector() throws Exception {
    String from = resourceVersion();
    configMap("watched", Map.of("team", "news"), Map.of("a", "1"));
    configMap("watched", Map.of("team", "news"), Map.of("a", "2"));
    configMap("watched", Map.of("team", "sports"), Map.of("a", "2"));
    configMap("other", Map.of("team", "sports"), Map.of());

    // The label selector: the object enters (ADDED), changes (MODIFIED), leaves (DELETED for this watcher).
    List<JsonNode> events = watch("resourceVersion=" + from + "&labelSelector=team%3Dnews", "application/json");
    assertEquals(List.of("ADDED watched", "MODIFIED watched", "DELETED watched"), types(events));
    assertEquals("2", events.get(1).path("object").path("data").path("a").asText());

    // Without a resourceVersion: the current objects, as ADDED events.
    assertEquals(List.of("ADDED other"), types(watch("fieldSelector=metadata.name%3Dother", "application/json")));
  }

  @Test
  void aWatchAsTableSendsRows() throws Exception {
    configMap("tabled", Map.of(), Map.of("x", "y", "z", "w"));
    List<JsonNode> events = watch("fieldSelector=metadata.name%3Dtabled", "application/json;as=Table;v=v1;g=meta.k8s.io");
    JsonNode table = events.get(0).get("object");
    assertEquals("Table", table.get("kind").asText());
    assertEquals(List.of("Name", "Data", "Age"), table.get("columnDefinitions").findValuesAsText("name"));
    assertEquals("tabled", table.path("rows").path(0).path("cells").path(0).asText());
    assertEquals(2, table.path("rows").path(0).path("cells").path(1).asInt());
  }

  @Test
  void aWatchFromAForgottenResourceVersionExpires() throws Exception {
    String from = resourceVersion();
    configMap("busy", Map.of(), Map.of("n", "0"));
    for (int i = 1; i <= HttpWatch.HISTORY; i++) {
      HttpResponse<String> patched = send("PATCH", configMaps + "/busy", "application/merge-patch+json",
          ("{\"data\":{\"n\":\"" + i + "\"}}").getBytes());
      assertEquals(200, patched.statusCode(), patched.body());
    }
    List<JsonNode> events = watch("resourceVersion=" + from, "application/json");
    assertEquals("ERROR", events.get(0).get("type").asText());
    assertEquals(410, events.get(0).path("object").path("code").asInt());
  }

  @Test
  void aStrategicMergePatchOfABuiltInKindMergesLikeKubectlExpects() throws Exception {
    configMap("patched", Map.of("team", "news"), Map.of("a", "1"));
    String patch = """
        {"metadata":{"labels":{"tier":"gold"}},"data":{"b":"2"},"$setElementOrder/finalizers":[]}""";
    HttpResponse<String> response = send("PATCH", configMaps + "/patched", "application/strategic-merge-patch+json", patch.getBytes());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode patched = JSON.readTree(response.body());
    assertEquals(JSON.readTree("{\"team\":\"news\",\"tier\":\"gold\"}"), patched.path("metadata").path("labels"));
    assertEquals(JSON.readTree("{\"a\":\"1\",\"b\":\"2\"}"), patched.path("data"));

    HttpResponse<String> custom = send("PATCH", kube.url() + "/apis/live.caster-operator.io/v1alpha1/namespaces/default/casters/x",
        "application/strategic-merge-patch+json", "{}".getBytes());
    assertEquals(415, custom.statusCode(), "no strategic merge patch for custom resources, as on a cluster");
  }

  @Test
  void aDryRunStoresNothing() throws Exception {
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dry\"},\"data\":{\"a\":\"b\"}}";
    HttpResponse<String> created = send("POST", configMaps + "?dryRun=All", "application/json", body.getBytes());
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(404, get(configMaps + "/dry", "application/json").statusCode());
  }

  @Test
  void aFieldSelectorTheKindDoesNotSupportIsRefused() throws Exception {
    HttpResponse<String> response = get(configMaps + "?fieldSelector=data.a%3Db", "application/json");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("field label not supported: data.a"), response.body());
  }
}
