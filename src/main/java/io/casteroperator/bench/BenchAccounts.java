package io.casteroperator.bench;

import io.casteroperator.live.LiveCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The emulator accounts a run spreads its Casters over, each with its own AccessKey and quota, and
 * the second key of the first account that a co-tenant uses. The secrets are made up per run and
 * never printed: {@link Account#toString()} leaves them out, and so does everything the bench writes.
 */
final class BenchAccounts {

  /** The account the co-tenant shares (with its own key) when there is a burst. */
  static final int BURST_ACCOUNT = 0;

  /**
   * One account.
   *
   * @param secretName the Secret its Casters name in {@code spec.credentialsSecretRef}; null with a
   *     single account, whose Casters use the operator's default credentials (as the bench always
   *     did, so that one-account figures stay comparable)
   */
  record Account(int index, String accessKeyId, String accessKeySecret, String accountId, String secretName) {

    LiveCredentials.AccessKey credentials() {
      return new LiveCredentials.AccessKey(accessKeyId, accessKeySecret, null, accountId);
    }

    /** The Secret its Casters name: the keys the operator reads (accessKeyId, accessKeySecret, accountId). */
    Secret secret(String namespace) {
      return new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(namespace).endMetadata()
          .addToStringData("accessKeyId", accessKeyId).addToStringData("accessKeySecret", accessKeySecret)
          .addToStringData("accountId", accountId).build();
    }

    @Override
    public String toString() {
      return "Account[" + accountId + ", key " + accessKeyId + "]";
    }
  }

  private final List<Account> accounts;
  private final Account coTenant;

  private BenchAccounts(List<Account> accounts, Account coTenant) {
    this.accounts = List.copyOf(accounts);
    this.coTenant = coTenant;
  }

  static BenchAccounts of(int count) {
    SecureRandom random = new SecureRandom();
    List<Account> accounts = new ArrayList<>();
    if (count == 1) {
      accounts.add(new Account(0, "LTAIbenchmark", secret(random), "bench", null));
    } else {
      for (int i = 0; i < count; i++) {
        accounts.add(new Account(i, "LTAIbench" + i, secret(random), "bench-" + i, "bench-account-" + i));
      }
    }
    Account burst = accounts.get(BURST_ACCOUNT);
    Account coTenant = new Account(BURST_ACCOUNT, "LTAIbenchcotenant", secret(random), burst.accountId(), null);
    return new BenchAccounts(accounts, coTenant);
  }

  List<Account> all() {
    return accounts;
  }

  int count() {
    return accounts.size();
  }

  /** The account of Caster {@code i}: round robin, so every account gets N / K of them (± 1). */
  Account forCaster(int i) {
    return accounts.get(Math.floorMod(i, accounts.size()));
  }

  /** Whether the Casters use the operator's default credentials (one account) instead of Secrets. */
  boolean useDefaultCredentials() {
    return accounts.size() == 1;
  }

  /** Another tool's key of the burst account: same account, same quota, its own calls. */
  Account coTenant() {
    return coTenant;
  }

  /** Every key the operator uses (the co-tenant's is not one of them). */
  boolean isOperatorKey(String accessKeyId) {
    return accounts.stream().anyMatch(a -> a.accessKeyId().equals(accessKeyId));
  }

  private static String secret(SecureRandom random) {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
