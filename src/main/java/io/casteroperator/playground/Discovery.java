package io.casteroperator.playground;

import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Answers the requests that fabric8's CRUD mock does not: API discovery (kubectl finds resources
 * through it) and SelfSubjectRulesReview (JOSDK's leader election checks its Lease permissions with
 * it first). OpenAPI is {@link OpenApiDocuments}'.
 */
final class Discovery {

  private Discovery() {}

  /** The kind of each resource the playground serves, by group and plural ({@code /casters}). */
  private static final java.util.Map<String, String> KINDS = java.util.Map.of(
      "/namespaces", "Namespace", "/secrets", "Secret", "/configmaps", "ConfigMap", "/events", "Event",
      "/serviceaccounts", "ServiceAccount", "live.caster-operator.io/casters", "Caster",
      "coordination.k8s.io/leases", "Lease", "apiextensions.k8s.io/customresourcedefinitions", "CustomResourceDefinition",
      "events.k8s.io/events", "Event");

  /** The kind of a resource, or null for one the playground does not serve. */
  static String kind(String group, String plural) {
    return KINDS.get(group + "/" + plural);
  }

  /** The answer to a request, or {@code null} to let the CRUD dispatcher handle it. */
  static MockResponse answer(String method, String path) {
    if ("POST".equals(method) && path.equals("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
      return json(201, SELF_SUBJECT_RULES_REVIEW);
    }
    if (!"GET".equals(method)) {
      return null;
    }
    return switch (path) {
      case "/version" -> json(200, VERSION);
      case "/api" -> json(200, API_VERSIONS);
      case "/api/v1" -> json(200, CORE_V1);
      case "/apis" -> json(200, API_GROUPS);
      case "/apis/live.caster-operator.io/v1alpha1" -> json(200, CASTER_V1ALPHA1);
      case "/apis/coordination.k8s.io/v1" -> json(200, COORDINATION_V1);
      case "/apis/apiextensions.k8s.io/v1" -> json(200, APIEXTENSIONS_V1);
      case "/apis/events.k8s.io/v1" -> json(200, EVENTS_V1);
      default -> null;
    };
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static final String SELF_SUBJECT_RULES_REVIEW = """
      {"kind":"SelfSubjectRulesReview","apiVersion":"authorization.k8s.io/v1","spec":{},
       "status":{"resourceRules":[{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}],
                 "nonResourceRules":[{"verbs":["*"],"nonResourceURLs":["*"]}],"incomplete":false}}""";

  private static final String VERSION = """
      {"major":"1","minor":"32","gitVersion":"v1.32.0","gitCommit":"caster-operator-playground",
       "gitTreeState":"clean","buildDate":"2025-01-01T00:00:00Z","goVersion":"go1.23","compiler":"gc","platform":"linux/amd64"}""";

  private static final String API_VERSIONS = """
      {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""";

  private static String group(String name, String version) {
    return "{\"name\":\"" + name + "\",\"versions\":[{\"groupVersion\":\"" + name + "/" + version + "\",\"version\":\"" + version
        + "\"}],\"preferredVersion\":{\"groupVersion\":\"" + name + "/" + version + "\",\"version\":\"" + version + "\"}}";
  }

  private static final String API_GROUPS = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
      + group("live.caster-operator.io", "v1alpha1") + ","
      + group("coordination.k8s.io", "v1") + ","
      + group("apiextensions.k8s.io", "v1") + ","
      + group("events.k8s.io", "v1") + "]}";

  private static final String VERBS = "[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]";

  private static String resource(String name, String singular, String kind, boolean namespaced, String shortNames) {
    return "{\"name\":\"" + name + "\",\"singularName\":\"" + singular + "\",\"namespaced\":" + namespaced
        + ",\"kind\":\"" + kind + "\",\"verbs\":" + VERBS + (shortNames == null ? "" : ",\"shortNames\":[\"" + shortNames + "\"]") + "}";
  }

  private static String list(String groupVersion, String... resources) {
    return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion + "\",\"resources\":["
        + String.join(",", resources) + "]}";
  }

  private static final String CORE_V1 = list("v1",
      resource("namespaces", "namespace", "Namespace", false, "ns"),
      resource("secrets", "secret", "Secret", true, null),
      resource("configmaps", "configmap", "ConfigMap", true, "cm"),
      resource("events", "event", "Event", true, "ev"),
      resource("serviceaccounts", "serviceaccount", "ServiceAccount", true, "sa"));

  private static final String CASTER_V1ALPHA1 = list("live.caster-operator.io/v1alpha1",
      "{\"name\":\"casters\",\"singularName\":\"caster\",\"namespaced\":true,\"kind\":\"Caster\",\"verbs\":" + VERBS
          + ",\"shortNames\":[\"cst\"],\"categories\":[\"all\"]}",
      "{\"name\":\"casters/status\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"Caster\",\"verbs\":[\"get\",\"patch\",\"update\"]}");

  private static final String COORDINATION_V1 = list("coordination.k8s.io/v1",
      resource("leases", "lease", "Lease", true, null));

  private static final String APIEXTENSIONS_V1 = list("apiextensions.k8s.io/v1",
      resource("customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, "crd"));

  private static final String EVENTS_V1 = list("events.k8s.io/v1",
      resource("events", "event", "Event", true, "ev"));
}
