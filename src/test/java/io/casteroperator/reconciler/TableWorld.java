package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Condition;
import io.casteroperator.live.LiveCredentials;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.ratelimit.BudgetSettings;
import io.casteroperator.testing.Examples;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Caster, the reconciler, a {@link FakeCloud} and a fake Kubernetes side, for table tests: a
 * row sets up the world, reconciles, and reads what a user would see (status, events, calls).
 * The budget never makes a call wait (its clock jumps a second per look), and the reconciler's
 * clock moves only when a row says so.
 */
final class TableWorld implements Kube {

  static final String ACCOUNT = "acct";
  static final String OTHER_ACCOUNT = "other";
  static final String REGION = "cn-shanghai";
  static final String NAMESPACE = "default";

  final FakeCloud cloud = new FakeCloud();
  final Map<String, Secret> secrets = new HashMap<>();
  final List<String> events = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  private final AtomicLong budgetNanos = new AtomicLong();
  private Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private CasterReconciler reconciler;
  private final ReconcilerSettings settings;
  private final ApiBudgets budgets;
  Caster caster;
  Duration wakeUp;

  TableWorld() {
    this(ReconcilerSettings.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5)));
  }

  TableWorld(ReconcilerSettings settings) {
    this.settings = settings;
    this.budgets = new ApiBudgets(
        new BudgetSettings(Map.of(), 10, 0.02, Duration.ofMillis(10), Duration.ofSeconds(10), Duration.ofSeconds(10)),
        () -> budgetNanos.addAndGet(1_000_000_000L));
    reconciler = newReconciler(settings);
  }

  private CasterReconciler newReconciler(ReconcilerSettings settings) {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    return new CasterReconciler(
        settings.withDefaultCredentials(new LiveCredentials.AccessKey("LTAIdefault", "default-secret", null, ACCOUNT)),
        cloud, budgets, new ReconcilerMetrics(new SimpleMeterRegistry(), budgets), clock,
        (user, namespace, name) -> secrets.get(namespace + "/" + name));
  }

  /** A Secret with these keys, base64-encoded as Kubernetes stores them. */
  TableWorld secret(String name, Map<String, String> keys) {
    Map<String, String> data = new HashMap<>();
    keys.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    secrets.put(NAMESPACE + "/" + name, new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .withResourceVersion(UUID.randomUUID().toString()).endMetadata().withData(data).build());
    return this;
  }

  /** A Secret whose data is exactly this (not encoded), to break it. */
  TableWorld rawSecret(String name, Map<String, String> data) {
    secrets.put(NAMESPACE + "/" + name, new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .withResourceVersion(UUID.randomUUID().toString()).endMetadata().withData(data).build());
    return this;
  }

  TableWorld withoutSecret(String name) {
    secrets.remove(NAMESPACE + "/" + name);
    return this;
  }

  /** The Caster, with this spec (YAML as under spec:); a new generation when it already exists. */
  TableWorld spec(String specYaml) {
    Caster next = Examples.parse("""
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata: {name: studio, namespace: default}
        spec:
        %s""".formatted(specYaml.stripTrailing().indent(2)));
    if (caster == null) {
      next.getMetadata().setUid(UUID.randomUUID().toString());
      next.getMetadata().setGeneration(1L);
      next.getMetadata().setCreationTimestamp(now.toString());
      caster = next;
    } else {
      caster.setSpec(next.getSpec());
      caster.getMetadata().setGeneration(caster.getMetadata().getGeneration() + 1);
    }
    return this;
  }

  /** The Caster's spec as raw JSON, however broken. */
  TableWorld rawSpec(String json) {
    String spec = Serialization.asJson(caster.getSpec());
    Caster copy = Serialization.unmarshal(Serialization.asJson(caster).replace("\"spec\":" + spec, "\"spec\":" + json), Caster.class);
    copy.getMetadata().setGeneration(caster.getMetadata().getGeneration() + 1);
    caster = copy;
    return this;
  }

  /** The caster runs (started in the console). */
  TableWorld running(String id) {
    cloud.casters.get(id).running = true;
    return this;
  }

  /** Channels are on in the cloud (enabled in the console). */
  TableWorld withChannels(String id) {
    FakeCloud.Caster c = cloud.casters.get(id);
    c.config = c.config.withChannelEnable(true);
    return this;
  }

  /** Someone deletes an overlay in the console. */
  TableWorld consoleDeletesComponent(String id, String name) {
    cloud.casters.get(id).components.values().removeIf(c -> c.name().equals(name));
    return this;
  }

  /** Someone moves a video layer of the (first) layout in the console. */
  TableWorld consoleMovesLayer(String id, int layer, double x) {
    var layouts = cloud.casters.get(id).layouts;
    var entry = layouts.entrySet().iterator().next();
    var l = entry.getValue();
    var layers = new java.util.ArrayList<>(l.videoLayers());
    var v = layers.get(layer);
    layers.set(layer, new io.casteroperator.config.studio.LayoutValue.VideoLayerValue(v.fillMode(), v.heightNormalized(),
        v.widthNormalized(), List.of(x, v.positionNormalized().get(1)), v.positionRefer(), v.fixedDelayDuration()));
    entry.setValue(new io.casteroperator.config.studio.LayoutValue(l.blendList(), l.mixList(), layers, l.audioLayers()));
    return this;
  }

  TableWorld deletedInConsole(String id) {
    cloud.casters.remove(id);
    return this;
  }

  TableWorld failing(String action, String code, int httpStatus) {
    cloud.failing(action, code, httpStatus);
    return this;
  }

  TableWorld incompleteListing() {
    cloud.incompleteListing();
    return this;
  }

  /** Someone edits the status (kubectl edit --subresource=status). */
  TableWorld editStatus(java.util.function.Consumer<CasterStatus> edit) {
    edit.accept(caster.getStatus());
    return this;
  }

  /** The operator restarts: a new reconciler, which remembers nothing. */
  TableWorld restarted() {
    reconciler = newReconciler(settings);
    return this;
  }

  TableWorld markDeleted() {
    caster.getMetadata().setDeletionTimestamp(now.toString());
    return this;
  }

  TableWorld later(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  /** One reconcile; events and calls of earlier reconciles are forgotten first. */
  TableWorld reconcile() {
    events.clear();
    warnings.clear();
    cloud.calls.clear();
    wakeUp = reconciler.reconcile(caster, this);
    return this;
  }

  CasterStatus status() {
    return caster.getStatus();
  }

  String ready() {
    Condition c = condition("Ready");
    return c == null ? null : c.getStatus() + "/" + c.getReason();
  }

  Condition condition(String type) {
    return status() == null || status().getConditions() == null ? null
        : status().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  boolean hasFinalizer() {
    return caster.hasFinalizer(Annotations.FINALIZER);
  }

  // ---------------------------------------------------------------- Kube

  @Override
  public List<Caster> castersNaming(String casterId) {
    return List.of(caster);
  }

  @Override
  public void annotateCasterId(Caster c, String casterId) {
    if (c.getMetadata().getAnnotations() == null) {
      c.getMetadata().setAnnotations(new HashMap<>());
    }
    c.getMetadata().getAnnotations().put(Annotations.CASTER_ID, casterId);
  }

  @Override
  public void addFinalizer(Caster c) {
    c.addFinalizer(Annotations.FINALIZER);
  }

  @Override
  public void removeFinalizer(Caster c) {
    c.removeFinalizer(Annotations.FINALIZER);
  }

  @Override
  public StatusWriter.Written writeStatus(Caster c, CasterStatus after) {
    c.setStatus(Serialization.unmarshal(Serialization.asJson(after), CasterStatus.class));
    return new StatusWriter.Written(StatusWriter.Result.WRITTEN, null);
  }

  @Override
  public void saveSecret(Secret secret, boolean create) {
    secrets.put(secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
  }

  @Override
  public void recordEvent(Caster c, boolean warning, String reason, String message) {
    (warning ? warnings : events).add(reason + ": " + message);
  }

  List<String> eventReasons() {
    return events.stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
  }

  List<String> warningReasons() {
    return warnings.stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
  }
}
