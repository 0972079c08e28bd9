package io.casteroperator.reconciler;

import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.ErrorMeaning;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveError;
import io.casteroperator.live.LiveResult;
import io.casteroperator.reconciler.CasterMemory.StudioFailure;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Budgeted calls for one studio item. A refusal that concerns the item alone (a bad value, a
 * taken location, the item gone, the caster's state) is the item's: it is recorded on the item and
 * the others go on. Everything else (throttling, a transient failure, the caster or the
 * credentials refused) is the Caster's, reported as for any call, and stops the pass.
 */
final class StudioCalls {

  /** The answer of one call for an item. */
  record Result<T>(T value, LiveError itemError) {

    boolean ok() {
      return itemError == null;
    }
  }

  private final CloudCalls calls;
  private final ReconcilerSettings settings;

  StudioCalls(CloudCalls calls, ReconcilerSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  /** The call's result; empty when the pass must stop (waiting for a slot, or a failure of the Caster's). */
  <T> Optional<Result<T>> call(Reconciliation r, StudioPass pass, LiveAction action, Function<LiveClient, LiveResult<T>> body) {
    LiveError[] mine = {null};
    var answer = calls.call(r, action, Purpose.CONVERGE, body, error -> {
      if (itemScoped(error)) {
        mine[0] = error;
        return true;
      }
      return false;
    });
    if (answer.isPresent()) {
      return Optional.of(new Result<>(answer.get().value(), null));
    }
    if (mine[0] != null) {
      return Optional.of(new Result<>(null, mine[0]));
    }
    pass.stopped = true;
    return Optional.empty();
  }

  private static boolean itemScoped(LiveError error) {
    if (error.means(ErrorMeaning.ITEM_NOT_FOUND)) {
      return true;
    }
    return (error.errorClass() == ErrorClass.TERMINAL || error.errorClass() == ErrorClass.PRECONDITION)
        && !error.means(ErrorMeaning.NOT_FOUND) && !error.means(ErrorMeaning.ACCESS_DENIED)
        && !error.means(ErrorMeaning.REQUEST_REJECTED);
  }

  /** Whether an earlier refusal of this value of the item still holds it back (and when to look again). */
  boolean heldBack(Reconciliation r, StudioList list, String name, String hash) {
    StudioFailure failure = r.memory.studioFailures.get(key(list, name));
    if (failure == null || !failure.hash().equals(hash) || !r.now.isBefore(failure.notBefore())) {
      return false;
    }
    r.wakeUpAt(failure.notBefore());
    return true;
  }

  /** Remembers a refusal: a bad value waits for the spec (or the slow probe), a state for the precondition poll. */
  void refused(Reconciliation r, StudioList list, String name, String hash, LiveError error) {
    boolean state = error.errorClass() == ErrorClass.PRECONDITION;
    Instant notBefore = r.now.plus(state ? settings.preconditionPoll() : settings.slowProbe());
    r.memory.studioFailures.put(key(list, name), new StudioFailure(hash, notBefore));
    r.wakeUpAt(notBefore);
  }

  void succeeded(Reconciliation r, StudioList list, String name) {
    r.memory.studioFailures.remove(key(list, name));
  }

  private static String key(StudioList list, String name) {
    return list + "/" + name;
  }
}
