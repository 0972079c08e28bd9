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
   * @param accountId the account, or the AccessKeyId when none is given
   */
  record AccessKey(String accessKeyId, String accessKeySecret, String securityToken, String accountId)
      implements LiveCredentials {

    public AccessKey {
      if (accountId == null || accountId.isBlank()) {
        accountId = accessKeyId;
      }
    }

    /** Never shows the secret or the token. */
    @Override
    public String toString() {
      return "AccessKey[" + accessKeyId + (securityToken == null ? "" : ", with STS token") + ", account " + accountId + "]";
    }
  }

  /**
   * The SDK's default chain: environment variables, RRSA/OIDC on ACK, ECS instance RAM role, profile.
   *
   * @param accountId the account the operator's settings name for these credentials
   */
  record DefaultChain(String accountId) implements LiveCredentials {}
}
