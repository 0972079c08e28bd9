package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.api.ManagementPolicy;
import io.casteroperator.api.UnreadableSpec;
import io.casteroperator.live.LiveClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One reconcile of one Caster: what it started from, where its calls go, and the status, events and
 * wake-up it builds. Only {@link Outcomes} writes the status draft and the events.
 */
final class Reconciliation {

  /** An Event to record once the reconcile is done. */
  record Note(boolean warning, String reason, String message) {}

  final Caster caster;
  final Kube kube;
  final CasterMemory memory;
  final CasterStatus base;
  final StatusDraft draft;
  final Instant now;
  final List<Note> notes = new ArrayList<>();

  /** The cloud caster this Caster manages; set once it is known. */
  String casterId;

  /** Where calls go, set by {@link CloudAccess}: the client (credentials and region) and its account. */
  LiveClient client;
  CasterLocation target;
  /** Whether {@link #target}'s account is the one the caster was recorded in (or none is recorded yet). */
  boolean accountConfirmed = true;
  String credentialsVersion;

  /** Whether this reconcile read the caster for a drift check (the studio is then read too). */
  boolean driftRead;

  /** The Caster as the API server answered this reconcile's last status write; null before one. */
  Caster written;

  /** The studio's part of this reconcile; null when the spec describes no studio. */
  StudioPass studio;

  private Duration wakeUp;

  Reconciliation(Caster caster, Kube kube, CasterMemory memory, Instant now) {
    this.caster = caster;
    this.kube = kube;
    this.memory = memory;
    this.base = base(caster, memory);
    this.now = now;
    this.draft = new StatusDraft(base, generation(), now);
  }

  /**
   * What the status is: what the API server holds, unless this operator decided more than it could
   * write yet, or the Caster it was handed is older than the operator's own last write.
   */
  private static CasterStatus base(Caster caster, CasterMemory memory) {
    if (memory.unwritten != null) {
      return memory.unwritten;
    }
    if (memory.written != null && olderThan(caster.getMetadata().getResourceVersion(), memory.writtenVersion)) {
      return memory.written;
    }
    return caster.getStatus();
  }

  /** Resource versions are opaque, but etcd's (and the test API server's) are increasing numbers. */
  private static boolean olderThan(String version, String than) {
    try {
      return version != null && than != null && Long.parseLong(version) < Long.parseLong(than);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The newest copy of the Caster this reconcile has: after a write, the API server's answer. */
  Caster latest() {
    return written == null ? caster : written;
  }

  CasterSpec spec() {
    return caster.getSpec() == null ? new CasterSpec() : caster.getSpec();
  }

  /** Whether the spec could be read at all (a wrong type or unknown field makes it unreadable). */
  boolean specReadable() {
    return caster.getSpec() != null && !(caster.getSpec() instanceof UnreadableSpec);
  }

  /** The status being built: read it freely; only {@link Outcomes} changes it. */
  CasterStatus status() {
    return draft.status();
  }

  /** Where the caster was recorded to live; {@code null} until a Caster first reached it. */
  CasterLocation recorded() {
    return CasterLocation.recordedIn(status());
  }

  String account() {
    return target == null ? null : target.accountId();
  }

  String uid() {
    return caster.getMetadata().getUid();
  }

  String namespace() {
    return caster.getMetadata().getNamespace();
  }

  long generation() {
    Long generation = caster.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** namespace/name, for logs and messages. */
  String ref() {
    return namespace() + "/" + caster.getMetadata().getName();
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

  /**
   * The deletion policy: the spec's, else the default for the caster's origin. A spec that cannot
   * be read falls back on the policy in force that status recorded, so that a broken manifest
   * never turns an orphan into a deletion.
   */
  DeletionPolicy deletionPolicy() {
    if (!specReadable() && status().getDeletionPolicy() != null) {
      return status().getDeletionPolicy();
    }
    if (spec().getDeletionPolicy() != null) {
      return spec().getDeletionPolicy();
    }
    var origin = status().getOrigin();
    boolean created = origin == io.casteroperator.api.CasterOrigin.Created
        || (origin == null && spec().getCasterId() == null);
    return created ? DeletionPolicy.Delete : DeletionPolicy.Orphan;
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
