package io.casteroperator.reconciler;

import static io.casteroperator.api.ConditionStatus.False;
import static io.casteroperator.api.ConditionStatus.True;

import io.casteroperator.api.Conditions;
import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.api.DriftEntry;
import io.casteroperator.api.StudioItemState;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one writer of status.studio and of the studio's events and conditions, as {@link Outcomes}
 * is for the rest: items applied, waiting, refused and drifted go into the book; the pass's end
 * writes it into status, says in Ready what is missing, and records one event for what changed.
 */
final class StudioOutcomes {

  /** The first segment of every studio field path in status.drift. */
  private static final Set<String> STUDIO_FIELDS = Set.of("videoResources", "channels", "layouts", "components", "scenes");

  private final Outcomes outcomes;

  StudioOutcomes(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** Every item the spec asks for is in the book, those never applied as pending: none is left out of Ready's count. */
  void expect(StudioPass pass, StudioList list, java.util.Collection<String> names) {
    for (String name : names) {
      if (pass.book.get(list, name) == null) {
        pass.book.pending(list, name, "not applied yet");
      }
    }
  }

  void pending(StudioPass pass, StudioList list, String name, String why) {
    pass.book.pending(list, name, why);
  }

  /** ObserveOnly: the spec asks for an item the cloud does not have. */
  void missing(StudioPass pass, StudioList list, String name) {
    pass.drift.add(new FieldDifference(list.path(name), "present", null));
    pass.book.drifted(list, name, "not in the cloud");
  }

  void added(Reconciliation r, StudioPass pass, StudioList list, String name, String id, String location, String hash, String fixed) {
    pass.book.applied(list, name, id, location, hash, fixed);
    pass.changed("added " + list.noun + " " + name);
    checkpoint(r, pass);
  }

  /** Set (channels, scenes) or modified in place. */
  void modified(StudioPass pass, StudioList list, String name, String hash, List<FieldDifference> drift) {
    var item = pass.book.record(list, name);
    pass.book.applied(list, name, item.getId(), item.getLocationId(), hash, item.getFixedHash());
    pass.changed((drift.isEmpty() ? "changed " : "set back ") + list.noun + " " + name);
    pass.corrected.addAll(drift);
  }

  void set(StudioPass pass, StudioList list, String name, String id, String hash, List<FieldDifference> drift) {
    pass.book.applied(list, name, id, null, hash, null);
    pass.changed((drift.isEmpty() ? "set " : "set back ") + list.noun + " " + name);
    pass.corrected.addAll(drift);
  }

  /** The item is as the spec asks: nothing to do. */
  void holds(StudioPass pass, StudioList list, String name) {
    holds(pass, list, name, pass.book.get(list, name).getId());
  }

  /** As {@link #holds(StudioPass, StudioList, String)}, the item now known under {@code id} (a scene found again). */
  void holds(StudioPass pass, StudioList list, String name, String id) {
    var item = pass.book.get(list, name);
    if (item.getState() != StudioItemState.APPLIED || !java.util.Objects.equals(id, item.getId())) {
      pass.book.applied(list, name, id, item.getLocationId(), item.getAppliedHash(), item.getFixedHash());
    }
  }

  void drift(StudioPass pass, StudioList list, String name, List<FieldDifference> drift) {
    pass.drift.addAll(drift);
    if (!drift.isEmpty() && !pass.write) {
      pass.book.drifted(list, name, "differs from the spec in " + fields(drift));
    } else if (drift.isEmpty() && !pass.write) {
      holds(pass, list, name);
    }
  }

  void refused(Reconciliation r, StudioPass pass, StudioList list, String name, LiveAction action, LiveError error) {
    String message = action + " failed: " + error.describe();
    boolean news = !error.code().equals(pass.book.record(list, name).getLastErrorCode());
    pass.book.failed(list, name, error.code(), message);
    if (news) {
      r.warning("StudioItemFailed", list.noun + " " + name + " of caster " + r.casterId + ": " + message);
    }
  }

  /** Writes status now, with the book as it stands: an id the cloud just gave is never lost to a crash. */
  void checkpoint(Reconciliation r, StudioPass pass) {
    outcomes.checkpoint(r, pass.book.toStatus());
  }

  /** The pass is over: status.studio, drift, Ready, and one event for what changed. */
  void finish(Reconciliation r, StudioPass pass) {
    r.status().setStudio(pass.book.toStatus());
    reportDrift(r, pass);
    if (!pass.changes.isEmpty()) {
      r.event("StudioApplied", "caster " + r.casterId + ": " + String.join(", ", pass.changes));
    }
    String summary = pass.book.summary();
    if (summary == null || !readyForThisGeneration(r)) {
      return; // all is applied; or Ready already says why it is not (a failure of the Caster's, throttling...)
    }
    if (pass.book.any(StudioItemState.FAILED)) {
      r.draft.ready(False, Reason.STUDIO_INCOMPLETE, summary);
    } else if (pass.book.any(StudioItemState.DRIFTED)) {
      r.draft.ready(False, Reason.DRIFT_DETECTED, "ObserveOnly: the studio differs from the spec: " + summary);
    } else if (pass.book.any(StudioItemState.PENDING)) {
      r.draft.ready(False, Reason.PENDING, summary);
    }
  }

  /** The spec no longer describes a studio: status forgets it (the cloud keeps what it has). */
  void dropped(Reconciliation r) {
    r.status().setStudio(null);
  }

  private void reportDrift(Reconciliation r, StudioPass pass) {
    List<DriftEntry> kept = r.status().getDrift() == null ? new ArrayList<>() : r.status().getDrift().stream()
        .filter(e -> !isStudio(e.getField())).collect(Collectors.toCollection(ArrayList::new));
    List<FieldDifference> standing = pass.drift.stream().filter(d -> !pass.corrected.contains(d)).toList();
    standing.forEach(d -> kept.add(new DriftEntry(d.field(), d.desiredJson(), d.observedJson(), r.now.toString())));
    r.status().setDrift(kept.isEmpty() ? null : kept);
    if (!standing.isEmpty()) {
      r.draft.drifted(True, Reason.DRIFT_DETECTED, "changed outside the operator: " + fields(standing));
    }
    if (!pass.corrected.isEmpty()) {
      String fields = fields(pass.corrected);
      if (standing.isEmpty() && kept.isEmpty()) {
        r.draft.drifted(False, Reason.CORRECTED, "set back to the spec at " + r.now + ": " + fields);
      }
      r.event("DriftCorrected", "caster " + r.casterId + " was changed outside the operator; set back: " + fields);
    }
  }

  private static boolean readyForThisGeneration(Reconciliation r) {
    var ready = r.draft.condition(Conditions.READY);
    return ready == null || ready.getStatus() == True || Reason.STARTING.equals(ready.getReason());
  }

  private static boolean isStudio(String field) {
    int end = field.indexOf('[');
    int dot = field.indexOf('.');
    String first = field.substring(0, end < 0 ? (dot < 0 ? field.length() : dot) : end);
    return STUDIO_FIELDS.contains(first);
  }

  private static String fields(List<FieldDifference> drift) {
    return drift.stream().map(FieldDifference::field).distinct().collect(Collectors.joining(", "));
  }
}
