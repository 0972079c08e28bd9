package io.casteroperator.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the API server and the emulator are started with, in this JVM or in the servers JVM of a
 * split run (which reads it from its standard input: secrets never go on a command line, where
 * {@code ps} would show them).
 *
 * @param keys every AccessKey the emulator knows: one per account, and the co-tenant's
 * @param qps every action's quota, per account
 * @param maxCastersPerAccount the emulator's caster limit per account
 * @param callLogCapacity how many calls the emulator's log keeps: the figures are read from it
 */
record ServersConfig(List<Key> keys, int qps, int maxCastersPerAccount, int callLogCapacity) {

  /** An AccessKey of an account. */
  record Key(String accessKeyId, String accessKeySecret, String account) {
    @Override
    public String toString() {
      return "Key[" + accessKeyId + ", account " + account + "]";
    }
  }

  static ServersConfig of(BenchAccounts accounts, int qps, int casters, boolean studio) {
    List<Key> keys = new ArrayList<>();
    for (BenchAccounts.Account a : accounts.all()) {
      keys.add(new Key(a.accessKeyId(), a.accessKeySecret(), a.accountId()));
    }
    BenchAccounts.Account coTenant = accounts.coTenant();
    keys.add(new Key(coTenant.accessKeyId(), coTenant.accessKeySecret(), coTenant.accountId()));
    int perAccount = (casters + accounts.count() - 1) / accounts.count();
    // Every phase's calls must still be in the log when its figures are read: about 4 calls per
    // Caster for the rollout, the change, the restart and a sweep, plus drift reads and a burst;
    // a small studio adds about 14 to the rollout and 4 to a sweep.
    return new ServersConfig(keys, qps, Math.max(1000, perAccount + 2), Math.max(200_000, (studio ? 30 : 10) * casters));
  }
}
