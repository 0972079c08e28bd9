package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.casteroperator.api.crd.CrdGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * An in-process Kubernetes API server: fabric8's mock server in CRUD mode with the Caster CRD
 * installed (so status is a subresource and generation moves with spec only), answering kubectl as
 * kube-apiserver with the CRD installed would ({@link ApiDispatcher}): discovery and OpenAPI, the
 * CRD's schema and CEL rules on write (unless turned off), protobuf bodies, server-side apply, field
 * and label selectors, Tables, and watches over plain HTTP as well as WebSocket.
 */
public final class MockKubernetes implements AutoCloseable {

  /** The mock server logs every request through java.util.logging; keep a reference, or the level is lost. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /**
   * How the API server runs.
   *
   * @param port the port on the loopback interface (0 for any free port)
   * @param keepEvents false: Events are acknowledged but not stored. The mock lists by scanning all it
   *     stores, so thousands of Events would slow every later request; the benchmark measures the
   *     operator, not that
   * @param schemaValidation whether Caster writes are pruned, defaulted and validated against the
   *     CRD's schema and CEL rules, as on a cluster; off, any Caster is stored as sent (as on a cluster
   *     whose CRD has no schema), so broken manifests reach the operator
   */
  public record Options(int port, boolean keepEvents, boolean schemaValidation) {

    public static Options defaults() {
      return new Options(0, true, true);
    }

    public Options withPort(int port) {
      return new Options(port, keepEvents, schemaValidation);
    }

    public Options withKeepEvents(boolean keepEvents) {
      return new Options(port, keepEvents, schemaValidation);
    }

    public Options withSchemaValidation(boolean schemaValidation) {
      return new Options(port, keepEvents, schemaValidation);
    }
  }

  private final Vertx vertx;
  private final ApiHttpServer server;
  private final HttpWatch watches;
  private final KubernetesClient client;

  private MockKubernetes(Vertx vertx, ApiHttpServer server, HttpWatch watches) {
    this.vertx = vertx;
    this.server = server;
    this.watches = watches;
    this.client = newClient();
  }

  /** Starts on {@code port} (0 for any free port) on the loopback interface, with the CRD installed. */
  public static MockKubernetes start(int port) {
    return start(Options.defaults().withPort(port));
  }

  /** As {@link #start(int)}; with {@code keepEvents} false, Events are acknowledged but not stored. */
  public static MockKubernetes start(int port, boolean keepEvents) {
    return start(Options.defaults().withPort(port).withKeepEvents(keepEvents));
  }

  public static MockKubernetes start(Options options) {
    JsonNode crd = crdJson();
    CustomResourceDefinition definition = Serialization.jsonMapper().convertValue(crd, CustomResourceDefinition.class);
    JsonNode version = crd.path("spec").path("versions").path(0);
    SchemaAdmission admission = options.schemaValidation()
        ? new SchemaAdmission(version.path("schema").path("openAPIV3Schema"), crd.path("spec").path("group").asText(),
            version.path("name").asText(), crd.path("spec").path("names").path("kind").asText())
        : null;
    ApiDispatcher dispatcher = new ApiDispatcher(options.keepEvents(), admission, new OpenApiDocuments(crd),
        definition.getSpec().getVersions().get(0).getAdditionalPrinterColumns(), crd.path("spec").path("group").asText());
    // One event loop, as fabric8's MockWebServer has: requests are handled one at a time, in order.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    HttpWatch watches = new HttpWatch(vertx);
    dispatcher.watches(watches);
    ApiHttpServer server;
    try {
      server = ApiHttpServer.start(vertx, InetAddress.getLoopbackAddress(), options.port(), dispatcher);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
    MockKubernetes kube = new MockKubernetes(vertx, server, watches);
    kube.client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
    // Every cluster has the default namespace (kubectl get namespaces shows it).
    kube.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName("default").endMetadata().withNewStatus().withPhase("Active").endStatus().build()).create();
    return kube;
  }

  /** The CRD the build generated from the api package. */
  public static CustomResourceDefinition crd() {
    return Serialization.jsonMapper().convertValue(crdJson(), CustomResourceDefinition.class);
  }

  /** The CRD the build generated, as a JSON tree (every schema keyword as written). */
  static JsonNode crdJson() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = MockKubernetes.class.getResourceAsStream("/crds/" + CrdGenerator.FILE_NAME)) {
      if (in == null) {
        return yaml.readTree(CrdGenerator.generate().getBytes(StandardCharsets.UTF_8));
      }
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of this server (each caller gets its own; close it when done). */
  public KubernetesClient newClient() {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(url())
        .withNamespace("test")
        .withHttp2Disable(true)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The client this object owns. */
  public KubernetesClient client() {
    return client;
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://localhost:" + server.port();
  }

  @Override
  public void close() {
    try {
      client.close();
      watches.close();
      server.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
          .exceptionally(e -> null).join();
    }
  }
}
