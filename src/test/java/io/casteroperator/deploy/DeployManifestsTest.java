package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/: the plain manifests `kubectl apply -k deploy` installs, and the Dockerfile of the image
 * they name. (That deploy/crd equals the generated CRD is CrdDriftTest's.)
 */
class DeployManifestsTest {

  static final Path DEPLOY = Path.of("deploy");
  static final String OPERATOR_NAMESPACE = "caster-operator";
  static final String SERVICE_ACCOUNT = "caster-operator";

  private static List<String> resources;
  private static Manifests manifests;

  @BeforeAll
  static void read() {
    JsonNode kustomization = Manifests.readYaml(DEPLOY.resolve("kustomization.yaml"));
    resources = RunCommandEnv.textList(kustomization.path("resources"));
    manifests = Manifests.read(resources.stream().map(DEPLOY::resolve).toArray(Path[]::new));
  }

  @Test
  void kustomizationListsExactlyTheManifestsThatExist() throws IOException {
    for (String resource : resources) {
      assertFalse(resource.contains(".."), resource + ": kustomize refuses files outside deploy/");
      assertTrue(Files.isRegularFile(DEPLOY.resolve(resource)), "kustomization.yaml lists " + resource + ", which does not exist");
    }
    Set<String> manifestFiles = new TreeSet<>();
    try (Stream<Path> top = Files.list(DEPLOY); Stream<Path> crd = Files.list(DEPLOY.resolve("crd"))) {
      Stream.concat(top, crd)
          .filter(Files::isRegularFile)
          .map(p -> DEPLOY.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml"))
          .filter(p -> !p.equals("kustomization.yaml"))
          .forEach(manifestFiles::add);
    }
    Set<String> expected = new TreeSet<>(manifestFiles);
    // Applying it again would overwrite real keys with placeholders: created by hand instead.
    expected.remove("credentials-secret.example.yaml");
    assertEquals(expected, new TreeSet<>(resources), "kustomization.yaml must list every manifest of deploy/");
    assertTrue(manifestFiles.contains("credentials-secret.example.yaml"), "the example credentials Secret exists");
    assertEquals(resources.size(), new TreeSet<>(resources).size(), "no resource listed twice");
  }

  @Test
  void installsTheCrdTheOperatorAndNothingElse() {
    List<String> kinds = manifests.all().stream().map(o -> o.path("kind").asText()).sorted().toList();
    assertEquals(List.of("ClusterRole", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment",
        "Namespace", "Role", "RoleBinding", "RoleBinding", "Service", "ServiceAccount"), kinds);
    assertEquals("casters.live.caster-operator.io", Manifests.name(manifests.one("CustomResourceDefinition")));
    assertEquals(OPERATOR_NAMESPACE, Manifests.name(manifests.one("Namespace")));
    for (JsonNode object : manifests.all()) {
      assertFalse(object.path("apiVersion").asText().isEmpty(), "apiVersion of " + object);
      assertFalse(Manifests.name(object).isEmpty(), "metadata.name of " + object.path("kind"));
    }
  }

  @Test
  void operatorObjectsLiveInTheOperatorNamespace() {
    Set<String> watched = watchedNamespaces();
    for (JsonNode object : manifests.all()) {
      String kind = object.path("kind").asText();
      if (Set.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding").contains(kind)) {
        assertTrue(Manifests.namespace(object) == null, kind + " is cluster-scoped");
        continue;
      }
      String namespace = Manifests.namespace(object);
      assertNotNull(namespace, kind + " " + Manifests.name(object) + " names its namespace");
      boolean casterRbac = kind.startsWith("Role") && Manifests.name(object).equals("caster-operator");
      if (casterRbac) {
        assertTrue(watched.contains(namespace), kind + " for Casters in " + namespace + ", which is not watched");
      } else {
        assertEquals(OPERATOR_NAMESPACE, namespace, kind + " " + Manifests.name(object));
      }
    }
  }

  @Test
  void neitherListsSecretsNorRunsTwoOperatorsAtOnce() {
    manifests.assertNoUnnamedSecretList();
    manifests.assertOneActiveOperator();
  }

  /** What `kubectl kustomize deploy` renders (the real kubectl, as a user runs it). */
  @Test
  void kubectlKustomizeRendersTheSameRules() throws Exception {
    Process kubectl = new ProcessBuilder("kubectl", "kustomize", "deploy").redirectErrorStream(true).start();
    String rendered = new String(kubectl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, kubectl.waitFor(), "kubectl kustomize deploy (kubectl must be on PATH): " + rendered);
    Manifests kustomized = Manifests.parse(rendered);
    kustomized.assertNoUnnamedSecretList();
    kustomized.assertOneActiveOperator();
    kustomized.assertLeastPrivilege(SERVICE_ACCOUNT, OPERATOR_NAMESPACE);
  }

  @Test
  void deploymentIsHardened() {
    manifests.assertHardened();
    JsonNode pod = manifests.one("Deployment").path("spec").path("template").path("spec");
    assertEquals(SERVICE_ACCOUNT, pod.path("serviceAccountName").asText());
    assertEquals(SERVICE_ACCOUNT, Manifests.name(manifests.one("ServiceAccount")));
  }

  @Test
  void serviceExposesTheMetricsPort() {
    manifests.assertServiceReachesPods();
  }

  @Test
  void twoReplicasElectALeaderInTheirOwnNamespace() {
    JsonNode deployment = manifests.one("Deployment");
    assertEquals(2, deployment.path("spec").path("replicas").asInt());
    Map<String, String> env = manifests.env();
    assertEquals("true", env.get("LEADER_ELECTION"));
    assertEquals("metadata.namespace", manifests.envVar("POD_NAMESPACE").path("valueFrom").path("fieldRef").path("fieldPath").asText());
    assertEquals("metadata.name", manifests.envVar("POD_NAME").path("valueFrom").path("fieldRef").path("fieldPath").asText());
    manifests.assertLeaseAccess(SERVICE_ACCOUNT, OPERATOR_NAMESPACE, OPERATOR_NAMESPACE, env.get("LEASE_NAME"));
  }

  @Test
  void rbacGrantsExactlyWhatTheOperatorCallsInTheWatchedNamespaces() {
    manifests.assertLeastPrivilege(SERVICE_ACCOUNT, OPERATOR_NAMESPACE);
    Set<String> watched = watchedNamespaces();
    assertFalse(watched.isEmpty(), "deploy/ watches named namespaces, not the whole cluster");
    assertEquals(watched, manifests.casterNamespaces(SERVICE_ACCOUNT, OPERATOR_NAMESPACE),
        "Roles for Casters exist exactly in WATCH_NAMESPACES");
    manifests.rolesBoundTo(SERVICE_ACCOUNT, OPERATOR_NAMESPACE).forEach((binding, role) -> {
      if (Manifests.grants(role).stream().anyMatch(g -> g.startsWith("live.caster-operator.io/"))) {
        assertEquals(new TreeSet<>(Manifests.CASTER_GRANTS), Manifests.grants(role), "grants of " + Manifests.name(role));
      }
    });
  }

  @Test
  void credentialsComeFromTheExampleSecretsNameAndKeys() {
    JsonNode secret = Manifests.readYaml(DEPLOY.resolve("credentials-secret.example.yaml"));
    assertEquals("Secret", secret.path("kind").asText());
    assertEquals(OPERATOR_NAMESPACE, Manifests.namespace(secret));
    Set<String> keys = new TreeSet<>();
    secret.path("stringData").fieldNames().forEachRemaining(keys::add);
    assertEquals(Set.of("accessKeyId", "accessKeySecret", "accountId"), keys);
    secret.path("stringData").forEach(v -> assertTrue(v.asText().startsWith("REPLACE_WITH_"), "placeholder values only"));
    for (String variable : List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCOUNT_ID")) {
      JsonNode ref = manifests.envVar(variable).path("valueFrom").path("secretKeyRef");
      assertEquals(Manifests.name(secret), ref.path("name").asText(), variable);
      assertTrue(keys.contains(ref.path("key").asText()), variable + " reads a key the Secret has");
    }
    assertEquals("default-chain", manifests.env().get("DEFAULT_CREDENTIALS"));
  }

  @Test
  void theRunCommandAcceptsTheDeploymentsEnvironment() {
    JsonNode settings = RunCommandEnv.settings(manifests);
    assertEquals(watchedNamespaces(), new TreeSet<>(RunCommandEnv.textList(settings.path("namespaces"))));
    assertEquals("caster-operator", settings.path("leaderElection").path("name").asText());
    assertEquals(OPERATOR_NAMESPACE, settings.path("leaderElection").path("namespace").asText());
    assertEquals("caster-operator-7d9f8b6c5-x2x4z", settings.path("leaderElection").path("identity").asText());
    assertEquals("default-chain", settings.path("defaultCredentials").asText());
    assertEquals("from-secret-accountId", settings.path("accountId").asText());
    assertEquals(10, settings.path("quotas").path("SetCasterConfig").asInt(), "documented quotas kept");
    assertEquals(8080, settings.path("httpPort").asInt());
    assertEquals("json", settings.path("logFormat").asText());
  }

  @Test
  void imageIsTheOneTheChartNamesAndTheDockerfileBuilds() {
    JsonNode chart = Manifests.readYaml(Path.of("helm/caster-operator/Chart.yaml"));
    JsonNode values = Manifests.readYaml(Path.of("helm/caster-operator/values.yaml"));
    String image = values.path("image").path("repository").asText() + ":" + chart.path("appVersion").asText();
    assertEquals(image, manifests.container().path("image").asText());
    assertTrue(Dockerfile.read().text().contains("-t " + image + " target/image"), "the Dockerfile's build command tags " + image);
  }

  /** That the Dockerfile copies exactly the image tree is ImageTreeIT's; this is what it runs, and as whom. */
  @Test
  void dockerfileRunsTheJarAsTheDeploymentsNonRootUser() throws IOException {
    Dockerfile dockerfile = Dockerfile.read();
    List<Dockerfile.Instruction> from = dockerfile.all("FROM");
    assertEquals(1, from.size(), "one stage: the JRE, onto which the image tree is copied");
    assertTrue(from.get(0).arguments().matches("\\S*17\\S*jre\\S*"), from.get(0).toString());

    String finalName = matchOne(Files.readString(Path.of("pom.xml")), "<finalName>([^<]+)</finalName>");
    List<String> entrypoint = dockerfile.entrypoint();
    assertEquals("java", entrypoint.get(0));
    assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), "the heap follows the container's memory limit: " + entrypoint);
    assertEquals(List.of("-jar", "/app/" + finalName + ".jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));

    String user = dockerfile.last("USER").arguments();
    String uid = user.split(":")[0];
    assertTrue(uid.matches("[0-9]+") && !uid.equals("0"), "USER must be a numeric non-root uid (runAsNonRoot checks it): " + user);
    JsonNode podSecurity = manifests.one("Deployment").path("spec").path("template").path("spec").path("securityContext");
    assertEquals(uid, podSecurity.path("runAsUser").asText(), "the Deployment runs the image's user");
    assertEquals(List.of("run"), RunCommandEnv.textList(manifests.container().path("args")));
    assertEquals(List.of("run"), dockerfile.command().subList(entrypoint.size(), dockerfile.command().size()), "CMD");
  }

  private Set<String> watchedNamespaces() {
    return Arrays.stream(manifests.env().get("WATCH_NAMESPACES").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String matchOne(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1).strip();
  }
}
