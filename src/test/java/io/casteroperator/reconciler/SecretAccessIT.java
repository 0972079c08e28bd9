package io.casteroperator.reconciler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.testing.OperatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator reads the Secrets that Casters name, by name, and no other: a real cluster's
 * namespaces hold Helm releases, service-account tokens and other teams' keys, which must neither
 * fill the operator's memory nor need a grant to list every Secret.
 */
class SecretAccessIT {

  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass();

  private static final Pattern WATCHED = Pattern.compile("(?m)^caster_secrets_watched (\\d+)");

  @Test
  void onlyTheSecretsCastersNameAreReadAndOnlyByName() {
    for (int i = 0; i < 20; i++) {
      fixture.secret("unrelated-" + i, Map.of("tls.key", "x".repeat(1024)));
    }
    String keys = OperatorFixture.uniqueName("keys");
    fixture.secret(keys, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", OperatorFixture.DEFAULT_SECRET,
        "accountId", OperatorFixture.ACCOUNT));
    String name = OperatorFixture.uniqueName("named");
    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}".formatted(fixture.cloudCaster(), keys));
    fixture.awaitReady(name);

    List<String> secretRequests = fixture.operatorRequests().stream().filter(r -> r.contains("/secrets")).toList();
    assertTrue(!secretRequests.isEmpty(), "the Secret was read");
    assertTrue(secretRequests.stream().anyMatch(r -> r.endsWith("/secrets/" + keys)), "the named Secret was read by name");
    for (String request : secretRequests) {
      boolean byName = request.matches("GET /api/v1/namespaces/default/secrets/[a-z0-9.-]+")
          || request.matches("GET /api/v1/namespaces/default/secrets\\?.*fieldSelector=metadata\\.name%3D[a-z0-9.-]+(&.*)?");
      assertTrue(byName, "a request for Secrets that names none (a list, or a watch of all): " + request);
      assertTrue(!request.contains("unrelated"), "a Secret no Caster names was read: " + request);
    }
  }

  @Test
  void aSecretNoCasterNamesAnyMoreIsNoLongerWatched() {
    int before = watched();
    String first = OperatorFixture.uniqueName("first");
    String second = OperatorFixture.uniqueName("second");
    for (String secret : List.of(first, second)) {
      fixture.secret(secret, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", OperatorFixture.DEFAULT_SECRET,
          "accountId", OperatorFixture.ACCOUNT));
    }
    String id = fixture.cloudCaster();
    String name = OperatorFixture.uniqueName("switch");
    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 1".formatted(id, first));
    fixture.awaitReady(name);
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> assertEquals(before + 1, watched()));

    fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 2".formatted(id, second));
    fixture.awaitReady(name);
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> assertEquals(before + 1, watched(), "the first one is let go"));

    fixture.delete(name);
    await().atMost(OperatorFixture.TIMEOUT).untilAsserted(() -> assertEquals(before, watched(), "the Caster is gone, so is its Secret"));
  }

  @Test
  void castersSharingASecretWatchItOnceAndAreNotWokenByTheirOwnWatch() {
    String keys = OperatorFixture.uniqueName("shared");
    fixture.secret(keys, Map.of("accessKeyId", OperatorFixture.DEFAULT_KEY, "accessKeySecret", OperatorFixture.DEFAULT_SECRET,
        "accountId", OperatorFixture.ACCOUNT));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = OperatorFixture.uniqueName("sharer");
      names.add(name);
      fixture.apply(name, "casterId: %s\ncredentialsSecretRef: {name: %s}\ndelay: 1".formatted(fixture.cloudCaster(), keys));
    }
    names.forEach(fixture::awaitReady);

    List<String> watches = fixture.operatorRequests().stream()
        .filter(r -> r.contains("/secrets?") && r.contains("watch=true") && r.contains("metadata.name%3D" + keys)).toList();
    assertEquals(1, watches.size(), "watches opened on the Secret the Casters share");
    double settled = reconciles();
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertEquals(settled, reconciles(), "reconciles once every Caster is Ready"));
  }

  private static double reconciles() {
    return Pattern.compile("(?m)^caster_reconciles_total\\{[^}]*} ([0-9.E]+)").matcher(fixture.scrapeMetrics()).results()
        .mapToDouble(m -> Double.parseDouble(m.group(1))).sum();
  }

  private static int watched() {
    Matcher m = WATCHED.matcher(fixture.scrapeMetrics());
    assertTrue(m.find(), "the metric caster_secrets_watched");
    return Integer.parseInt(m.group(1));
  }
}
