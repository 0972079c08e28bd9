package io.casteroperator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Condition;
import io.casteroperator.api.ConditionStatus;
import io.casteroperator.api.Conditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The status a reconcile is building: a copy of the last status, changed step by step. Conditions
 * keep their lastTransitionTime while their status stays the same, as Kubernetes expects.
 */
final class StatusDraft {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 32768;

  private final CasterStatus status;
  private final long generation;
  private final Instant now;

  StatusDraft(CasterStatus base, long generation, Instant now) {
    this.status = base == null ? new CasterStatus() : JSON.convertValue(base, CasterStatus.class);
    this.generation = generation;
    this.now = now;
    status.setObservedGeneration(generation);
  }

  CasterStatus status() {
    return status;
  }

  void ready(ConditionStatus value, String reason, String message) {
    condition(Conditions.READY, value, reason, message);
  }

  void synced(ConditionStatus value, String reason, String message) {
    condition(Conditions.SYNCED, value, reason, message);
  }

  void drifted(ConditionStatus value, String reason, String message) {
    condition(Conditions.DRIFTED, value, reason, message);
  }

  void running(ConditionStatus value, String reason, String message) {
    condition(Conditions.RUNNING, value, reason, message);
  }

  Condition condition(String type) {
    return status.getConditions() == null ? null
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private void condition(String type, ConditionStatus value, String reason, String message) {
    List<Condition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());
    Condition previous = condition(type);
    String transition = previous != null && previous.getStatus() == value ? previous.getLastTransitionTime() : now.toString();
    String text = message == null ? null : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(new Condition(type, value, reason, text, transition, generation));
    conditions.sort(Comparator.comparing(c -> order(c.getType())));
    status.setConditions(conditions);
  }

  private static int order(String type) {
    return switch (type) {
      case Conditions.READY -> 0;
      case Conditions.SYNCED -> 1;
      case Conditions.DRIFTED -> 2;
      case Conditions.RUNNING -> 3;
      default -> 4;
    };
  }
}
