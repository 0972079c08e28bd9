package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.DescribeCasters;

import io.casteroperator.live.CasterInfo;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads of the caster's state (running or idle, channels): on its own, or by the page for drift checks. */
final class StateReads {

  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final CasterStates states;
  private final DriftSchedule drift;

  StateReads(CloudCalls calls, Outcomes outcomes, CasterStates states, DriftSchedule drift) {
    this.calls = calls;
    this.outcomes = outcomes;
    this.states = states;
    this.drift = drift;
  }

  /** DescribeCasters for this caster alone; false when there is no answer (waiting, or failed and reported). */
  boolean read(Reconciliation r, Purpose purpose) {
    Optional<Answer<CasterInfo>> answer = calls.call(r, DescribeCasters, purpose, c -> c.observeState(r.casterId));
    answer.ifPresent(a -> {
      states.readAlone(key(r), a.value(), r.now);
      known(r, a.value());
    });
    return answer.isPresent();
  }

  /**
   * The caster's state for a drift check: from the account's pages of DescribeCasters while they
   * are not older than a sweep (reading the page due, if one is), else read on its own. The
   * purpose is that of the configuration read it goes with: a first observation is not a
   * background check.
   */
  void forDriftCheck(Reconciliation r, Purpose purpose) {
    CasterStates.Key key = key(r);
    Duration maxAge = drift.sweep(r);
    Optional<CasterInfo> seen = states.fresh(key, r.casterId, r.now, maxAge);
    if (seen.isEmpty()) {
      OptionalInt page = states.pageDue(key, r.now, maxAge);
      if (page.isPresent()) {
        calls.call(r, DescribeCasters, purpose, c -> c.listCasters(page.getAsInt(), CasterStates.PAGE_SIZE))
            .ifPresent(a -> states.pageRead(key, page.getAsInt(), a.value(), r.now));
        seen = states.fresh(key, r.casterId, r.now, maxAge);
      }
    }
    if (seen.isPresent()) {
      known(r, seen.get());
    } else {
      read(r, purpose);
    }
  }

  /** What the caster's own actions (a start, a stop) make of its state, without a read. */
  void madeSo(Reconciliation r, boolean running) {
    CasterInfo before = r.memory.state;
    CasterInfo now = new CasterInfo(r.casterId, before == null ? null : before.casterName(), running,
        before != null && before.channelsEnabled());
    r.memory.state = now;
    r.memory.stateAt = r.now;
    states.readAlone(key(r), now, r.now);
  }

  private void known(Reconciliation r, CasterInfo info) {
    r.memory.state = info;
    r.memory.stateAt = r.now;
    outcomes.stateObserved(r, info);
  }

  private static CasterStates.Key key(Reconciliation r) {
    return new CasterStates.Key(r.account(), r.target.regionId());
  }
}
