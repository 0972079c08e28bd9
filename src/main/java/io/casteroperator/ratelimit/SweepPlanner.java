package io.casteroperator.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Plans background reads (the drift checks) against an account's read quota, instead of letting
 * them poll for free slots. Each key (account and action) has a grid of slots spaced at a share of
 * its quota; every caller holds one planned slot at a time, the first free one at or after the
 * time it asks for. When an account has more casters than one drift interval's slots, its sweep
 * stretches over as many intervals as the quota needs (N / rate), and nobody polls meanwhile: a
 * caller sleeps until its slot.
 */
public final class SweepPlanner {

  private static final long SECOND = 1_000_000_000L;

  /** One key's slots: which are taken, found quickly even when thousands are taken in a row. */
  private static final class Grid {
    final long spacingNanos;
    /** Slot index to the next index that may be free (union-find with path compression). */
    final Map<Long, Long> next = new HashMap<>();
    int callers;
    long prunedBelow;

    Grid(long spacingNanos) {
      this.spacingNanos = spacingNanos;
    }

    long take(long wanted) {
      long free = find(wanted);
      next.put(free, free + 1);
      return free;
    }

    private long find(long index) {
      long root = index;
      while (next.containsKey(root)) {
        root = next.get(root);
      }
      for (long i = index; i != root; ) {
        long following = next.get(i);
        next.put(i, root);
        i = following;
      }
      return root;
    }

    /** Slots in the past can never be planned again: forget them. */
    void prune(long current) {
      if (current - prunedBelow > 4096) {
        next.keySet().removeIf(i -> i < current);
        prunedBelow = current;
      }
    }
  }

  private record Held(BudgetKey key, long index) {}

  private final BudgetSettings settings;
  private final double share;
  private final Map<BudgetKey, Grid> grids = new HashMap<>();
  private final Map<String, Held> held = new HashMap<>();

  /** @param share the fraction of each quota background reads are planned at, leaving the rest to users */
  public SweepPlanner(BudgetSettings settings, double share) {
    this.settings = settings;
    this.share = share;
  }

  /**
   * The caller's next background read of {@code key}: the first free slot at or after {@code
   * desired} (and not before {@code now}). Any slot the caller held before is given up.
   */
  public synchronized Instant plan(String caller, BudgetKey key, Instant desired, Instant now) {
    release(caller);
    Grid grid = grids.computeIfAbsent(key, k -> new Grid(spacing(k)));
    long current = Math.floorDiv(nanos(now) + grid.spacingNanos - 1, grid.spacingNanos);
    long wanted = Math.max(current, Math.floorDiv(nanos(desired) + grid.spacingNanos - 1, grid.spacingNanos));
    grid.prune(current);
    long index = grid.take(wanted);
    grid.callers++;
    held.put(caller, new Held(key, index));
    return Instant.ofEpochSecond(0, 0).plusNanos(index * grid.spacingNanos);
  }

  /** The caller needs no slot any more (it is gone, or will ask again). */
  public synchronized void release(String caller) {
    Held previous = held.remove(caller);
    if (previous != null) {
      grids.get(previous.key()).callers--;
    }
  }

  /**
   * How long a sweep of every caller of {@code key} takes: the interval they ask for, or, when
   * there are more callers than slots in it, the time the quota needs for all of them.
   */
  public synchronized Duration sweep(BudgetKey key, Duration interval) {
    Grid grid = grids.get(key);
    if (grid == null) {
      return interval;
    }
    Duration needed = Duration.ofNanos(grid.spacingNanos * grid.callers);
    return needed.compareTo(interval) > 0 ? needed : interval;
  }

  /** Background reads of {@code key} planned per second. */
  public double rate(BudgetKey key) {
    return (double) SECOND / spacing(key);
  }

  /** Callers holding a slot of {@code key}. */
  public synchronized int callers(BudgetKey key) {
    Grid grid = grids.get(key);
    return grid == null ? 0 : grid.callers;
  }

  private long spacing(BudgetKey key) {
    return (long) Math.ceil(SECOND / (settings.quota(key.action()) * (1 - settings.safetyMargin()) * share));
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * SECOND + instant.getNano();
  }
}
