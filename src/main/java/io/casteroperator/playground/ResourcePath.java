package io.casteroperator.playground;

/**
 * The parts of an API path: {@code /api/v1/namespaces/default/secrets/s1} or
 * {@code /apis/live.caster-operator.io/v1alpha1/namespaces/default/casters/c1/status}.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param namespace the namespace, or null for a cluster-wide path
 * @param plural the resource, {@code casters}
 * @param name the object's name, or null for a collection
 * @param subresource {@code status}, or null
 */
record ResourcePath(String group, String version, String namespace, String plural, String name, String subresource) {

  /** Null when the path names no resource (discovery, OpenAPI, /version...). */
  static ResourcePath parse(String path) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String group;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      i = 1;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      i = 2;
    } else {
      return null;
    }
    String version = parts[i++];
    String namespace = null;
    if (parts.length > i + 1 && parts[i].equals("namespaces") && parts.length > i + 2) {
      namespace = parts[i + 1];
      i += 2;
    }
    String plural = parts[i++];
    String name = i < parts.length ? parts[i++] : null;
    String subresource = i < parts.length ? parts[i] : null;
    if (plural.equals("namespaces") && namespace == null && name != null) {
      // /api/v1/namespaces/default is the Namespace object itself.
      return new ResourcePath(group, version, null, plural, name, subresource);
    }
    return new ResourcePath(group, version, namespace, plural, name, subresource);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  boolean isCollection() {
    return name == null;
  }

  boolean isStatus() {
    return "status".equals(subresource);
  }
}
