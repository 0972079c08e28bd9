package io.casteroperator.reconciler;

import io.casteroperator.api.StudioItemStatus;
import io.casteroperator.api.UnmanagedStudioItem;
import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.StudioHash;
import io.casteroperator.live.ErrorMeaning;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one list of the studio (inputs, layouts or overlays) to what the spec asks, with the
 * fewest calls: nothing when the recorded hashes match and no read says otherwise; a modify when
 * what can be modified changed; a delete and an add when what only an add sets changed. An item
 * without a recorded id is first looked for in the cloud (a crash between an add and its status
 * write, an adopted caster), and added only when it is not there.
 */
final class ItemSync {

  /** One item the spec asks for: its name, its value in the cloud's form, and what it still waits for (null: nothing). */
  record Wish<V>(String name, V value, String waitingFor) {}

  private final StudioCalls calls;
  private final StudioOutcomes outcomes;

  ItemSync(StudioCalls calls, StudioOutcomes outcomes) {
    this.calls = calls;
    this.outcomes = outcomes;
  }

  /** Every wish of the list, in order; stops early only when the pass must stop. */
  <V> void converge(Reconciliation r, StudioPass pass, ItemKind<V> kind, List<Wish<V>> wishes, List<CloudItem<V>> seen) {
    for (Wish<V> wish : wishes) {
      if (pass.stopped) {
        return;
      }
      if (wish.waitingFor() != null) {
        outcomes.pending(pass, kind.list(), wish.name(), "waiting for " + wish.waitingFor());
        continue;
      }
      if (pass.book.id(kind.list(), wish.name()) == null) {
        renamed(pass, kind, wish, wishes);
      }
      if (pass.book.id(kind.list(), wish.name()) == null && seen != null) {
        findAgain(pass, kind, wish, seen);
      }
      if (pass.book.id(kind.list(), wish.name()) == null) {
        add(r, pass, kind, wish);
      } else {
        update(r, pass, kind, wish, seen);
      }
    }
  }

  /**
   * A new name for an item the book has under a name the spec no longer asks for: the same
   * location (inputs, overlays) or the same content (layouts). It keeps its id and is changed in
   * place: a rename is a modify (or nothing, for a layout), not a delete and an add.
   */
  private <V> void renamed(StudioPass pass, ItemKind<V> kind, Wish<V> wish, List<Wish<V>> wishes) {
    Set<String> wanted = wishes.stream().map(Wish::name).collect(java.util.stream.Collectors.toSet());
    String location = kind.rules().location(wish.value());
    String hash = StudioHash.of(wish.value());
    for (StudioItemStatus old : pass.book.items(kind.list())) {
      boolean same = location != null ? location.equals(old.getLocationId()) : hash.equals(old.getAppliedHash());
      if (old.getId() != null && !wanted.contains(old.getName()) && same) {
        pass.book.forget(kind.list(), old.getName());
        StudioItemStatus moved = pass.book.record(kind.list(), wish.name());
        moved.setId(old.getId());
        moved.setLocationId(old.getLocationId());
        moved.setAppliedHash(location == null ? old.getAppliedHash() : null); // a layout has no name in the cloud
        moved.setFixedHash(old.getFixedHash());
        pass.changed("renamed " + kind.list().noun + " " + old.getName() + " to " + wish.name());
        return;
      }
    }
  }

  /**
   * An item the spec asks for and the book has no id for, found in the cloud by its key (location;
   * a layout by its content): recorded, so that it is changed in place rather than added twice.
   */
  private <V> void findAgain(StudioPass pass, ItemKind<V> kind, Wish<V> wish, List<CloudItem<V>> seen) {
    Set<String> claimed = pass.book.namesById(kind.list()).keySet();
    Optional<CloudItem<V>> found = seen.stream().filter(c -> !claimed.contains(c.id()))
        .filter(c -> kind.rules().sameItem(wish.value(), c.value())).findFirst();
    if (found.isEmpty()) {
      return;
    }
    V value = wish.value();
    boolean same = kind.rules().differences(value, found.get().value(), "").isEmpty() && !kind.rules().setsUnreadable(value);
    StudioItemStatus item = pass.book.record(kind.list(), wish.name());
    item.setId(found.get().id());
    item.setLocationId(kind.rules().location(value));
    // Found as it should be: nothing to write. Otherwise the next step modifies it, or, when it
    // sets what only an add can set and no read shows, adds it again.
    item.setAppliedHash(same ? StudioHash.of(value) : null);
    item.setFixedHash(kind.rules().setsUnreadableFixed(value) ? null : StudioHash.of(kind.rules().fixedPart(value)));
  }

  private <V> void add(Reconciliation r, StudioPass pass, ItemKind<V> kind, Wish<V> wish) {
    String hash = StudioHash.of(wish.value());
    if (!pass.write) {
      outcomes.missing(pass, kind.list(), wish.name());
      return;
    }
    if (calls.heldBack(r, kind.list(), wish.name(), hash)) {
      return;
    }
    calls.call(r, pass, kind.addAction(), c -> kind.adder().add(c, r.casterId, wish.value())).ifPresent(result -> {
      if (result.ok()) {
        CrashPoint.AFTER_STUDIO_ADD.reach();
        calls.succeeded(r, kind.list(), wish.name());
        outcomes.added(r, pass, kind.list(), wish.name(), result.value(), kind.rules().location(wish.value()), hash,
            StudioHash.of(kind.rules().fixedPart(wish.value())));
      } else {
        calls.refused(r, kind.list(), wish.name(), hash, result.itemError());
        outcomes.refused(r, pass, kind.list(), wish.name(), kind.addAction(), result.itemError());
      }
    });
  }

