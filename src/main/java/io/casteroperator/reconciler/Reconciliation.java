package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.ManagementPolicy;
import io.casteroperator.live.LiveClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One reconcile of one Caster: what it started from, and the status, events and wake-up it builds. */
final class Reconciliation {

  /** An Event to record once the reconcile is done. */
  record Note(boolean warning, String reason, String message) {}

  final Caster caster;
  final CasterMemory memory;
  final CasterStatus base;
  final StatusDraft draft;
  final Instant now;
  final List<Note> notes = new ArrayList<>();

  /** Set once the target and credentials are known. */
  String casterId;
  String account;
  String credentialsVersion;
  LiveClient client;

  private Duration wakeUp;

  Reconciliation(Caster caster, CasterMemory memory, Instant now) {
    this.caster = caster;
    this.memory = memory;
    this.base = memory.knownStatus != null ? memory.knownStatus : caster.getStatus();
    this.now = now;
    this.draft = new StatusDraft(base, generation(), now);
  }

  CasterSpec spec() {
    return caster.getSpec() == null ? new CasterSpec() : caster.getSpec();
  }

  CasterStatus status() {
    return draft.status();
  }

  String uid() {
    return caster.getMetadata().getUid();
  }

  long generation() {
    Long generation = caster.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** namespace/name, for logs and messages. */
  String ref() {
    return caster.getMetadata().getNamespace() + "/" + caster.getMetadata().getName();
  }

  String annotation(String key) {
    Map<String, String> annotations = caster.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  boolean paused() {
    return "true".equalsIgnoreCase(annotation(Annotations.PAUSED));
  }

  boolean observeOnly() {
    return spec().getManagementPolicy() == ManagementPolicy.ObserveOnly;
  }

  /** Identifies what may have changed since a failure: the spec and the credentials. */
  String fingerprint() {
    return generation() + "|" + credentialsVersion;
  }

  /** Asks to be reconciled again after {@code delay} (the earliest of all requests wins). */
  void wakeUpIn(Duration delay) {
    Duration positive = delay.isNegative() || delay.isZero() ? Duration.ofMillis(1) : delay;
    wakeUp = wakeUp == null || positive.compareTo(wakeUp) < 0 ? positive : wakeUp;
  }

  void wakeUpAt(Instant when) {
    wakeUpIn(Duration.between(now, when));
  }

  Duration wakeUp() {
    return wakeUp;
  }

  void event(String reason, String message) {
    notes.add(new Note(false, reason, message));
  }

  void warning(String reason, String message) {
    notes.add(new Note(true, reason, message));
  }
}
