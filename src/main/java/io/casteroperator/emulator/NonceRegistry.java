package io.casteroperator.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers SignatureNonces for the replay window only, so memory stays bounded by the call rate
 * (and, under a flood, by a hard cap that forgets the oldest first).
 */
final class NonceRegistry {
  private record Seen(long atMillis, String key) {}

  private final Clock clock;
  private final long windowMillis;
  private final int maxRemembered;
  private final Set<String> keys = new HashSet<>();
  private final ArrayDeque<Seen> byAge = new ArrayDeque<>();

  NonceRegistry(Clock clock, long windowMillis, int maxRemembered) {
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.maxRemembered = maxRemembered;
  }

  /** False when this key already used the nonce within the window. */
  synchronized boolean firstUse(String accessKeyId, String nonce) {
    long now = clock.millis();
    while (!byAge.isEmpty() && (byAge.peekFirst().atMillis() <= now - windowMillis || byAge.size() >= maxRemembered)) {
      keys.remove(byAge.pollFirst().key());
    }
    String key = accessKeyId + '\n' + nonce;
    if (!keys.add(key)) {
      return false;
    }
    byAge.addLast(new Seen(now, key));
    return true;
  }

  synchronized int size() {
    return keys.size();
  }

  synchronized void clear() {
    keys.clear();
    byAge.clear();
  }
}
