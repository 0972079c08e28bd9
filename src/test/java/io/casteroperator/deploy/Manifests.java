package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Kubernetes objects read from YAML (files of deploy/, or what the chart renders), and what tests ask of them. */
final class Manifests {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What the operator does with Casters, their Secrets and Events (CasterReconciler, StatusWriter, EventRecorder, JOSDK). */
  static final Set<String> CASTER_GRANTS = Set.of(
      "live.caster-operator.io/casters:get", "live.caster-operator.io/casters:list",
      "live.caster-operator.io/casters:watch", "live.caster-operator.io/casters:patch",
      "live.caster-operator.io/casters:update",
      "live.caster-operator.io/casters/status:patch",
      "live.caster-operator.io/casters/finalizers:update",
      "/secrets:get", "/secrets:watch", "/secrets:create", "/secrets:update",
      "/events:create", "/events:patch");

  static final Set<String> RULES_REVIEW_GRANTS = Set.of("authorization.k8s.io/selfsubjectrulesreviews:create");

  private final List<JsonNode> objects;

  private Manifests(List<JsonNode> objects) {
    this.objects = objects;
  }

  static Manifests parse(String yaml) {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(YAML.getFactory().createParser(yaml))) {
      List<JsonNode> objects = new ArrayList<>();
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode() && node.size() > 0) {
          objects.add(node);
        }
      }
      return new Manifests(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifests read(Path... files) {
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      try {
        all.append(Files.readString(file)).append("\n---\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return parse(all.toString());
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> all() {
    return objects;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, Predicate<JsonNode> filter) {
    return ofKind(kind).stream().filter(filter).findFirst();
  }

  JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertEquals(1, found.size(), "expected exactly one " + kind + ", found " + found.size());
    return found.get(0);
  }

  /** The operator's container of the (single) Deployment. */
  JsonNode container() {
    JsonNode containers = one("Deployment").path("spec").path("template").path("spec").path("containers");
    assertEquals(1, containers.size(), "one container");
    return containers.get(0);
  }

  /** Plain env values of the operator's container; variables set from a Secret or a field map to "valueFrom". */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : container().path("env")) {
      env.put(var.path("name").asText(), var.has("valueFrom") ? "valueFrom" : var.path("value").asText());
    }
    return env;
  }

  JsonNode envVar(String name) {
    for (JsonNode var : container().path("env")) {
      if (name.equals(var.path("name").asText())) {
        return var;
      }
    }
    return null;
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode object) {
    return object.path("metadata").path("namespace").asText(null);
  }

  /** The grants of a Role or ClusterRole as "group/resource:verb" (resource names are left out). */
  static Set<String> grants(JsonNode role) {
    Set<String> grants = new TreeSet<>();
    for (JsonNode rule : role.path("rules")) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
          }
        }
      }
    }
    return grants;
  }

  /** The roles (Role or ClusterRole) bound to the ServiceAccount, with the binding that binds each. */
  Map<JsonNode, JsonNode> rolesBoundTo(String serviceAccount, String serviceAccountNamespace) {
    Map<JsonNode, JsonNode> bound = new LinkedHashMap<>();
    for (String bindingKind : List.of("RoleBinding", "ClusterRoleBinding")) {
      for (JsonNode binding : ofKind(bindingKind)) {
        boolean toAccount = StreamSupport.stream(binding.path("subjects").spliterator(), false)
            .anyMatch(s -> "ServiceAccount".equals(s.path("kind").asText())
                && serviceAccount.equals(s.path("name").asText())
                && serviceAccountNamespace.equals(s.path("namespace").asText()));
        if (!toAccount) {
          continue;
        }
        String roleKind = binding.path("roleRef").path("kind").asText();
        String roleName = binding.path("roleRef").path("name").asText();
        JsonNode role = find(roleKind, r -> roleName.equals(name(r))
            && ("ClusterRole".equals(roleKind) || java.util.Objects.equals(namespace(r), namespace(binding))))
            .orElse(null);
        assertNotNull(role, bindingKind + " " + name(binding) + " refers to a missing " + roleKind + " " + roleName);
        bound.put(binding, role);
      }
    }
    return bound;
  }

  /** Namespaces where the ServiceAccount may act on Casters; "*" for cluster-wide. */
  Set<String> casterNamespaces(String serviceAccount, String serviceAccountNamespace) {
    Set<String> namespaces = new LinkedHashSet<>();
    rolesBoundTo(serviceAccount, serviceAccountNamespace).forEach((binding, role) -> {
      if (grants(role).stream().anyMatch(g -> g.startsWith("live.caster-operator.io/"))) {
        namespaces.add("ClusterRoleBinding".equals(binding.path("kind").asText()) ? "*" : namespace(binding));
      }
    });
    return namespaces;
  }

  /**
   * The least-privilege rules every rendering must keep: no wildcards, Secrets read-only, and
   * nothing granted beyond what the operator calls.
   */
  void assertLeastPrivilege(String serviceAccount, String serviceAccountNamespace) {
    Map<JsonNode, JsonNode> bound = rolesBoundTo(serviceAccount, serviceAccountNamespace);
    assertTrue(!bound.isEmpty(), "no role is bound to " + serviceAccountNamespace + "/" + serviceAccount);
    for (String kind : List.of("Role", "ClusterRole")) {
      for (JsonNode role : ofKind(kind)) {
        for (JsonNode rule : role.path("rules")) {
          for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
            for (JsonNode value : rule.path(field)) {
              assertTrue(!value.asText().contains("*"), kind + " " + name(role) + " has a wildcard in " + field);
            }
          }
          assertTrue(!rule.has("nonResourceURLs"), kind + " " + name(role) + " grants non-resource URLs");
        }
        for (String grant : grants(role)) {
          if (grant.startsWith("/secrets:")) {
            // get and watch: the Secrets Casters name, read by name; create and update: the outputs Secrets
            // (spec.outputsSecretRef) the operator writes and owns. Never list, never delete.
            assertTrue(Set.of("/secrets:get", "/secrets:watch", "/secrets:create", "/secrets:update").contains(grant),
                kind + " " + name(role) + " grants " + grant + " on Secrets");
          }
        }
      }
    }
    Set<String> allowed = new TreeSet<>(CASTER_GRANTS);
    allowed.addAll(RULES_REVIEW_GRANTS);
    allowed.addAll(Set.of("coordination.k8s.io/leases:create", "coordination.k8s.io/leases:get",
        "coordination.k8s.io/leases:update", "coordination.k8s.io/leases:patch"));
    bound.forEach((binding, role) -> {
      Set<String> extra = new TreeSet<>(grants(role));
      extra.removeAll(allowed);
      assertTrue(extra.isEmpty(), name(role) + " grants more than the operator calls: " + extra);
      if (!"ClusterRoleBinding".equals(binding.path("kind").asText())) {
        return;
      }
      // Cluster-wide, only the Caster rules (when watching all namespaces) and the rules review.
      Set<String> clusterWide = new TreeSet<>(grants(role));
      clusterWide.removeAll(CASTER_GRANTS);
      clusterWide.removeAll(RULES_REVIEW_GRANTS);
      assertTrue(clusterWide.isEmpty(), "granted cluster-wide: " + clusterWide);
    });
  }

  /**
   * No role (cluster-wide or not, bound or not) may list Secrets without naming them: a list is
   * every Secret of a namespace (Helm releases, service-account tokens, TLS keys), read into the
   * operator's memory. The operator gets the Secrets Casters name, and watches each by name.
   */
  void assertNoUnnamedSecretList() {
    for (String kind : List.of("Role", "ClusterRole")) {
      for (JsonNode role : ofKind(kind)) {
        for (JsonNode rule : role.path("rules")) {
          boolean secrets = StreamSupport.stream(rule.path("resources").spliterator(), false).anyMatch(r -> r.asText().equals("secrets"));
          boolean list = StreamSupport.stream(rule.path("verbs").spliterator(), false).anyMatch(v -> v.asText().equals("list"));
          assertTrue(!(secrets && list && rule.path("resourceNames").isEmpty()),
              kind + " " + name(role) + " grants list on every Secret");
        }
      }
    }
  }

  /**
   * Never two operators reconciling at once: each Deployment runs with leader election on, or is
   * replaced with strategy Recreate (a rolling update starts the new pod before the old one stops).
   */
  void assertOneActiveOperator() {
    for (JsonNode deployment : ofKind("Deployment")) {
      boolean leaderElection = "true".equals(env().get("LEADER_ELECTION"));
      boolean recreate = "Recreate".equals(deployment.path("spec").path("strategy").path("type").asText());
      assertTrue(leaderElection || recreate,
          "Deployment " + name(deployment) + " runs without leader election and with strategy "
              + deployment.path("spec").path("strategy").path("type").asText("RollingUpdate (the default)"));
    }
  }

  /** The lease rules: create unnamed, get/update/patch on exactly the Lease the operator uses. */
  void assertLeaseAccess(String serviceAccount, String serviceAccountNamespace, String leaseNamespace, String leaseName) {
    Set<String> verbsOnLease = new TreeSet<>();
    rolesBoundTo(serviceAccount, serviceAccountNamespace).forEach((binding, role) -> {
      boolean inLeaseNamespace = "ClusterRoleBinding".equals(binding.path("kind").asText())
          || leaseNamespace.equals(namespace(binding));
      if (!inLeaseNamespace) {
        return;
      }
      for (JsonNode rule : role.path("rules")) {
        boolean leases = StreamSupport.stream(rule.path("apiGroups").spliterator(), false).anyMatch(g -> g.asText().equals("coordination.k8s.io"))
            && StreamSupport.stream(rule.path("resources").spliterator(), false).anyMatch(r -> r.asText().equals("leases"));
        boolean named = rule.path("resourceNames").isEmpty()
            || StreamSupport.stream(rule.path("resourceNames").spliterator(), false).anyMatch(n -> n.asText().equals(leaseName));
        if (leases && named) {
          rule.path("verbs").forEach(v -> verbsOnLease.add(v.asText()));
        }
      }
    });
    // JOSDK checks get, create and update before it starts; fabric8 renews the lease with a merge patch.
    assertEquals(new TreeSet<>(Set.of("create", "get", "update", "patch")), verbsOnLease,
        "verbs on Lease " + leaseNamespace + "/" + leaseName);
  }

  /** What a user sees in `kubectl describe`: the hardening of the pod. */
  void assertHardened() {
    JsonNode pod = one("Deployment").path("spec").path("template").path("spec");
    JsonNode container = container();
    JsonNode podSecurity = pod.path("securityContext");
    JsonNode security = container.path("securityContext");
    assertTrue(podSecurity.path("runAsNonRoot").asBoolean() || security.path("runAsNonRoot").asBoolean(), "runAsNonRoot");
    assertTrue(podSecurity.path("runAsUser").asInt(0) > 0 || security.path("runAsUser").asInt(0) > 0, "a non-root runAsUser");
    assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText(), "seccomp profile");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
    assertEquals(false, security.path("allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation");
    assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), "capabilities dropped");
    assertTrue(!security.path("capabilities").has("add"), "no capability added");
    assertTrue(!pod.path("hostNetwork").asBoolean() && !pod.path("hostPID").asBoolean(), "no host namespaces");

    // The JVM needs a writable /tmp.
    String tmpVolume = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
        .filter(m -> "/tmp".equals(m.path("mountPath").asText())).map(m -> m.path("name").asText()).findFirst().orElse(null);
    assertNotNull(tmpVolume, "/tmp is mounted");
    assertTrue(StreamSupport.stream(pod.path("volumes").spliterator(), false)
        .anyMatch(v -> tmpVolume.equals(v.path("name").asText()) && v.has("emptyDir")), "/tmp is an emptyDir");

    for (String kind : List.of("requests", "limits")) {
      JsonNode resources = container.path("resources").path(kind);
      assertTrue(resources.has("memory"), "resources." + kind + ".memory");
    }
    assertTrue(container.path("resources").path("requests").has("cpu"), "resources.requests.cpu");

    // Probes hit the operator's endpoints on the port it listens on.
    Map<String, String> env = env();
    int port = Integer.parseInt(env.getOrDefault("HTTP_PORT", "8080"));
    JsonNode http = StreamSupport.stream(container.path("ports").spliterator(), false)
        .filter(p -> "http".equals(p.path("name").asText())).findFirst().orElse(null);
    assertNotNull(http, "a port named http");
    assertEquals(port, http.path("containerPort").asInt(), "containerPort equals HTTP_PORT");
    assertEquals("/healthz", container.path("livenessProbe").path("httpGet").path("path").asText(), "liveness probe");
    assertEquals("/readyz", container.path("readinessProbe").path("httpGet").path("path").asText(), "readiness probe");
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), probe + " port");
    }
  }

  /** The Service selects the operator's pods and targets its http port. */
  void assertServiceReachesPods() {
    JsonNode service = one("Service");
    JsonNode labels = one("Deployment").path("spec").path("template").path("metadata").path("labels");
    service.path("spec").path("selector").fields().forEachRemaining(e ->
        assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(), "pod label " + e.getKey() + " selected by the Service"));
    assertTrue(service.path("spec").path("selector").size() > 0, "the Service has a selector");
    assertEquals("http", service.path("spec").path("ports").get(0).path("targetPort").asText(), "Service targetPort");
  }
}
