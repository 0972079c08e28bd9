package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.casteroperator.api.crd.CrdGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm/caster-operator: lints strictly, and renders what its values say. */
class HelmChartTest {

  static final Path CHART = Path.of("helm/caster-operator");
  static final String RELEASE = "caster-operator";
  static final String NAMESPACE = "caster-operator";
  /**
   * The Kubernetes the chart is rendered for: the oldest it supports. helm-java's embedded helm
   * assumes Kubernetes 1.20 unless told, which Chart.yaml's kubeVersion refuses.
   */
  static final String KUBE_VERSION = "1.28.0";

  /** Everything differs from the defaults. */
  static final String CUSTOM_VALUES = """
      replicaCount: 3
      image:
        repository: registry.example.com/media/caster-operator
        tag: 0.2.0-rc.1
      leaderElection:
        leaseName: casters-team-a
        leaseDuration: 30s
      watchNamespaces: [team-a, team-b]
      labelSelector: live.caster-operator.io/account=team-a
      region: cn-beijing
      credentials:
        existingSecret: team-a-live-keys
        accountId: "1234567890123456"
      quotas:
        SetCasterConfig: 5
        DescribeCasterConfig: 8
      maxConcurrentReconciles: 4
      driftInterval: 30m
      logFormat: plain
      resources:
        requests: {cpu: 50m, memory: 300Mi}
        limits: {memory: 600Mi}
      serviceMonitor:
        enabled: true
        labels: {release: prometheus}
      podDisruptionBudget:
        enabled: true
      """;

  private static Manifests defaults;
  private static Manifests custom;
  private static JsonNode chart;

  @TempDir
  static Path temp;

  @BeforeAll
  static void render() throws IOException {
    chart = Manifests.readYaml(CHART.resolve("Chart.yaml"));
    defaults = template(t -> t);
    Path values = temp.resolve("custom-values.yaml");
    Files.writeString(values, CUSTOM_VALUES);
    custom = template(t -> t.withValuesFile(values));
  }

