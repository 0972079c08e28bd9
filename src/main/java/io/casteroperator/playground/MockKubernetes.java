package io.casteroperator.playground;

import io.casteroperator.api.crd.CrdGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * An in-process Kubernetes API server: fabric8's mock server in CRUD mode with the Caster CRD
 * installed (so status is a subresource and generation moves with spec only), plus what the mock
 * does not answer by itself: discovery documents for kubectl, and the SelfSubjectRulesReview that
 * JOSDK's leader election asks before it starts; JSON merge patches applied as RFC 7386 says; the
 * Table format of kubectl get; and plain HTTP watches, as kubectl delete waits with one.
 */
public final class MockKubernetes implements AutoCloseable {

  /** The mock server logs every request through java.util.logging; keep a reference, or the level is lost. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final NamespacedKubernetesClient client;

  private MockKubernetes(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** Starts on {@code port} (0 for any free port) on the loopback interface, with the CRD installed. */
  public static MockKubernetes start(int port) {
    return start(port, true);
  }

  /**
   * As {@link #start(int)}; with {@code keepEvents} false, Events are acknowledged but not stored.
   * The mock serves every request under one lock and lists by scanning all it stores, so thousands
   * of Events would slow every later request; the benchmark measures the operator, not that.
   */
  public static MockKubernetes start(int port, boolean keepEvents) {
    KubernetesMockServer server = new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), new ApiDispatcher(keepEvents), false);
    server.init(InetAddress.getLoopbackAddress(), port);
    MockKubernetes kube = new MockKubernetes(server);
    kube.client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    return kube;
  }

  /** The CRD the build generated from the api package. */
  public static CustomResourceDefinition crd() {
    try (InputStream in = MockKubernetes.class.getResourceAsStream("/crds/" + CrdGenerator.FILE_NAME)) {
      if (in == null) {
        return Serialization.unmarshal(CrdGenerator.generate(), CustomResourceDefinition.class);
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of this server (each caller gets its own; close it when done). */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** The client this object owns. */
  public KubernetesClient client() {
    return client;
  }

  public int port() {
    return server.getPort();
  }

  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private static final String CASTERS = "casters";
  private static final java.util.List<io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition>
      PRINTER_COLUMNS = crd().getSpec().getVersions().get(0).getAdditionalPrinterColumns();

  /** The CRUD dispatcher, with the answers kubectl and JOSDK need that the mock lacks. */
  private static final class ApiDispatcher extends IndexedCrudDispatcher {

    private final boolean keepEvents;

    ApiDispatcher(boolean keepEvents) {
      this.keepEvents = keepEvents;
    }

    @Override
    public JsonNode merge(JsonNode baseResource, String patch) throws KubernetesCrudDispatcherException {
      try {
        return JsonMergePatch.apply(baseResource, Serialization.jsonMapper().readTree(patch));
      } catch (JsonProcessingException e) {
        throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
      MockResponse answer = Discovery.answer(request.getMethod(), bare);
      if (answer != null) {
        return answer;
      }
      if (!keepEvents && "POST".equals(request.getMethod()) && bare.matches("/api/v1/namespaces/[^/]+/events")) {
        return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
            .setBody(request.getUtf8Body());
      }
      if ("GET".equals(request.getMethod()) && PlainWatch.isPlainWatch(query, request)) {
        return PlainWatch.answer(bare, query, this::handleGet);
      }
      MockResponse response = super.dispatch(request);
      String accept = request.getHeader("Accept");
      if ("GET".equals(request.getMethod()) && accept != null && accept.contains("as=Table")
          && bare.contains("/" + CASTERS + "") && response.code() == 200) {
        return asTable(response);
      }
      return response;
    }

    private MockResponse asTable(MockResponse response) {
      try {
        JsonNode body = Serialization.jsonMapper().readTree(response.getBody().readUtf8());
        JsonNode table = TableView.of(body, PRINTER_COLUMNS, java.time.Instant.now());
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
            .setBody(Serialization.jsonMapper().writeValueAsString(table));
      } catch (JsonProcessingException e) {
        return response;
      }
    }
  }
}
