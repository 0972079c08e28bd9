package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.casteroperator.config.Redaction;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on Casters. A repeat of the same event within an hour raises the count
 * of the existing one, as kubectl's own recorder does, instead of flooding the namespace.
 */
final class EventRecorder {

  static final String COMPONENT = "caster-operator";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final Duration AGGREGATION = Duration.ofHours(1);
  private static final int MAX_MESSAGE = 1024;
  private static final int MAX_REMEMBERED = 4096;

  private final Clock clock;
  private final Map<String, Recorded> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  private record Recorded(String name, int count, Instant first) {}

  EventRecorder(Clock clock) {
    this.clock = clock;
  }

  void normal(KubernetesClient client, Caster caster, String reason, String message) {
    record(client, caster, "Normal", reason, message);
  }

  void warning(KubernetesClient client, Caster caster, String reason, String message) {
    record(client, caster, "Warning", reason, message);
  }

  private void record(KubernetesClient client, Caster caster, String type, String reason, String message) {
    String text = Redaction.maskUrls(message);
    if (text.length() > MAX_MESSAGE) {
      text = text.substring(0, MAX_MESSAGE - 3) + "...";
    }
    String namespace = caster.getMetadata().getNamespace();
    String key = caster.getMetadata().getUid() + "|" + type + "|" + reason + "|" + text;
    Instant now = clock.instant();
    try {
      Recorded seen;
      synchronized (recent) {
        seen = recent.get(key);
      }
      if (seen != null && Duration.between(seen.first(), now).compareTo(AGGREGATION) < 0 && bump(client, namespace, seen, now)) {
        synchronized (recent) {
          recent.put(key, new Recorded(seen.name(), seen.count() + 1, seen.first()));
        }
        return;
      }
      String name = caster.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli()) + Integer.toHexString(Objects.hash(key) & 0xfff);
      client.v1().events().inNamespace(namespace).resource(event(caster, name, type, reason, text, now)).create();
      synchronized (recent) {
        recent.put(key, new Recorded(name, 1, now));
      }
    } catch (KubernetesClientException e) {
      // Events are a courtesy: failing to record one must not fail the reconcile.
      LOG.warn("{}/{} could not record event {}: {}", namespace, caster.getMetadata().getName(), reason, e.getMessage());
    }
  }

  private static boolean bump(KubernetesClient client, String namespace, Recorded seen, Instant now) {
    try {
      MergePatch.event(client, namespace, seen.name(),
          "{\"count\":" + (seen.count() + 1) + ",\"lastTimestamp\":\"" + now + "\"}");
      return true;
    } catch (KubernetesClientException e) {
      return false; // expired or removed: create a new one
    }
  }

  private static Event event(Caster caster, String name, String type, String reason, String message, Instant now) {
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(caster.getMetadata().getNamespace()).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(caster.getApiVersion())
            .withKind(caster.getKind())
            .withName(caster.getMetadata().getName())
            .withNamespace(caster.getMetadata().getNamespace())
            .withUid(caster.getMetadata().getUid())
            .withResourceVersion(caster.getMetadata().getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(now.toString())
        .withLastTimestamp(now.toString())
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
