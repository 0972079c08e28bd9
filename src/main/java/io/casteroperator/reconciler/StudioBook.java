package io.casteroperator.reconciler;

import io.casteroperator.api.StudioItemState;
import io.casteroperator.api.StudioItemStatus;
import io.casteroperator.api.StudioStatus;
import io.casteroperator.api.UnmanagedStudioItem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The studio's items as this reconcile knows them: per list, name to record (cloud id, hashes of
 * what was applied, state, last error), begun from status.studio. {@link StudioOutcomes} turns it
 * back into status.
 */
final class StudioBook {

  private final Map<StudioList, LinkedHashMap<String, StudioItemStatus>> lists = new EnumMap<>(StudioList.class);
  List<UnmanagedStudioItem> unmanaged;
  String observedAt;

  private StudioBook() {
    for (StudioList list : StudioList.values()) {
      lists.put(list, new LinkedHashMap<>());
    }
  }

  static StudioBook of(StudioStatus status) {
    StudioBook book = new StudioBook();
    if (status == null) {
      return book;
    }
    load(book, StudioList.INPUTS, status.getVideoResources());
    load(book, StudioList.CHANNELS, status.getChannels());
    load(book, StudioList.LAYOUTS, status.getLayouts());
    load(book, StudioList.COMPONENTS, status.getComponents());
    load(book, StudioList.SCENES, status.getScenes());
    book.unmanaged = status.getUnmanaged() == null ? null : new ArrayList<>(status.getUnmanaged());
    book.observedAt = status.getObservedAt();
    return book;
  }

  private static void load(StudioBook book, StudioList list, List<StudioItemStatus> items) {
    if (items != null) {
      items.stream().filter(i -> i != null && i.getName() != null).forEach(i -> book.lists.get(list).put(i.getName(), copy(i)));
    }
  }

  StudioItemStatus get(StudioList list, String name) {
    return lists.get(list).get(name);
  }

  /** The item's cloud id, or null when it has none (yet). */
  String id(StudioList list, String name) {
    StudioItemStatus item = get(list, name);
    return item == null ? null : item.getId();
  }

  /** Whether the item exists in the cloud as far as the book knows. */
  boolean exists(StudioList list, String name) {
    return id(list, name) != null;
  }

  Set<String> names(StudioList list) {
    return Set.copyOf(lists.get(list).keySet());
  }

  /** The names of items that have a cloud id, by that id. */
  Map<String, String> namesById(StudioList list) {
    return lists.get(list).values().stream().filter(i -> i.getId() != null)
        .collect(Collectors.toMap(StudioItemStatus::getId, StudioItemStatus::getName, (a, b) -> a));
  }

  StudioItemStatus record(StudioList list, String name) {
    return lists.get(list).computeIfAbsent(name, n -> {
      StudioItemStatus item = new StudioItemStatus();
      item.setName(n);
      return item;
    });
  }

  void forget(StudioList list, String name) {
    lists.get(list).remove(name);
  }

  /** The item now holds what the spec asks for. */
  void applied(StudioList list, String name, String id, String locationId, String hash, String fixedHash) {
    StudioItemStatus item = record(list, name);
    item.setId(id);
    item.setLocationId(locationId);
    item.setAppliedHash(hash);
    item.setFixedHash(fixedHash);
    item.setState(StudioItemState.APPLIED);
    item.setLastErrorCode(null);
    item.setMessage(null);
  }

  void pending(StudioList list, String name, String why) {
    StudioItemStatus item = record(list, name);
    item.setState(StudioItemState.PENDING);
    item.setMessage(why);
  }

  void failed(StudioList list, String name, String code, String message) {
    StudioItemStatus item = record(list, name);
    item.setState(StudioItemState.FAILED);
    item.setLastErrorCode(code);
    item.setMessage(message);
  }

  void drifted(StudioList list, String name, String message) {
    StudioItemStatus item = record(list, name);
    item.setState(StudioItemState.DRIFTED);
    item.setMessage(message);
  }

  List<StudioItemStatus> items(StudioList list) {
    return List.copyOf(lists.get(list).values());
  }

  /** "2 of 3 layouts applied; layout pip: AddCasterLayout failed: InvalidParameter.Malformed ..." — or null when all are applied. */
  String summary() {
    List<String> parts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (StudioList list : StudioList.values()) {
      List<StudioItemStatus> items = items(list);
      long applied = items.stream().filter(i -> i.getState() == StudioItemState.APPLIED).count();
      if (applied < items.size()) {
        parts.add(applied + " of " + items.size() + " " + list.field + " applied");
        items.stream().filter(i -> i.getState() != StudioItemState.APPLIED)
            .forEach(i -> problems.add(list.noun + " " + i.getName() + ": "
                + Objects.requireNonNullElse(i.getMessage(), Objects.toString(i.getLastErrorCode(), "not applied"))));
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts) + "; " + String.join("; ", problems);
  }

  boolean any(StudioItemState state) {
    return lists.values().stream().flatMap(m -> m.values().stream()).anyMatch(i -> i.getState() == state);
  }

  StudioStatus toStatus() {
    StudioStatus status = new StudioStatus();
    status.setVideoResources(nullIfEmpty(items(StudioList.INPUTS)));
    status.setChannels(nullIfEmpty(items(StudioList.CHANNELS)));
    status.setLayouts(nullIfEmpty(items(StudioList.LAYOUTS)));
    status.setComponents(nullIfEmpty(items(StudioList.COMPONENTS)));
    status.setScenes(nullIfEmpty(items(StudioList.SCENES)));
    status.setUnmanaged(unmanaged == null || unmanaged.isEmpty() ? null : List.copyOf(unmanaged));
    status.setObservedAt(observedAt);
    return status;
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  private static StudioItemStatus copy(StudioItemStatus i) {
    StudioItemStatus c = new StudioItemStatus();
    c.setName(i.getName());
    c.setId(i.getId());
    c.setLocationId(i.getLocationId());
    c.setState(i.getState());
    c.setAppliedHash(i.getAppliedHash());
    c.setFixedHash(i.getFixedHash());
    c.setLastErrorCode(i.getLastErrorCode());
    c.setMessage(i.getMessage());
    return c;
  }
}
