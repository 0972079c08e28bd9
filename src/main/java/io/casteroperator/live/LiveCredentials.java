package io.casteroperator.live;

/**
 * Credentials for the Live API, and the account whose quota they spend. Keys of one Alibaba Cloud
 * account must name the same account, or the operator would spend the shared quota twice.
 */
public sealed interface LiveCredentials permits LiveCredentials.AccessKey, LiveCredentials.DefaultChain {

  /** The account whose quota the calls count against. */
  String accountId();

  /**
   * An AccessKey pair, optionally with an STS token.
   *
   * @param accountId the account; when none is given, {@link LiveCredentials#standInAccount} of the key stands for it
   */
  record AccessKey(String accessKeyId, String accessKeySecret, String securityToken, String accountId)
      implements LiveCredentials {

    public AccessKey {
      if (accountId == null || accountId.isBlank()) {
        accountId = standInAccount(accessKeyId);
      }
    }

    /** Never shows the secret or the token. */
    @Override
    public String toString() {
      return "AccessKey[" + accessKeyId + (securityToken == null ? "" : ", with STS token") + ", account " + accountId + "]";
    }
  }

  /**
   * What stands for the account of a key that names none: {@code ak-} and 8 hex digits of the
   * SHA-256 of the AccessKeyId. It keeps one key's calls in one budget, and it is safe to show
   * (status, metrics, logs), where a raw AccessKeyId never appears.
   */
  static String standInAccount(String accessKeyId) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(accessKeyId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "ak-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /**
   * The SDK's default chain: environment variables, RRSA/OIDC on ACK, ECS instance RAM role, profile.
   *
   * @param accountId the account the operator's settings name for these credentials
   */
  record DefaultChain(String accountId) implements LiveCredentials {}
}
