package io.casteroperator.reconciler;

import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.CasterPage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of an account's casters in one region (running or idle, channels), read a page of 100
 * at a time with DescribeCasters instead of one call per caster. Drift checks take a caster's state
 * from here while the page it came on is not older than their sweep; when the oldest page is, the
 * next check reads it again. A sweep of N casters thus costs N / 100 DescribeCasters, not N.
 */
final class CasterStates {

  static final int PAGE_SIZE = 100;

  record Key(String account, String region) {}

  /** What the pages of one account and region said, and when each was read. */
  private static final class Directory {
    final Map<String, CasterInfo> casters = new HashMap<>();
    final Map<String, Instant> seenAt = new HashMap<>();
    final Map<Integer, Instant> pageReadAt = new HashMap<>();
    int pages = 1;
  }

  private final Map<Key, Directory> directories = new ConcurrentHashMap<>();

  /** The caster's state, if a page read within {@code maxAge} listed it. */
  Optional<CasterInfo> fresh(Key key, String casterId, Instant now, Duration maxAge) {
    Directory d = directories.get(key);
    if (d == null) {
      return Optional.empty();
    }
    synchronized (d) {
      Instant seen = d.seenAt.get(casterId);
      return seen != null && !seen.plus(maxAge).isBefore(now) ? Optional.of(d.casters.get(casterId)) : Optional.empty();
    }
  }

  /** The page to read now (from 1), if one is older than {@code maxAge} or was never read. */
  OptionalInt pageDue(Key key, Instant now, Duration maxAge) {
    Directory d = directories.computeIfAbsent(key, k -> new Directory());
    synchronized (d) {
      int oldest = -1;
      Instant oldestAt = null;
      for (int page = 1; page <= d.pages; page++) {
        Instant at = d.pageReadAt.get(page);
        if (at == null) {
          return OptionalInt.of(page);
        }
        if (oldestAt == null || at.isBefore(oldestAt)) {
          oldest = page;
          oldestAt = at;
        }
      }
      return oldestAt.plus(maxAge).isBefore(now) ? OptionalInt.of(oldest) : OptionalInt.empty();
    }
  }

  void pageRead(Key key, int pageNum, CasterPage page, Instant now) {
    Directory d = directories.computeIfAbsent(key, k -> new Directory());
    synchronized (d) {
      d.pages = Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
      d.pageReadAt.keySet().removeIf(p -> p > d.pages);
      d.pageReadAt.put(pageNum, now);
      for (CasterInfo caster : page.casters()) {
        d.casters.put(caster.casterId(), caster);
        d.seenAt.put(caster.casterId(), now);
      }
    }
  }

  /** One caster read on its own (or found gone): what the directory says of it is replaced. */
  void readAlone(Key key, CasterInfo info, Instant now) {
    Directory d = directories.computeIfAbsent(key, k -> new Directory());
    synchronized (d) {
      d.casters.put(info.casterId(), info);
      d.seenAt.put(info.casterId(), now);
    }
  }

  void forget(Key key, String casterId) {
    Directory d = directories.get(key);
    if (d != null) {
      synchronized (d) {
        d.casters.remove(casterId);
        d.seenAt.remove(casterId);
      }
    }
  }
}
