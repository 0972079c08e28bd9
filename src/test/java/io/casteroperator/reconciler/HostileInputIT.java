package io.casteroperator.reconciler;

import static io.casteroperator.testing.OperatorFixture.condition;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import io.casteroperator.api.Condition;
import io.casteroperator.api.ConditionStatus;
import io.casteroperator.api.Conditions;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.testing.OperatorFixture;
import io.casteroperator.testing.TableShorthands;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input (issue #8): every hostile or broken manifest of src/test/resources/hostile/cases.yaml
 * ends in its own clear status, makes no call with an invalid request (an invalid one makes no call
 * at all), and breaks nothing for the other Casters. The table's header explains its format.
 *
 * <p>Cases are applied in bulk and checked together: the operator handles them all at once, as it
 * would a namespace full of bad manifests.
 */
class HostileInputIT {

  // Broken manifests must reach the operator: an API server without the CRD's schema checks.
  @RegisterExtension static final OperatorFixture fixture = OperatorFixture.perClass().withoutSchemaValidation();

  private static final String TABLE = "hostile/cases.yaml";
  private static final String API_VERSION = Caster.GROUP + "/" + Caster.VERSION;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<HostileCase> CASES = HostileCase.load();

  /** What a SetCasterConfig may carry: the target and the configuration parameters, nothing else. */
  private static final Set<String> SET_CASTER_CONFIG_PARAMETERS = Set.of("CasterId", "CasterName", "DomainName",
      "TranscodeConfig", "RecordConfig", "Delay", "UrgentMaterialId", "UrgentLiveStreamUrl", "SideOutputUrl",
      "SideOutputUrlList", "CallbackUrl", "ProgramEffect", "ProgramName", "ChannelEnable", "SyncGroupsConfig",
      "UrgentImageId", "UrgentImageUrl", "AutoSwitchUrgentOn", "AutoSwitchUrgentConfig");
  /** Every key the operator writes inside a JSON parameter; any other key was injected. */
  private static final Map<String, Set<String>> JSON_KEYS = Map.of(
      "TranscodeConfig", Set.of("CasterTemplate", "LiveTemplateIds", "CustomParams", "video", "fps", "bitrate",
          "width", "height"),
      "RecordConfig", Set.of("endpoint", "ossBucket", "videoFormat", "Format", "OssObjectPrefix",
          "SliceOssObjectPrefix", "CycleDuration", "interval"),
      "SyncGroupsConfig", Set.of("mode", "resourceIds", "hostResourceId"),
      "AutoSwitchUrgentConfig", Set.of("eofThres"),
      "SideOutputUrlList", Set.of());

  /** The only casters any call may be for: those of valid Casters. A call for any other is a bug. */
  private static final Set<String> CALLABLE = ConcurrentHashMap.newKeySet();

  @TestFactory
  Stream<DynamicTest> everyHostileManifestEndsInItsOwnClearStatus() {
    assertTrue(CASES.size() >= 30, "the table holds " + CASES.size() + " cases");
    List<Deployed> deployed = CASES.stream().map(Deployed::prepare).toList();
    deployed.forEach(Deployed::create);

    Stream<DynamicTest> each = deployed.stream().map(d -> dynamicTest(d.hostile.name(), () -> check(d)));
    Stream<DynamicTest> after = Stream.of(
        dynamicTest("no further call, not even a second later", () -> staysQuiet(deployed)),
        dynamicTest("every call the Live API received was valid", HostileInputIT::everyCallWasValid),
        dynamicTest("a fresh good Caster still converges", HostileInputIT::aFreshCasterConverges));
    return Stream.concat(each, after);
  }

  @Test
  void allHostileCastersAtOnceDoNotStopTheGoodOnes() {
    List<Deployed> hostile = CASES.stream().map(Deployed::prepare).toList();
    Map<String, String> good = new LinkedHashMap<>(); // name -> casterId
    for (int i = 0; i < 5; i++) {
      String id = fixture.cloudCaster();
      CALLABLE.add(id);
      good.put(OperatorFixture.uniqueName("good"), id);
    }
    List<String> goodNames = new ArrayList<>(good.keySet());

    // Good Casters first, among and after the hostile ones.
    int step = (hostile.size() + 3) / 4;
    for (int i = 0; i < hostile.size(); i++) {
      if (i % step == 0) {
        applyGood(goodNames.get(i / step), good.get(goodNames.get(i / step)));
      }
      hostile.get(i).create();
    }
    applyGood(goodNames.get(4), good.get(goodNames.get(4)));

    good.forEach((name, id) -> fixture.awaitReady(name));
    List<AssertionError> failures = new ArrayList<>();
    for (Deployed d : hostile) {
      try {
        check(d);
      } catch (AssertionError e) {
        failures.add(new AssertionError(d.hostile.name() + ": " + e.getMessage(), e));
      }
    }
    if (!failures.isEmpty()) {
      AssertionError all = new AssertionError(failures.size() + " hostile cases failed; first: " + failures.get(0).getMessage());
      failures.forEach(all::addSuppressed);
      throw all;
    }
    await("exactly one SetCasterConfig per good Caster, and still as the table says for the hostile ones")
        .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> good.values().stream().allMatch(id -> fixture.callCount(id, "SetCasterConfig") == 1)
            && hostile.stream().allMatch(Deployed::quiet));
    everyCallWasValid();
    aFreshCasterConverges();
  }

  // ---------------------------------------------------------------- checks

  /** The case's Caster reaches its expected status, with the calls (or none) that it allows. */
  private static void check(Deployed d) {
    HostileCase c = d.hostile;
    List<String> expectedTexts = c.message().stream().map(d::substitute).toList();
    CasterStatus status = fixture.awaitStatus(d.name, s -> d.reached(s, expectedTexts),
        "Ready=" + (c.applied() ? "True" : "False") + " reason " + c.reason() + " with a message naming " + expectedTexts);

    Condition ready = condition(status, Conditions.READY);
    String message = ready.getMessage();
    assertTrue(message.length() <= 1024, "a short message: " + message.length() + " characters");
    assertTrue(message.codePoints().noneMatch(Character::isISOControl), "no control characters in: " + message);
    for (String secretValue : d.secretValues()) {
      assertFalse(message.contains(secretValue), "the message shows a Secret value: " + message);
    }
    Condition synced = condition(status, Conditions.SYNCED);
    assertEquals(c.applied() ? ConditionStatus.True : ConditionStatus.False, synced.getStatus(), "Synced");
    assertEquals(c.reason(), synced.getReason(), "Synced reason");

    if (!c.applied()) {
      assertEquals(List.of(), d.calls(), "calls for an invalid Caster");
      return;
    }
    List<CallRecord> calls = d.calls();
    calls.forEach(call -> assertEquals(CallRecord.OK, call.code(), () -> "a refused call: " + call));
    List<CallRecord> writes = calls.stream().filter(call -> "SetCasterConfig".equals(call.action())).toList();
    assertEquals(1, writes.size(), () -> "SetCasterConfig calls: " + calls);
    assertTrue(calls.stream().allMatch(call -> Set.of("DescribeCasterConfig", "SetCasterConfig").contains(call.action())),
        () -> "only a read and a write: " + calls);
    checkSent(d, writes.get(0));
  }

  /** The write carries the text literally: as the parameter, or as a string inside its JSON, never as a key. */
  private static void checkSent(Deployed d, CallRecord write) {
    Map<String, String> params = write.params();
    assertTrue(SET_CASTER_CONFIG_PARAMETERS.containsAll(params.keySet()), "unexpected parameters: " + params.keySet());
    assertEquals(d.casterId, params.get("CasterId"), "the target");
    JSON_KEYS.forEach((name, keys) -> {
      if (params.get(name) != null && !params.get(name).isEmpty()) {
        Set<String> found = new HashSet<>();
        fieldNames(parse(name, params.get(name)), found);
        found.removeAll(keys);
        assertEquals(Set.of(), found, name + " has keys the operator never writes: " + params.get(name));
      }
    });
    JsonNode sent = d.substituted(d.hostile.sent());
    assertNotNull(sent, "an Applied case states what was sent");
    for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> expected = it.next();
      String actual = params.get(expected.getKey());
      assertNotNull(actual, expected.getKey() + " was not sent: " + params);
      if (expected.getValue().isTextual()) {
        assertEquals(expected.getValue().asText(), actual, expected.getKey());
        continue;
      }
      JsonNode tree = parse(expected.getKey(), actual);
      expected.getValue().fields().forEachRemaining(pointer -> {
        JsonNode value = tree.at(pointer.getKey());
        assertTrue(value.isTextual(), expected.getKey() + pointer.getKey() + " is not a string in " + actual);
        assertEquals(pointer.getValue().asText(), value.asText(), expected.getKey() + pointer.getKey());
      });
    }
  }

  /** For a second: still no call for any invalid Caster, still one write for each valid one. */
  private static void staysQuiet(List<Deployed> deployed) {
    await("no call for an invalid Caster, one write for a valid one").during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3)).until(() -> deployed.stream().allMatch(Deployed::quiet));
  }

  /** Every call of the class so far was accepted, and was for a caster that a valid Caster manages. */
  private static void everyCallWasValid() {
    List<String> wrong = fixture.emulator().callLog().stream()
        .filter(call -> !CallRecord.OK.equals(call.code()) || !CALLABLE.contains(call.casterId()))
        .map(call -> call.action() + " " + call.casterId() + " -> " + call.code() + " " + call.params())
        .toList();
    assertEquals(List.of(), wrong, "calls that were refused, or for no valid Caster");
  }

  private static void aFreshCasterConverges() {
    String id = fixture.cloudCaster();
    CALLABLE.add(id);
    String name = OperatorFixture.uniqueName("after-hostile");
    fixture.apply(name, "casterId: %s\ncasterName: still converging\ndelay: 4".formatted(id));
    fixture.awaitReady(name);
    assertEquals(1, fixture.callCount(id, "SetCasterConfig"));
    assertTrue(fixture.operator().ready(), "the operator is still ready");
  }

  private static void applyGood(String name, String casterId) {
    fixture.apply(name, """
        casterId: %s
        casterName: %s
        domainName: live.example.com
        delay: 3
        transcodeConfig: {casterTemplate: lp_sd}
        sideOutputUrlList: ["rtmp://push.example.com/live/%s"]""".formatted(casterId, name, name));
  }

  private static JsonNode parse(String name, String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(name + " is not JSON: " + json, e);
    }
  }

  private static void fieldNames(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        into.add(f.getKey());
        fieldNames(f.getValue(), into);
      });
    } else if (node.isArray()) {
      node.forEach(item -> fieldNames(item, into));
    }
  }

  // ---------------------------------------------------------------- one case, deployed

  /** One case of the table made real: its cloud caster, its Secret, its Caster. */
  private static final class Deployed {
    final HostileCase hostile;
    final String name = OperatorFixture.uniqueName("hostile");
    final String secret = name + "-credentials";
    final String casterId;
    volatile String uid;

    private Deployed(HostileCase hostile) {
      this.hostile = hostile;
      this.casterId = hostile.usesCasterId() ? fixture.cloudCaster() : null;
      if (casterId != null && hostile.applied()) {
        CALLABLE.add(casterId);
      }
    }

    /** Makes the case's cloud caster and Secret; the Caster comes later, with the others. */
    static Deployed prepare(HostileCase hostile) {
      Deployed d = new Deployed(hostile);
      if (hostile.secret() != null && hostile.secret().isObject()) {
        Map<String, String> plain = new LinkedHashMap<>();
        hostile.secret().fields().forEachRemaining(f -> plain.put(f.getKey(), f.getValue().asText()));
        fixture.secret(d.secret, plain);
      } else if (hostile.secretData() != null) {
        Map<String, String> data = new LinkedHashMap<>();
        hostile.secretData().fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
        fixture.kube().resource(new SecretBuilder().withNewMetadata().withName(d.secret)
            .withNamespace(OperatorFixture.NAMESPACE).endMetadata().withData(data).build()).create();
      }
      return d;
    }

    /** Creates the Caster exactly as written: as raw JSON, wrong types and all. */
    void create() {
      ObjectNode manifest = hostile.caster() != null
          ? (ObjectNode) substituted(hostile.caster())
          : JsonNodeFactory.instance.objectNode();
      if (hostile.caster() == null) {
        manifest.set("spec", substituted(hostile.spec()));
      }
      manifest.put("apiVersion", API_VERSION).put("kind", "Caster");
      ObjectNode metadata = manifest.has("metadata") ? (ObjectNode) manifest.get("metadata") : manifest.putObject("metadata");
      metadata.put("name", name).put("namespace", OperatorFixture.NAMESPACE);
      GenericKubernetesResource raw = Serialization.unmarshal(manifest.toString(), GenericKubernetesResource.class);
      uid = fixture.kube().genericKubernetesResources(API_VERSION, "Caster")
          .inNamespace(OperatorFixture.NAMESPACE).resource(raw).create().getMetadata().getUid();
    }

    /** Whether the status is the expected outcome, for the current generation. */
    boolean reached(CasterStatus status, List<String> texts) {
      Caster caster = fixture.get(name);
      if (caster == null || status.getConditions() == null
          || !caster.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
        return false;
      }
      Condition ready = status.getConditions().stream().filter(c -> Conditions.READY.equals(c.getType()))
          .findFirst().orElse(null);
      return ready != null
          && ready.getStatus() == (hostile.applied() ? ConditionStatus.True : ConditionStatus.False)
          && hostile.reason().equals(ready.getReason())
          && (ready.getObservedGeneration() == null || ready.getObservedGeneration().equals(caster.getMetadata().getGeneration()))
          && ready.getMessage() != null
          && texts.stream().allMatch(ready.getMessage()::contains);
    }

    /**
     * Every call that concerns this case: for its cloud caster, for whatever its spec names as
     * casterId, or a CreateCaster on its behalf (the operator's ClientToken carries the Caster's uid).
     */
    List<CallRecord> calls() {
      String token = "caster-operator-" + uid;
      String named = specCasterId();
      return fixture.emulator().callLog().stream()
          .filter(call -> (casterId != null && casterId.equals(call.casterId()))
              || (named != null && named.equals(call.casterId()))
              || token.equals(call.params().get("ClientToken")))
          .toList();
    }

    /** No call at all for an invalid case; a single SetCasterConfig for a valid one. */
    boolean quiet() {
      List<CallRecord> calls = calls();
      return hostile.applied()
          ? calls.stream().filter(call -> "SetCasterConfig".equals(call.action())).count() == 1
          : calls.isEmpty();
    }

    private String specCasterId() {
      JsonNode spec = hostile.caster() != null ? hostile.caster().path("spec") : hostile.spec();
      JsonNode id = spec == null ? null : spec.path("casterId");
      return id != null && id.isTextual() ? substitute(id.asText()) : null;
    }

    /** Values of the case's Secret long enough to recognise in a message. */
    List<String> secretValues() {
      List<String> values = new ArrayList<>();
      for (JsonNode data : new JsonNode[] {hostile.secret(), hostile.secretData()}) {
        if (data != null && data.isObject()) {
          data.elements().forEachRemaining(v -> {
            if (v.asText().strip().length() >= 8) {
              values.add(v.asText());
            }
          });
        }
      }
      return values;
    }

    String substitute(String text) {
      String out = text.replace("$SECRET", secret);
      return casterId == null ? out : out.replace("$CASTER_ID", casterId);
    }

    /** The node with placeholders substituted and the table's shorthands expanded. */
    JsonNode substituted(JsonNode node) {
      return TableShorthands.expand(node, this::substitute);
    }
  }

  // ---------------------------------------------------------------- the table

  /**
   * One entry of the table.
   *
   * @param spec what goes under spec (any value), or null when {@code caster} gives the whole object
   * @param secret "missing", or the plain values of the case's Secret
   * @param secretData the data of the case's Secret, as written
   * @param reason the expected Ready reason
   * @param message texts the Ready message contains
   * @param sent for an Applied case: parameter -> text, or parameter -> {JSON pointer -> text}
   */
  private record HostileCase(
      String name,
      JsonNode spec,
      JsonNode caster,
      JsonNode secret,
      JsonNode secretData,
      String reason,
      List<String> message,
      JsonNode sent,
      String raw) {

    private static final Set<String> KEYS = Set.of("name", "spec", "caster", "secret", "secretData", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("reason", "message", "sent");
    private static final Set<String> REASONS = Set.of(Conditions.Reason.APPLIED, Conditions.Reason.INVALID_SPEC,
        Conditions.Reason.CREDENTIALS_ERROR, Conditions.Reason.CLOUD_ERROR);

    @Override
    public String toString() {
      return name;
    }

    boolean applied() {
      return Conditions.Reason.APPLIED.equals(reason);
    }

    boolean usesCasterId() {
      return raw.contains("$CASTER_ID");
    }

    static List<HostileCase> load() {
      JsonNode entries;
      try (InputStream in = HostileInputIT.class.getClassLoader().getResourceAsStream(TABLE)) {
        if (in == null) {
          throw new IllegalStateException(TABLE + " is not on the test class path");
        }
        entries = new YAMLMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<HostileCase> cases = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (JsonNode entry : entries) {
        HostileCase c = of(entry);
        if (!names.add(c.name)) {
          throw new IllegalArgumentException(TABLE + ": two cases named '" + c.name + "'");
        }
        cases.add(c);
      }
      return List.copyOf(cases);
    }

    private static HostileCase of(JsonNode entry) {
      String name = entry.path("name").asText("");
      String where = TABLE + ": case '" + name + "'";
      if (name.isBlank()) {
        throw new IllegalArgumentException(TABLE + ": a case without a name: " + entry);
      }
      entry.fieldNames().forEachRemaining(key -> {
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
        }
      });
      if (entry.has("spec") == entry.has("caster")) {
        throw new IllegalArgumentException(where + ": give either spec or caster");
      }
      JsonNode expect = entry.path("expect");
      expect.fieldNames().forEachRemaining(key -> {
        if (!EXPECT_KEYS.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown key 'expect." + key + "'");
        }
      });
      String reason = expect.path("reason").asText("");
      if (!REASONS.contains(reason)) {
        throw new IllegalArgumentException(where + ": expect.reason must be one of " + REASONS);
      }
      List<String> message = new ArrayList<>();
      expect.path("message").forEach(m -> message.add(m.asText()));
      boolean applied = Conditions.Reason.APPLIED.equals(reason);
      if (applied != expect.has("sent") || (!applied && message.isEmpty())) {
        throw new IllegalArgumentException(where + ": an Applied case states what was sent; any other, its message");
      }
      JsonNode secret = entry.get("secret");
      if (secret != null && !secret.isObject() && !"missing".equals(secret.asText())) {
        throw new IllegalArgumentException(where + ": secret is 'missing' or a map of values");
      }
      return new HostileCase(name, entry.get("spec"), entry.get("caster"), secret, entry.get("secretData"), reason,
          List.copyOf(message), expect.get("sent"), entry.toString());
    }
  }
}