  private <V> void update(Reconciliation r, StudioPass pass, ItemKind<V> kind, Wish<V> wish, List<CloudItem<V>> seen) {
    StudioItemStatus item = pass.book.get(kind.list(), wish.name());
    String hash = StudioHash.of(wish.value());
    String fixed = StudioHash.of(kind.rules().fixedPart(wish.value()));
    CloudItem<V> cloud = seen == null ? null : seen.stream().filter(c -> c.id().equals(item.getId())).findFirst().orElse(null);
    List<FieldDifference> drift = List.of();
    if (seen != null && hash.equals(item.getAppliedHash()) && fixed.equals(item.getFixedHash())) {
      drift = cloud == null ? List.of(new FieldDifference(kind.list().path(wish.name()), "present", "deleted outside the operator"))
          : kind.rules().differences(wish.value(), cloud.value(), kind.list().path(wish.name()));
      outcomes.drift(pass, kind.list(), wish.name(), drift);
    }
    if (!pass.write) {
      return;
    }
    if (cloud == null && seen != null || !fixed.equals(item.getFixedHash())) {
      recreate(r, pass, kind, wish, cloud == null && seen != null, drift);
    } else if (!hash.equals(item.getAppliedHash()) || !drift.isEmpty()) {
      modify(r, pass, kind, wish, drift);
    } else {
      outcomes.holds(pass, kind.list(), wish.name());
    }
  }

  private <V> void modify(Reconciliation r, StudioPass pass, ItemKind<V> kind, Wish<V> wish, List<FieldDifference> drift) {
    String hash = StudioHash.of(wish.value());
    if (calls.heldBack(r, kind.list(), wish.name(), hash)) {
      return;
    }
    String id = pass.book.id(kind.list(), wish.name());
    calls.call(r, pass, kind.modifyAction(), c -> kind.modifier().modify(c, r.casterId, id, wish.value())).ifPresent(result -> {
      if (result.ok()) {
        calls.succeeded(r, kind.list(), wish.name());
        outcomes.modified(pass, kind.list(), wish.name(), hash, drift);
      } else if (result.itemError().means(ErrorMeaning.ITEM_NOT_FOUND)) {
        pass.book.forget(kind.list(), wish.name()); // deleted outside the operator: added again
        add(r, pass, kind, wish);
      } else {
        calls.refused(r, kind.list(), wish.name(), hash, result.itemError());
        outcomes.refused(r, pass, kind.list(), wish.name(), kind.modifyAction(), result.itemError());
      }
    });
  }

  /** Deletes the item (if the cloud still has it) and adds it again: what changed can only be set by an add. */
  private <V> void recreate(Reconciliation r, StudioPass pass, ItemKind<V> kind, Wish<V> wish, boolean gone,
      List<FieldDifference> drift) {
    if (!gone && !delete(r, pass, kind, wish.name())) {
      return;
    }
    pass.book.forget(kind.list(), wish.name());
    add(r, pass, kind, wish);
    if (!drift.isEmpty() && pass.book.exists(kind.list(), wish.name())) {
      pass.corrected.addAll(drift);
    }
  }

  /** Deletes a recorded item; true when it is gone (already gone included). */
  boolean delete(Reconciliation r, StudioPass pass, ItemKind<?> kind, String name) {
    String id = pass.book.id(kind.list(), name);
    var result = calls.call(r, pass, kind.deleteAction(), c -> kind.deleter().delete(c, r.casterId, id));
    if (result.isEmpty()) {
      return false;
    }
    if (!result.get().ok() && !result.get().itemError().means(ErrorMeaning.ITEM_NOT_FOUND)) {
      outcomes.refused(r, pass, kind.list(), name, kind.deleteAction(), result.get().itemError());
      return false;
    }
    return true;
  }

  /**
   * Items the book records and the spec no longer asks for are deleted; items in the cloud that
   * nothing records are listed as unmanaged, and deleted when the studio is pruned.
   */
  <V> void removeUnwanted(Reconciliation r, StudioPass pass, ItemKind<V> kind, Set<String> wanted, List<CloudItem<V>> seen,
      List<UnmanagedStudioItem> unmanaged) {
    for (String name : pass.book.names(kind.list())) {
      if (!pass.stopped && !wanted.contains(name) && pass.write) {
        if (pass.book.id(kind.list(), name) == null || delete(r, pass, kind, name)) {
          pass.book.forget(kind.list(), name);
          pass.changed("deleted " + kind.list().noun + " " + name);
        }
      }
    }
    if (seen == null) {
      return;
    }
    Set<String> known = pass.book.namesById(kind.list()).keySet();
    for (CloudItem<V> item : seen) {
      if (!known.contains(item.id()) && !(pass.prune && pass.write && deleteUnmanaged(r, pass, kind, item))) {
        unmanaged.add(unmanaged(kind, item));
      }
    }
  }

  private <V> boolean deleteUnmanaged(Reconciliation r, StudioPass pass, ItemKind<V> kind, CloudItem<V> item) {
    var result = calls.call(r, pass, kind.deleteAction(), c -> kind.deleter().delete(c, r.casterId, item.id()));
    boolean gone = result.isPresent() && (result.get().ok() || result.get().itemError().means(ErrorMeaning.ITEM_NOT_FOUND));
    if (gone) {
      pass.changed("pruned " + kind.list().noun + " " + item.id());
    }
    return gone;
  }

  private static <V> UnmanagedStudioItem unmanaged(ItemKind<V> kind, CloudItem<V> item) {
    UnmanagedStudioItem entry = new UnmanagedStudioItem();
    entry.setKind(kind.list().field.substring(0, kind.list().field.length() - 1));
    entry.setId(item.id());
    entry.setLocationId(kind.rules().location(item.value()));
    entry.setCloudName(kind.rules().cloudName(item.value()));
    return entry;
  }

}