  static Manifests template(UnaryOperator<TemplateCommand> values) {
    return Manifests.parse(values.apply(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION)).call());
  }

  /**
   * Chart.yaml's kubeVersion is the newest of the Kubernetes versions that the CRD's features need:
   * adding a feature that needs a newer Kubernetes fails here until kubeVersion (and the README's
   * supported versions) follow.
   */
  @Test
  void kubeVersionIsWhatTheCrdsFeaturesNeed() throws IOException {
    assertEquals(">=1.28.0-0", chart.path("kubeVersion").asText(), "\"-0\" admits providers' builds such as 1.30.4-eks-a737599");
    // Feature of the CRD's schema → the first Kubernetes that has it on by default.
    Map<String, String> since = Map.of(
        "x-kubernetes-validations:", "1.25", // CEL validation rules, beta and on by default
        "reason:", "1.28", // of a validation rule
        "fieldPath:", "1.28", // of a validation rule
        "optionalOldSelf:", "1.30"); // CRDValidationRatcheting, beta and on by default
    String crd = Files.readString(CHART.resolve("crds").resolve(CrdGenerator.FILE_NAME));
    String needed = since.entrySet().stream()
        .filter(f -> crd.lines().map(String::stripLeading).anyMatch(l -> l.startsWith(f.getKey()) || l.startsWith("- " + f.getKey())))
        .map(Map.Entry::getValue).max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.substring(2)))).orElseThrow();
    assertEquals("1.28", needed, "the CRD's features need Kubernetes " + needed);
    assertEquals(">=" + needed + ".0-0", chart.path("kubeVersion").asText());
    assertTrue(Files.readString(Path.of("README.md")).contains("Kubernetes " + needed + " or later"),
        "the README states the supported Kubernetes versions");
  }

  @Test
  void rendersForTheOldestSupportedKubernetesAndNewerOnesAndRefusesOlderOnes() {
    for (String version : List.of("1.28.0", "v1.30.4-eks-a737599", "v1.31.1-gke.1146000", "1.34.0")) {
      assertEquals(1, template(t -> t.withKubeVersion(version)).ofKind("Deployment").size(), version);
    }
    IllegalStateException older = assertThrows(IllegalStateException.class, () -> template(t -> t.withKubeVersion("1.27.16")));
    assertTrue(older.getMessage().contains("chart requires kubeVersion: >=1.28.0-0 which is incompatible with Kubernetes v1.27.16"),
        older.getMessage());
  }

  /**
   * Without --kube-version, `helm template` assumes the Kubernetes version its helm was built for. The
   * helm 3 CLI is built with its client-go's version (1.28 from helm 3.13 on), so it renders the chart;
   * helm-java's embedded helm is built without it and assumes 1.20, which the chart refuses, saying
   * why. (No helm CLI is installed where this suite runs; the release workflow runs the real one.)
   */
  @Test
  void helmJavaWithoutAKubeVersionAssumesKubernetes120AndTheChartSaysWhatItNeeds() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).call());
    assertTrue(refused.getMessage().contains("chart requires kubeVersion: >=1.28.0-0 which is incompatible with Kubernetes v1.20.0"),
        refused.getMessage());
  }

  /** What the release workflow pushes: `helm package` names it after the chart and its version. */
  @Test
  void packagesAsTheReleasePushesIt() throws IOException {
    Path packages = Files.createDirectories(temp.resolve("packages"));
    new Helm(CHART).packageIt().withDestination(packages).call();
    try (Stream<Path> files = Files.list(packages)) {
      assertEquals(List.of(chart.path("name").asText() + "-" + chart.path("version").asText() + ".tgz"),
          files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void lintsStrictly() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertFalse(lint.isFailed(), "helm lint --strict: " + lint.getMessages());
    assertTrue(lint.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")), lint.getMessages().toString());
  }

  @Test
  void chartCrdsHoldOnlyTheCrd() throws IOException {
    try (Stream<Path> files = Files.list(CHART.resolve("crds"))) {
      assertEquals(List.of(CrdGenerator.FILE_NAME), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "helm installs every file of crds/ as is: only the CRD belongs there");
    }
  }

  @Test
  void defaultsRunTwoReplicasOfTheAppVersionWithLeaderElection() {
    JsonNode deployment = defaults.one("Deployment");
    assertEquals(2, deployment.path("spec").path("replicas").asInt());
    assertEquals("ghcr.io/caster-operator/caster-operator:" + chart.path("appVersion").asText(), defaults.container().path("image").asText());
    Map<String, String> env = defaults.env();
    assertEquals("true", env.get("LEADER_ELECTION"));
    assertEquals(RELEASE, env.get("LEASE_NAME"));
    assertEquals("", env.get("WATCH_NAMESPACES"));
    assertEquals("json", env.get("LOG_FORMAT"));
    assertFalse(env.containsKey("QUOTAS"), "no QUOTAS: the documented quotas apply");
    assertFalse(env.containsKey("ALIBABA_CLOUD_ACCESS_KEY_ID"), "no AccessKey without credentials.existingSecret");
    defaults.assertHardened();
    defaults.assertServiceReachesPods();
    defaults.assertLeaseAccess(RELEASE, NAMESPACE, NAMESPACE, RELEASE);
  }

  @Test
  void defaultsWatchAllNamespacesWithAClusterRole() {
    defaults.assertLeastPrivilege(RELEASE, NAMESPACE);
    assertEquals(Set.of("*"), defaults.casterNamespaces(RELEASE, NAMESPACE));
    JsonNode role = defaults.find("ClusterRole", r -> Manifests.name(r).equals(RELEASE)).orElseThrow();
    assertEquals(new TreeSet<>(Manifests.CASTER_GRANTS), Manifests.grants(role));
    assertTrue(defaults.ofKind("Role").stream().noneMatch(r -> Manifests.grants(r).stream().anyMatch(g -> g.startsWith("/secrets"))),
        "no namespaced Role for Casters when watching all namespaces");
  }

  @Test
  void defaultsHaveNoPodDisruptionBudgetNorServiceMonitorNorServiceAccountAnnotations() {
    assertTrue(defaults.ofKind("PodDisruptionBudget").isEmpty());
    assertTrue(defaults.ofKind("ServiceMonitor").isEmpty());
    assertTrue(defaults.one("ServiceAccount").path("metadata").path("annotations").isMissingNode());
  }

  @Test
  void customValuesReachTheDeployment() {
    assertEquals(3, custom.one("Deployment").path("spec").path("replicas").asInt());
    assertEquals("registry.example.com/media/caster-operator:0.2.0-rc.1", custom.container().path("image").asText());
    Map<String, String> env = custom.env();
    assertEquals("team-a,team-b", env.get("WATCH_NAMESPACES"));
    assertEquals("live.caster-operator.io/account=team-a", env.get("LABEL_SELECTOR"));
    assertEquals("casters-team-a", env.get("LEASE_NAME"));
    assertEquals("30s", env.get("LEASE_DURATION"));
    assertEquals("DescribeCasterConfig=8,SetCasterConfig=5", env.get("QUOTAS"));
    assertEquals("plain", env.get("LOG_FORMAT"));
    assertEquals("1234567890123456", env.get("ALIBABA_CLOUD_ACCOUNT_ID"));
    for (String variable : List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")) {
      assertEquals("team-a-live-keys", custom.envVar(variable).path("valueFrom").path("secretKeyRef").path("name").asText(), variable);
    }
    JsonNode resources = custom.container().path("resources");
    assertEquals("300Mi", resources.path("requests").path("memory").asText());
    assertEquals("600Mi", resources.path("limits").path("memory").asText());
    custom.assertHardened();
  }

  @Test
  void watchedNamespacesGetARoleEachAndNothingClusterWideButTheRulesReview() {
    custom.assertLeastPrivilege(RELEASE, NAMESPACE);
    assertEquals(Set.of("team-a", "team-b"), custom.casterNamespaces(RELEASE, NAMESPACE));
    for (String namespace : List.of("team-a", "team-b")) {
      JsonNode role = custom.find("Role", r -> namespace.equals(Manifests.namespace(r)) && Manifests.name(r).equals(RELEASE)).orElseThrow();
      assertEquals(new TreeSet<>(Manifests.CASTER_GRANTS), Manifests.grants(role), "Role in " + namespace);
    }
    for (JsonNode clusterRole : custom.ofKind("ClusterRole")) {
      assertEquals(Manifests.RULES_REVIEW_GRANTS, Manifests.grants(clusterRole), "ClusterRole " + Manifests.name(clusterRole));
    }
    custom.assertLeaseAccess(RELEASE, NAMESPACE, NAMESPACE, "casters-team-a");
  }

  @Test
  void customValuesAddThePodDisruptionBudgetAndServiceMonitor() {
    JsonNode pdb = custom.one("PodDisruptionBudget");
    assertEquals(1, pdb.path("spec").path("minAvailable").asInt());
    JsonNode podLabels = custom.one("Deployment").path("spec").path("template").path("metadata").path("labels");
    pdb.path("spec").path("selector").path("matchLabels").fields()
        .forEachRemaining(e -> assertEquals(e.getValue(), podLabels.path(e.getKey()), "PodDisruptionBudget selects the pods"));
    JsonNode monitor = custom.one("ServiceMonitor");
    assertEquals("prometheus", monitor.path("metadata").path("labels").path("release").asText());
    assertEquals("http-metrics", monitor.path("spec").path("endpoints").get(0).path("port").asText());
    assertEquals("http-metrics", custom.one("Service").path("spec").path("ports").get(0).path("name").asText());
  }

  @Test
  void theRunCommandAcceptsWhatTheChartRenders() {
    JsonNode settings = RunCommandEnv.settings(custom);
    assertEquals(List.of("team-a", "team-b"), RunCommandEnv.textList(settings.path("namespaces")));
    assertEquals("live.caster-operator.io/account=team-a", settings.path("labelSelector").asText());
    assertEquals("cn-beijing", settings.path("region").asText());
    assertEquals("1234567890123456", settings.path("accountId").asText());
    assertEquals(5, settings.path("quotas").path("SetCasterConfig").asInt());
    assertEquals(8, settings.path("quotas").path("DescribeCasterConfig").asInt());
    assertEquals(10, settings.path("quotas").path("DeleteCaster").asInt(), "actions not named keep their documented quota");
    assertEquals(4, settings.path("maxConcurrentReconciles").asInt());
    assertEquals("PT30M", settings.path("driftInterval").asText());
    assertEquals("plain", settings.path("logFormat").asText());
    assertEquals("casters-team-a", settings.path("leaderElection").path("name").asText());
    assertEquals(NAMESPACE, settings.path("leaderElection").path("namespace").asText());
    assertEquals("PT30S", settings.path("leaderElection").path("duration").asText());

    JsonNode byDefault = RunCommandEnv.settings(defaults);
    assertEquals(List.of(), RunCommandEnv.textList(byDefault.path("namespaces")), "all namespaces");
    assertTrue(byDefault.path("labelSelector").isNull());
    assertEquals(RELEASE, byDefault.path("leaderElection").path("name").asText());
  }

  @Test
  void rrsaAnnotatesTheServiceAccountAndUsesNoAccessKey() {
    Manifests rrsa = template(t -> t.set("serviceAccount.annotations.pod-identity\\.alibabacloud\\.com/role-name", "caster-operator"));
    assertEquals("caster-operator",
        rrsa.one("ServiceAccount").path("metadata").path("annotations").path("pod-identity.alibabacloud.com/role-name").asText());
    assertEquals(RELEASE, rrsa.one("Deployment").path("spec").path("template").path("spec").path("serviceAccountName").asText());
    assertNull(rrsa.envVar("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    assertNull(rrsa.envVar("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
    assertEquals("default-chain", rrsa.env().get("DEFAULT_CREDENTIALS"));
  }

  @Test
  void noRenderingListsSecretsOrRunsTwoOperatorsAtOnce() {
    Manifests single = template(t -> t.set("replicaCount", 1).set("leaderElection.enabled", false));
    Manifests namespaced = template(t -> t.set("watchNamespaces[0]", "casters").set("watchNamespaces[1]", "media"));
    for (Manifests rendered : List.of(defaults, custom, single, namespaced)) {
      rendered.assertNoUnnamedSecretList();
      rendered.assertOneActiveOperator();
    }
    assertEquals("Recreate", single.one("Deployment").path("spec").path("strategy").path("type").asText(),
        "one replica without leader election: the old pod stops before the new one starts");
  }

  @Test
  void oneReplicaWithoutLeaderElectionNeedsNoLease() {
    Manifests single = template(t -> t.set("replicaCount", 1).set("leaderElection.enabled", false));
    assertEquals(1, single.one("Deployment").path("spec").path("replicas").asInt());
    assertEquals("false", single.env().get("LEADER_ELECTION"));
    assertFalse(single.env().containsKey("LEASE_NAME"));
    assertTrue(single.all().stream().noneMatch(o -> Manifests.name(o).endsWith("-leader-election") || Manifests.name(o).endsWith("-rules-review")),
        "no lease or rules-review RBAC without leader election");
    single.assertLeastPrivilege(RELEASE, NAMESPACE);
  }

  @Test
  void refusesSeveralReplicasWithoutLeaderElection() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> template(t -> t.set("leaderElection.enabled", false)));
    assertTrue(refused.getMessage().contains("replicaCount > 1 needs leaderElection.enabled=true"), refused.getMessage());
  }

  @Test
  void schemaRefusesValuesTheOperatorWouldRefuse() {
    IllegalStateException action = assertThrows(IllegalStateException.class,
        () -> template(t -> t.set("quotas.SetCasterConfigs", 5)));
    assertTrue(action.getMessage().contains("SetCasterConfigs"), action.getMessage());
    IllegalStateException format = assertThrows(IllegalStateException.class,
        () -> template(t -> t.set("logFormat", "xml")));
    assertTrue(format.getMessage().contains("logFormat"), format.getMessage());
    IllegalStateException duration = assertThrows(IllegalStateException.class,
        () -> template(t -> t.set("driftInterval", "ten minutes")));
    assertTrue(duration.getMessage().contains("driftInterval"), duration.getMessage());
    // A 16-digit account id given as a number would be rendered as 1.234567890123456e+15.
    IllegalStateException account = assertThrows(IllegalStateException.class,
        () -> template(t -> t.set("credentials.accountId", 1234567890123456L)));
    assertTrue(account.getMessage().contains("accountId"), account.getMessage());
  }
}
