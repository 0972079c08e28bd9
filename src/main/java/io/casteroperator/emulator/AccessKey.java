package io.casteroperator.emulator;

import java.util.Objects;

/**
 * An AccessKey pair and the account it belongs to. Several keys of one account share its casters
 * and its quota. A non-null security token makes the key behave as an STS key: calls must carry
 * exactly that token.
 */
record AccessKey(String id, String secret, String account, String securityToken) {
  AccessKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(account, "account");
    if (id.isBlank() || secret.isEmpty() || account.isBlank()) {
      throw new IllegalArgumentException("AccessKey id, secret and account must not be empty");
    }
  }

  @Override
  public String toString() {
    return "AccessKey[" + id + "@" + account + "]";
  }
}
