package io.casteroperator.playground;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.emulator.LiveEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the playground answers the everyday kubectl verbs as a cluster with the CRD installed
 * would. Drives the real kubectl binary (from PATH) against a running playground, with its
 * kubeconfig, and checks what a user sees: exit status and output.
 */
class KubectlIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path temp;
  private static Playground playground;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    Path kubeconfig = temp.resolve("kubeconfig");
    kubectl = Kubectl.onPath(kubeconfig);
    playground = Playground.start(options(kubeconfig, true));
    await().atMost(TIMEOUT).until(playground::settled);
  }

  @AfterAll
  static void stop() {
    if (playground != null) {
      playground.close();
    }
  }

  static PlaygroundOptions options(Path kubeconfig, boolean schemaValidation) {
    return new PlaygroundOptions(0, 0, -1, LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET,
        Path.of("deploy", "examples"), kubeconfig, TIMEOUT, schemaValidation);
  }

  private static Path manifest(String name, String spec) throws IOException {
    Path file = Files.createTempFile(temp, name, ".yaml");
    Files.writeString(file, """
        apiVersion: live.caster-operator.io/v1alpha1
        kind: Caster
        metadata:
          name: %s
        spec: %s
        """.formatted(name, spec));
    return file;
  }

  private static void assertSucceeds(Kubectl.Result result) {
    assertEquals(0, result.exit(), result.toString());
  }

  private static void assertRefused(Kubectl.Result result) {
    assertEquals(1, result.exit(), result.toString());
  }

  @Test
  void applyWithoutFlagsCreatesACasterThatBecomesReady() throws IOException {
    Kubectl.Result apply = kubectl.run("apply", "-f", manifest("plain-apply", "{casterName: plain apply, delay: 3}").toString());
    assertSucceeds(apply);
    assertEquals("caster.live.caster-operator.io/plain-apply created\n", apply.out());

    Kubectl.Result wait = kubectl.run("wait", "--for=condition=Ready", "cst/plain-apply", "--timeout=60s");
    assertSucceeds(wait);
    assertEquals("caster.live.caster-operator.io/plain-apply condition met\n", wait.out());

    Kubectl.Result again = kubectl.run("apply", "-f", manifest("plain-apply", "{casterName: plain apply, delay: 4}").toString());
    assertSucceeds(again);
    assertEquals("caster.live.caster-operator.io/plain-apply configured\n", again.out());
    assertEquals("4", kubectl.run("get", "cst", "plain-apply", "-o", "jsonpath={.spec.delay}").out());
  }

  @Test
  void aCasterOutsideTheSchemaIsRefusedNamingTheField() throws IOException {
    Kubectl.Result apply = kubectl.run("apply", "-f", manifest("too-late", "{delay: 301}").toString());
    assertRefused(apply);
    assertTrue(apply.err().contains("The Caster \"too-late\" is invalid: spec.delay: Invalid value: 301: "
        + "spec.delay in body should be less than or equal to 300"), apply.toString());
    assertTrue(kubectl.run("get", "cst", "too-late").err().contains("casters.live.caster-operator.io \"too-late\" not found"));
  }

  @Test
  void anUnknownFieldIsRefusedAsStrictValidationAsks() throws IOException {
    Kubectl.Result apply = kubectl.run("apply", "-f", manifest("typo", "{dealy: 3}").toString());
    assertRefused(apply);
    assertTrue(apply.err().contains("strict decoding error: unknown field \"spec.dealy\""), apply.toString());
  }

  @Test
  void aTransitionRuleRefusesAChangeOnUpdate() throws IOException {
    String casterId = "a2b8e671-2fe5-4642-a2ec-bf93880e0001";
    Kubectl.Result patch = kubectl.run("patch", "cst", "morning-show", "--type=merge",
        "-p", "{\"spec\":{\"casterId\":\"a2b8e671-2fe5-4642-a2ec-bf93880e0999\"}}");
    assertRefused(patch);
    assertTrue(patch.err().contains("spec.casterId: Forbidden") || patch.err().contains("spec.casterId: Invalid value"),
        patch.toString());
    assertTrue(patch.err().contains("casterId cannot be changed"), patch.toString());
    assertEquals(casterId, kubectl.run("get", "cst", "morning-show", "-o", "jsonpath={.spec.casterId}").out());
  }

  @Test
  void createSecretGenericAndCreateConfigMapWork() {
    Kubectl.Result secret = kubectl.run("create", "secret", "generic", "more-credentials", "--from-literal=accessKeyId=LTAIx",
        "--from-literal=accessKeySecret=s3cr3t");
    assertSucceeds(secret);
    assertEquals("secret/more-credentials created\n", secret.out());
    String stored = kubectl.run("get", "secret", "more-credentials", "-o", "jsonpath={.data.accessKeySecret}").out();
    assertEquals("s3cr3t", new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8));
    // describe reads built-in kinds with a typed client that asks for protobuf first.
    Kubectl.Result describe = kubectl.run("describe", "secret", "more-credentials");
    assertSucceeds(describe);
    assertTrue(Pattern.compile("Type:\\s+Opaque").matcher(describe.out()).find(), describe.toString());
    assertTrue(Pattern.compile("accessKeySecret:\\s+6 bytes").matcher(describe.out()).find(), describe.toString());

    Kubectl.Result configMap = kubectl.run("create", "configmap", "settings", "--from-literal=region=cn-shanghai");
    assertSucceeds(configMap);
    assertEquals("configmap/settings created\n", configMap.out());
    Kubectl.Result get = kubectl.run("get", "configmap", "settings");
    assertTrue(Pattern.compile("NAME\\s+DATA\\s+AGE\\nsettings\\s+1\\s+").matcher(get.out()).find(), get.toString());
  }

  @Test
  void explainShowsTheCrdsDocumentation() {
    Kubectl.Result explain = kubectl.run("explain", "casters.spec.delay");
    assertSucceeds(explain);
    assertTrue(explain.out().contains("FIELD: delay <number>"), explain.toString());
    assertTrue(explain.out().contains("Stream delay in seconds, 0 to 300"), explain.toString());

    Kubectl.Result spec = kubectl.run("explain", "casters.spec");
    assertTrue(spec.out().contains("credentialsSecretRef") && spec.out().contains("sideOutputUrlList"), spec.toString());

    // The same from the OpenAPI v2 document, which kubectl downloads as gnostic protobuf.
    Kubectl.Result v2 = kubectl.run("explain", "casters.spec.delay", "--output=plaintext-openapiv2");
    assertSucceeds(v2);
    assertTrue(v2.out().contains("Stream delay in seconds, 0 to 300"), v2.toString());
  }

  @Test
  void getWatchPrintsAModifiedLineWhenACasterChanges() {
    try (Kubectl.Running watch = kubectl.background("get", "cst", "evening-news", "-w", "--output-watch-events")) {
      await().atMost(TIMEOUT).until(() -> watch.lines().stream().anyMatch(l -> l.startsWith("ADDED") && l.contains("evening-news")));
      assertSucceeds(kubectl.run("label", "cst", "evening-news", "watched=yes"));
      await().atMost(TIMEOUT).until(() -> watch.lines().stream()
          .anyMatch(l -> l.matches("MODIFIED\\s+evening-news\\s+\\S+\\s+True\\s+Applied\\s+.*")));
      assertFalse(watch.lines().stream().anyMatch(l -> l.contains("BOOKMARK") || l.contains("ERROR")), watch.lines().toString());
    }
  }

  @Test
  void waitForReadyReturnsWhenTheCasterIsReady() {
    Kubectl.Result wait = kubectl.run("wait", "--for=condition=Ready", "cst/studio-b", "--timeout=30s");
    assertSucceeds(wait);
    assertEquals("caster.live.caster-operator.io/studio-b condition met\n", wait.out());
  }

  @Test
  void describeShowsTheEventsTheOperatorRecorded() {
    Kubectl.Result describe = kubectl.run("describe", "cst", "morning-show");
    assertSucceeds(describe);
    String events = describe.out().substring(describe.out().indexOf("\nEvents:"));
    assertFalse(events.contains("<none>"), describe.toString());
    assertTrue(Pattern.compile("Normal\\s+Applied\\s+\\S+\\s+caster-operator\\s+applied generation 1").matcher(events).find(),
        describe.toString());
  }

  @Test
  void getEventsPrintsTheReasonColumn() {
    Kubectl.Result events = kubectl.run("get", "events");
    assertSucceeds(events);
    List<String> lines = events.out().lines().toList();
    assertTrue(lines.get(0).matches("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\S+\\s+Normal\\s+Applied\\s+caster/studio-b\\s+applied generation 1 .*")),
        events.out());

    Kubectl.Result selected = kubectl.run("get", "events", "--field-selector", "involvedObject.name=studio-b,reason=Applied");
    assertTrue(selected.out().lines().skip(1).allMatch(l -> l.contains("Applied") && l.contains("caster/studio-b")), selected.toString());
  }

  @Test
  void serverSideApplyCreatesMergesAndRecordsTheFieldManager() throws IOException {
    Kubectl.Result create = kubectl.run("apply", "--server-side", "-f",
        manifest("applied", "{casterName: applied, delay: 5, programName: news}").toString());
    assertSucceeds(create);
    assertEquals("caster.live.caster-operator.io/applied serverside-applied\n", create.out());
    String managed = kubectl.run("get", "cst", "applied", "--show-managed-fields", "-o",
        "jsonpath={.metadata.managedFields[?(@.manager==\"kubectl\")].operation} {.metadata.managedFields[0].fieldsV1}").out();
    assertTrue(managed.startsWith("Apply ") && managed.contains("\"f:delay\""), managed);

    // Applying again without programName removes it: the manager owned it and gave it up.
    assertSucceeds(kubectl.run("apply", "--server-side", "-f", manifest("applied", "{casterName: applied, delay: 6}").toString()));
    assertEquals("{\"casterName\":\"applied\",\"delay\":6}", kubectl.run("get", "cst", "applied", "-o", "jsonpath={.spec}").out());

    // Another manager applying a different value conflicts, unless it forces.
    Path other = manifest("applied", "{delay: 7}");
    Kubectl.Result conflict = kubectl.run("apply", "--server-side", "--field-manager=team-b", "-f", other.toString());
    assertRefused(conflict);
    assertTrue(conflict.err().contains("conflict with \"kubectl\": .spec.delay"), conflict.toString());
    assertSucceeds(kubectl.run("apply", "--server-side", "--field-manager=team-b", "--force-conflicts", "-f", other.toString()));
    assertEquals("7", kubectl.run("get", "cst", "applied", "-o", "jsonpath={.spec.delay}").out());
  }

  @Test
  void patchLabelAnnotateAndDeleteWork() throws IOException {
    assertSucceeds(kubectl.run("apply", "-f", manifest("short-lived", "{casterName: short lived}").toString()));
    assertSucceeds(kubectl.run("wait", "--for=condition=Ready", "cst/short-lived", "--timeout=60s"));

    assertSucceeds(kubectl.run("patch", "cst", "short-lived", "--type=merge", "-p", "{\"spec\":{\"delay\":2}}"));
    assertSucceeds(kubectl.run("label", "cst", "short-lived", "team=news"));
    assertSucceeds(kubectl.run("annotate", "cst", "short-lived", "owner=alice"));
    assertEquals("2 news alice", kubectl.run("get", "cst", "short-lived", "-o",
        "jsonpath={.spec.delay} {.metadata.labels.team} {.metadata.annotations.owner}").out());
    Kubectl.Result byLabel = kubectl.run("get", "cst", "-l", "team in (news,sports)", "-o", "name");
    assertEquals("caster.live.caster-operator.io/short-lived\n", byLabel.out());

    // The operator created this caster, so a finalizer holds the Caster until the caster is deleted.
    long start = System.nanoTime();
    Kubectl.Result delete = kubectl.run("delete", "cst", "short-lived");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertSucceeds(delete);
    assertEquals("caster.live.caster-operator.io \"short-lived\" deleted\n", delete.out());
    assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "kubectl delete took " + took);
    assertTrue(kubectl.run("get", "cst", "short-lived").err().contains("not found"));
  }

  /** --schema-validation=off: the API server stores any Caster, and the operator reports what is wrong. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithoutSchemaValidation {

    private Playground lenient;
    private Kubectl lenientKubectl;

    @BeforeAll
    void start() throws IOException {
      Path kubeconfig = temp.resolve("lenient-kubeconfig");
      lenientKubectl = Kubectl.onPath(kubeconfig);
      lenient = Playground.start(new PlaygroundOptions(0, 0, -1, LiveEmulator.DEMO_ACCESS_KEY_ID,
          LiveEmulator.DEMO_ACCESS_KEY_SECRET, null, kubeconfig, TIMEOUT, false));
    }

    @AfterAll
    void stop() {
      if (lenient != null) {
        lenient.close();
      }
    }

    @Test
    void aBrokenCasterReachesTheOperatorWhichReportsIt() throws IOException {
      Kubectl.Result apply = lenientKubectl.run("apply", "-f", manifest("too-late", "{delay: 301}").toString());
      assertSucceeds(apply);
      Kubectl.Result wait = lenientKubectl.run("wait", "--for=condition=Ready=false", "cst/too-late", "--timeout=60s");
      assertSucceeds(wait);
      await().atMost(TIMEOUT).until(() -> lenientKubectl.run("get", "cst", "too-late", "-o",
          "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}").out().equals("InvalidSpec"));
      String message = lenientKubectl.run("get", "cst", "too-late", "-o",
          "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}").out();
      assertTrue(message.contains("spec.delay"), message);
    }
  }
}
