package io.casteroperator.testing;

import static org.awaitility.Awaitility.await;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Condition;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.live.SdkLiveClientFactory;
import io.casteroperator.playground.MockKubernetes;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.casteroperator.runtime.OperatorHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, in one process: the mock Kubernetes API server (CRUD mode, our CRD, which it
 * enforces on write unless {@link #withoutSchemaValidation()}), the
 * Live API emulator, and the operator wired exactly as in production, calling the emulator over
 * HTTP through the real Alibaba Cloud SDK. Every interval is short so tests run in seconds.
 *
 * <p>The emulator's demo account has two keys: the operator's default ({@link #DEFAULT_KEY}) and
 * {@link #SECOND_KEY}, e.g. for Secrets and co-tenants.
 *
 * <p>An integration test class declares it once, and it starts before the class and stops after:
 * {@code @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();}
 */
public final class OperatorFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  public static final String NAMESPACE = "default";
  public static final String DEFAULT_KEY = LiveEmulator.DEMO_ACCESS_KEY_ID;
  public static final String DEFAULT_SECRET = LiveEmulator.DEMO_ACCESS_KEY_SECRET;
  public static final String SECOND_KEY = "LTAIsecondKeyOfDemo";
  public static final String SECOND_SECRET = "second-secret";
  public static final String ACCOUNT = LiveEmulator.DEMO_ACCOUNT;
  /** A key of another account, which cannot see the demo account's casters. */
  public static final String OTHER_ACCOUNT_KEY = "LTAIotherAccount";
  public static final String OTHER_ACCOUNT_SECRET = "other-account-secret";
  public static final String OTHER_ACCOUNT = "other";
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final UnaryOperator<OperatorSettings> customize;
  private final boolean schemaValidation;
  private LiveEmulator emulator;
  private MockKubernetes kube;
  private OperatorSettings settings;
  private CasterOperator operator;
  private OperatorHttpServer http;
  private KubernetesClient operatorClient;
  /** Every request the operator under test sent to the API server: "METHOD /path?query". */
  private final List<String> operatorRequests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private final List<CasterOperator> others = new java.util.ArrayList<>();

  private OperatorFixture(UnaryOperator<OperatorSettings> customize, boolean schemaValidation) {
    this.customize = customize;
    this.schemaValidation = schemaValidation;
  }

  /** A fixture that starts before the test class and stops after it. */
  public static OperatorFixture perClass() {
    return perClass(UnaryOperator.identity());
  }

  /** As {@link #perClass()}; {@code customize} adjusts the operator's (already fast) settings. */
  public static OperatorFixture perClass(UnaryOperator<OperatorSettings> customize) {
    return new OperatorFixture(customize, true);
  }

  /**
   * This fixture with an API server that stores any Caster as sent, as a cluster whose CRD has no
   * schema would: for tests of what the operator does with manifests a validating API server refuses.
   */
  public OperatorFixture withoutSchemaValidation() {
    return new OperatorFixture(customize, false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = LiveEmulator.builder()
        .port(0)
        .account(DEFAULT_KEY, DEFAULT_SECRET, ACCOUNT)
        .account(SECOND_KEY, SECOND_SECRET, ACCOUNT)
        .account(OTHER_ACCOUNT_KEY, OTHER_ACCOUNT_SECRET, OTHER_ACCOUNT)
        .build()
        .start();
    kube = MockKubernetes.start(MockKubernetes.Options.defaults().withSchemaValidation(schemaValidation));
    settings = customize.apply(fastSettings(emulator));
    startOperator();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Production defaults, with short intervals and the emulator as the Live endpoint. */
  public static OperatorSettings fastSettings(LiveEmulator emulator) {
    OperatorSettings defaults = OperatorSettings.defaults();
    return defaults
        .withLive(new LiveSettings(URI.create("http://" + emulator.endpoint()), Duration.ofSeconds(2), Duration.ofSeconds(3)))
        .withReconciler(ReconcilerSettings.defaults()
            .withDefaultCredentials(new LiveCredentials.AccessKey(DEFAULT_KEY, DEFAULT_SECRET, null, ACCOUNT))
            .withDriftInterval(Duration.ofHours(1))
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withSlowProbe(Duration.ofHours(1))
            .withPreconditionPoll(Duration.ofMillis(500)));
  }

  public void startOperator() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operatorClient = recordingClient();
    operator = CasterOperator.start(operatorClient, settings, registry);
    serveMetrics(registry);
    await().atMost(TIMEOUT).until(operator::ready);
  }

  /** A client of the API server that notes every request it sends, as the API server's audit log would. */
  private KubernetesClient recordingClient() {
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(kube.client().getConfiguration())
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("record",
            new io.fabric8.kubernetes.client.http.Interceptor() {
              @Override
              public void before(io.fabric8.kubernetes.client.http.BasicBuilder b,
                  io.fabric8.kubernetes.client.http.HttpRequest request,
                  io.fabric8.kubernetes.client.http.Interceptor.RequestTags tags) {
                java.net.URI uri = request.uri();
                operatorRequests.add(request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
              }
            }))
        .build();
  }

  /** The requests the operator sent to the API server so far, oldest first. */
  public List<String> operatorRequests() {
    synchronized (operatorRequests) {
      return List.copyOf(operatorRequests);
    }
  }

  /** The operator's /healthz, /readyz and /metrics, as `run` serves them. */
  private void serveMetrics(PrometheusMeterRegistry registry) {
    try {
      http = OperatorHttpServer.start(0, operator, registry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the operator's /metrics endpoint answers now (Prometheus text format). */
  public String scrapeMetrics() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + http.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Another operator instance on the same API server and emulator (for leader election), with
   * the fixture's settings adjusted by {@code customize}. Stopped with the fixture at the latest.
   */
  public CasterOperator anotherOperator(UnaryOperator<OperatorSettings> customize) {
    CasterOperator another = CasterOperator.start(kube.newClient(), customize.apply(settings), new SimpleMeterRegistry());
    others.add(another);
    return another;
  }

  /**
   * Restarts the operator with its real SDK client factory wrapped by {@code wrap}: for planting a
   * fault in the operator's own code while every call that is made still goes over HTTP.
   */
  public void restartOperatorWith(UnaryOperator<LiveClientFactory> wrap) {
    stopOperator();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = CasterOperator.start(kube.newClient(), settings, registry, wrap.apply(new SdkLiveClientFactory(settings.live())));
    serveMetrics(registry);
    await().atMost(TIMEOUT).until(operator::ready);
  }

  public void stopOperator() {
    if (http != null) {
      http.close();
      http = null;
    }
    operator.close();
    if (operatorClient != null) {
      operatorClient.close();
      operatorClient = null;
    }
  }

  public void restartOperator() {
    stopOperator();
    startOperator();
  }

  /** The API server's URL. */
  public String kubeUrl() {
    return kube.url();
  }

  /** Whether the operator of this fixture runs now (tests may stop it to run others in its place). */
  public boolean operatorRunning() {
    return operator != null && operator.alive();
  }

  public LiveEmulator emulator() {
    return emulator;
  }

  public KubernetesClient kube() {
    return kube.client();
  }

  public CasterOperator operator() {
    return operator;
  }

  public OperatorSettings settings() {
    return settings;
  }

  /** A name no other test uses. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet();
  }

  /** Creates a caster in the emulator's demo account, as if made in the console. */
  public String cloudCaster() {
    return emulator.createCaster(ACCOUNT, null, "console-made");
  }

  /** Applies a Caster written as YAML: creates it, or replaces the spec of an existing one. */
  public Caster apply(String yaml) {
    Caster caster = Examples.parse(yaml);
    if (caster.getMetadata().getNamespace() == null) {
      caster.getMetadata().setNamespace(NAMESPACE);
    }
    Caster existing = get(caster.getMetadata().getName());
    if (existing == null) {
      return kube().resource(caster).create();
    }
    existing.setSpec(caster.getSpec());
    if (caster.getMetadata().getAnnotations() != null) {
      existing.getMetadata().setAnnotations(caster.getMetadata().getAnnotations());
    }
    return kube().resource(existing).update();
  }

  /** Applies a Caster with this name and spec (YAML, indented as under spec:). */
  public Caster apply(String name, String specYaml) {
    return apply("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
        spec:
        %s""".formatted(name, specYaml.stripTrailing().indent(2)));
  }

  public Caster get(String name) {
    return kube().resources(Caster.class).inNamespace(NAMESPACE).withName(name).get();
  }

  public CasterStatus status(String name) {
    Caster caster = get(name);
    return caster == null ? null : caster.getStatus();
  }

  public void setAnnotation(String name, String key, String value) {
    kube().resources(Caster.class).inNamespace(NAMESPACE).withName(name).edit(c -> {
      if (value == null) {
        if (c.getMetadata().getAnnotations() != null) {
          c.getMetadata().getAnnotations().remove(key);
        }
      } else {
        c.getMetadata().getAnnotations().put(key, value);
      }
      return c;
    });
  }

  public void delete(String name) {
    kube().resources(Caster.class).inNamespace(NAMESPACE).withName(name).delete();
  }

  public Secret secret(String name, Map<String, String> data) {
    Map<String, String> encoded = new java.util.HashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
        .withData(encoded).build();
    return kube().resource(secret).createOr(s -> s.update());
  }

  /** Waits until the Ready condition of {@code name} has this status and reason, for its current generation. */
  public CasterStatus awaitReady(String name, String status, String reason) {
    return awaitStatus(name, s -> hasCondition(name, s, Conditions.READY, status, reason),
        "Ready=" + status + " reason " + reason);
  }

  public CasterStatus awaitReady(String name) {
    return awaitReady(name, "True", Conditions.Reason.APPLIED);
  }

  public CasterStatus awaitCondition(String name, String type, String status, String reason) {
    return awaitStatus(name, s -> hasCondition(name, s, type, status, reason), type + "=" + status + " reason " + reason);
  }

  public CasterStatus awaitStatus(String name, Predicate<CasterStatus> condition, String description) {
    try {
      await(name + " " + description).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
          .until(() -> {
            CasterStatus s = status(name);
            return s != null && condition.test(s);
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Say what the Caster looked like: the first thing anyone needs to know about a failure.
      Caster caster = get(name);
      throw new AssertionError(e.getMessage() + "\nlast seen: generation "
          + (caster == null ? null : caster.getMetadata().getGeneration()) + ", status "
          + io.fabric8.kubernetes.client.utils.Serialization.asJson(caster == null ? null : caster.getStatus())
          + "\nevents: " + events(name).stream().map(ev -> ev.getReason() + ": " + ev.getMessage()).toList(), e);
    }
    return status(name);
  }

  private boolean hasCondition(String name, CasterStatus s, String type, String status, String reason) {
    Caster caster = get(name);
    if (caster == null || s.getConditions() == null
        || !caster.getMetadata().getGeneration().equals(s.getObservedGeneration())) {
      return false;
    }
    Condition c = s.getConditions().stream().filter(x -> type.equals(x.getType())).findFirst().orElse(null);
    return c != null && c.getStatus().name().equals(status) && (reason == null || reason.equals(c.getReason()));
  }

  public static Condition condition(CasterStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }

  /** Calls the emulator received for a caster and action, whatever their outcome. */
  public List<CallRecord> calls(String casterId, String action) {
    return emulator.callLog(action, casterId, null, Integer.MAX_VALUE);
  }

  public int callCount(String casterId, String action) {
    return calls(casterId, action).size();
  }

  /** Events recorded on a Caster. */
  public List<Event> events(String name) {
    return kube().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public static String randomCasterId() {
    return UUID.randomUUID().toString();
  }

  @Override
  public void close() {
    try {
      others.forEach(CasterOperator::close);
      if (operator != null) {
        stopOperator();
      }
    } finally {
      if (kube != null) {
        kube.close();
      }
      if (emulator != null) {
        emulator.close();
      }
    }
  }
}
