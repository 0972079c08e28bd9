package io.casteroperator.playground;

import io.casteroperator.api.Caster;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.OperatorHttpServer;
import io.casteroperator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole system on one machine, for a first look: an in-process Kubernetes API server, the Live
 * API emulator and the operator, wired together, with example manifests applied and a kubeconfig
 * for kubectl. Nothing here is part of the production operator.
 */
public final class Playground implements AutoCloseable {

  /** The Secret that examples name in credentialsSecretRef, with the demo account's key. */
  public static final String CREDENTIALS_SECRET = "live-credentials";
  public static final String NAMESPACE = "default";

  /** Ready reasons after which nothing more happens without the user. */
  private static final Set<String> SETTLED = Set.of(Conditions.Reason.APPLIED, Conditions.Reason.OBSERVED,
      Conditions.Reason.INVALID_SPEC, Conditions.Reason.CASTER_ID_CONFLICT, Conditions.Reason.CASTER_ID_IMMUTABLE,
      Conditions.Reason.CREDENTIALS_ERROR, Conditions.Reason.CLOUD_ERROR, Conditions.Reason.CHANNEL_DISABLE_UNSUPPORTED,
      Conditions.Reason.CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER, Conditions.Reason.DRIFT_DETECTED);

  private final LiveEmulator emulator;
  private final MockKubernetes kube;
  private final CasterOperator operator;
  private final OperatorHttpServer http;
  private final List<String> applied = new ArrayList<>();
  /** Manifests the API server refused, with its answer, as kubectl apply would print them. */
  private final List<String> refused = new ArrayList<>();

  private Playground(LiveEmulator emulator, MockKubernetes kube, CasterOperator operator, OperatorHttpServer http) {
    this.emulator = emulator;
    this.kube = kube;
    this.operator = operator;
    this.http = http;
  }

  public static Playground start(PlaygroundOptions options) throws IOException {
    LiveEmulator emulator = LiveEmulator.builder()
        .port(options.emulatorPort())
        .account(options.accessKeyId(), options.accessKeySecret(), LiveEmulator.DEMO_ACCOUNT)
        // Its casters live where the operator's Casters without spec.regionId go.
        .defaultRegion(ReconcilerSettings.defaults().defaultRegion())
        .build()
        .start();
    MockKubernetes kube = null;
    CasterOperator operator = null;
    try {
      kube = MockKubernetes.start(MockKubernetes.Options.defaults().withPort(options.kubePort())
          .withSchemaValidation(options.schemaValidation()));
      Kubeconfig.write(options.kubeconfig(), kube.url());
      credentialsSecret(kube.client(), options);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      operator = CasterOperator.start(kube.newClient(), settings(emulator, options), registry);
      OperatorHttpServer http = options.httpPort() < 0 ? null : OperatorHttpServer.start(options.httpPort(), operator, registry);
      Playground playground = new Playground(emulator, kube, operator, http);
      if (options.manifests() != null) {
        playground.applyAll(options.manifests());
      }
      return playground;
    } catch (IOException | RuntimeException e) {
      if (operator != null) {
        operator.close();
      }
      if (kube != null) {
        kube.close();
      }
      emulator.close();
      throw e;
    }
  }

  /** The operator as production runs it, pointed at the emulator with the demo account as default. */
  private static OperatorSettings settings(LiveEmulator emulator, PlaygroundOptions options) {
    return OperatorSettings.defaults()
        .withLive(LiveSettings.defaults().withEndpoint(URI.create("http://" + emulator.endpoint())))
        .withReconciler(ReconcilerSettings.defaults()
            .withDefaultCredentials(new LiveCredentials.AccessKey(options.accessKeyId(), options.accessKeySecret(),
                null, LiveEmulator.DEMO_ACCOUNT))
            .withDriftInterval(Duration.ofMinutes(1))
            .withPreconditionPoll(Duration.ofSeconds(5)));
  }

  private static void credentialsSecret(KubernetesClient client, PlaygroundOptions options) {
    Secret secret = new SecretBuilder()
        .withNewMetadata().withName(CREDENTIALS_SECRET).withNamespace(NAMESPACE).endMetadata()
        .withData(Map.of(
            "accessKeyId", base64(options.accessKeyId()),
            "accessKeySecret", base64(options.accessKeySecret()),
            "accountId", base64(LiveEmulator.DEMO_ACCOUNT)))
        .build();
    client.resource(secret).create();
  }

  /**
   * Applies every manifest of a directory. A caster that a Caster adopts by casterId is first
   * created in the emulator under that id, as if it had been made in the console.
   */
  public void applyAll(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (HasMetadata item : kube.client().load(in).items()) {
          apply(item);
        }
      }
    }
  }

  private void apply(HasMetadata item) {
    if (item.getMetadata().getNamespace() == null) {
      item.getMetadata().setNamespace(NAMESPACE);
    }
    if (item instanceof GenericKubernetesResource generic && "Caster".equals(generic.getKind())) {
      Object spec = generic.getAdditionalProperties().get("spec");
      if (spec instanceof Map<?, ?> fields && fields.get("casterId") instanceof String casterId
          && emulator.caster(casterId).isEmpty()) {
        emulator.createCaster(LiveEmulator.DEMO_ACCOUNT, casterId, "playground " + item.getMetadata().getName());
      }
    }
    try {
      kube.client().resource(item).create();
    } catch (KubernetesClientException e) {
      String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
      refused.add(item.getMetadata().getNamespace() + "/" + item.getMetadata().getName() + ": refused by the API server: "
          + message);
      return;
    }
    if (item instanceof GenericKubernetesResource generic && "Caster".equals(generic.getKind())) {
      applied.add(item.getMetadata().getNamespace() + "/" + item.getMetadata().getName());
    }
  }

  /** The manifests the API server refused at start (the schema or a CEL rule), with its message. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** The Casters and what they cost, for the table. */
  List<CasterTable.Row> table() {
    List<Caster> casters = kube.client().resources(Caster.class).inAnyNamespace().list().getItems();
    return CasterTable.rows(casters, emulator);
  }

  /** Whether every Caster applied at start has reached a state that needs nothing more from the operator. */
  public boolean settled() {
    List<CasterTable.Row> rows = table();
    return rows.size() >= applied.size()
        && rows.stream().allMatch(r -> r.current() && SETTLED.contains(r.reason()));
  }

  /** The table of Casters as text. */
  public String tableText() {
    return CasterTable.render(table());
  }

  /**
   * What --once checks: every Caster applied at start is Ready for its current generation and
   * cost exactly one SetCasterConfig call. Returns the problems; empty when all is well.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(refused);
    List<CasterTable.Row> rows = table();
    for (String name : applied) {
      CasterTable.Row row = rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
      if (row == null) {
        problems.add(name + ": not found");
      } else if (!row.current() || !"True".equals(row.ready())) {
        problems.add(name + ": not Ready for its current generation (" + row.reason() + ")");
      } else if (row.setCalls() != 1) {
        problems.add(name + ": " + row.setCalls() + " SetCasterConfig calls instead of exactly 1");
      }
    }
    return problems;
  }

  /** The Casters applied at start (namespace/name). */
  public List<String> applied() {
    return List.copyOf(applied);
  }

  public LiveEmulator emulator() {
    return emulator;
  }

  public String kubeUrl() {
    return kube.url();
  }

  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public CasterOperator operator() {
    return operator;
  }

  /** Stops everything and releases every port. */
  @Override
  public void close() {
    try {
      if (http != null) {
        http.close();
      }
      operator.close();
    } finally {
      kube.close();
      emulator.close();
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
