package io.casteroperator.bench;

import java.util.Map;

/**
 * One call as the emulator logged it, in or out of this process.
 *
 * @param timeMillis arrival, epoch milliseconds (one clock for both JVMs of a split run: the machine's)
 * @param params the action's own parameters (never a signature or a secret)
 */
record EmulatorCall(long timeMillis, String accessKeyId, String account, String action, String casterId, String code,
    Map<String, String> params) {

  boolean throttled() {
    return code != null && code.startsWith("Throttling");
  }
}
