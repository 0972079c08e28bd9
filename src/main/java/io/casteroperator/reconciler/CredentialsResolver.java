package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.casteroperator.live.LiveCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Finds the credentials of a Caster: the Secret named by spec.credentialsSecretRef (keys
 * accessKeyId, accessKeySecret, optional securityToken and accountId), or the operator's default.
 * Secret values never leave this class except inside {@link LiveCredentials}, whose toString hides
 * them.
 */
final class CredentialsResolver {

  static final String ACCESS_KEY_ID = "accessKeyId";
  static final String ACCESS_KEY_SECRET = "accessKeySecret";
  static final String SECURITY_TOKEN = "securityToken";
  static final String ACCOUNT_ID = "accountId";

  /**
   * Credentials, or why there are none.
   *
   * @param credentials the credentials; {@code null} when {@code problem} says why not
   * @param version changes whenever the credentials may have changed (the Secret's resourceVersion)
   * @param problem a sentence for the user, never containing a secret value
   * @param secretName the Secret the credentials come from; {@code null} for the operator's default
   */
  record Resolution(LiveCredentials credentials, String version, String problem, String secretName) {}

  private final LiveCredentials defaults;
  private final SecretSource secrets;

  CredentialsResolver(LiveCredentials defaults, SecretSource secrets) {
    this.defaults = defaults;
    this.secrets = secrets;
  }

  /** The credentials the Caster's spec names: its Secret, or the operator's default. */
  Resolution resolve(Caster caster) {
    var ref = caster.getSpec() == null ? null : caster.getSpec().getCredentialsSecretRef();
    return resolve(caster, ref == null ? null : ref.getName());
  }

  /** The credentials of Secret {@code name} in the Caster's namespace; with a {@code null} name, the operator's default. */
  Resolution resolve(Caster user, String name) {
    String namespace = user.getMetadata().getNamespace();
    if (name == null) {
      return defaults == null
          ? new Resolution(null, null, "spec.credentialsSecretRef is not set and the operator has no default credentials", null)
          : new Resolution(defaults, "default", null, null);
    }
    Secret secret = secrets.secret(user, namespace, name);
    if (secret == null) {
      return new Resolution(null, null, "Secret " + namespace + "/" + name + " not found", name);
    }
    String version = secret.getMetadata().getResourceVersion();
    for (String key : new String[] {ACCESS_KEY_ID, ACCESS_KEY_SECRET, SECURITY_TOKEN, ACCOUNT_ID}) {
      if (secret.getData() != null && secret.getData().get(key) != null && decoded(secret.getData(), key) == null) {
        return new Resolution(null, version, "Secret " + namespace + "/" + name + ": key " + key + " is not valid base64", name);
      }
    }
    String id = value(secret, ACCESS_KEY_ID);
    String key = value(secret, ACCESS_KEY_SECRET);
    if (id == null || key == null) {
      return new Resolution(null, version,
          "Secret " + namespace + "/" + name + " lacks key " + (id == null ? ACCESS_KEY_ID : ACCESS_KEY_SECRET)
              + " (expected keys: accessKeyId, accessKeySecret, optional securityToken and accountId)", name);
    }
    return new Resolution(
        new LiveCredentials.AccessKey(id, key, value(secret, SECURITY_TOKEN), value(secret, ACCOUNT_ID)), version, null, name);
  }

  private static String value(Secret secret, String key) {
    String text = decoded(secret.getData(), key);
    if (text == null && secret.getStringData() != null) {
      text = secret.getStringData().get(key);
    }
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String decoded(Map<String, String> data, String key) {
    if (data == null || data.get(key) == null) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(data.get(key).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
