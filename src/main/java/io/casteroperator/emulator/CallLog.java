package io.casteroperator.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The recent calls (a bounded ring, oldest forgotten first) and, for all time since the last reset,
 * how many calls of each action ended with each code, per account.
 */
final class CallLog {
  private record CounterKey(String account, String action, String code) {}

  /** Calls whose key is unknown have no account; they count in the totals only. */
  private static final String NO_ACCOUNT = "";

  private final int capacity;
  private final ArrayDeque<CallRecord> recent = new ArrayDeque<>();
  private final Map<CounterKey, LongAdder> counters = new ConcurrentHashMap<>();

  CallLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  void record(CallRecord call) {
    String account = call.account() == null ? NO_ACCOUNT : call.account();
    String action = call.action() == null ? "" : call.action();
    counters.computeIfAbsent(new CounterKey(account, action, call.code()), k -> new LongAdder()).increment();
    synchronized (recent) {
      if (recent.size() == capacity) {
        recent.pollFirst();
      }
      recent.addLast(call);
    }
  }

  /** action -> code -> count, for one account or (null) all calls. */
  Map<String, Map<String, Long>> counts(String accountOrNull) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    counters.forEach(
        (key, count) -> {
          if (accountOrNull == null || accountOrNull.equals(key.account())) {
            out.computeIfAbsent(key.action(), a -> new TreeMap<>()).merge(key.code(), count.sum(), Long::sum);
          }
        });
    return out;
  }

  /** The newest {@code limit} matching calls, oldest first. */
  List<CallRecord> recent(Predicate<CallRecord> filter, int limit) {
    List<CallRecord> newestFirst = new ArrayList<>();
    synchronized (recent) {
      var it = recent.descendingIterator();
      while (it.hasNext() && newestFirst.size() < limit) {
        CallRecord call = it.next();
        if (filter.test(call)) {
          newestFirst.add(call);
        }
      }
    }
    List<CallRecord> oldestFirst = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      oldestFirst.add(newestFirst.get(i));
    }
    return oldestFirst;
  }

  void clear() {
    counters.clear();
    synchronized (recent) {
      recent.clear();
    }
  }
}
