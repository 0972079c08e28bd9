package io.casteroperator.reconciler;

import static io.casteroperator.reconciler.TableWorld.ACCOUNT;
import static io.casteroperator.reconciler.TableWorld.OTHER_ACCOUNT;
import static io.casteroperator.reconciler.TableWorld.REGION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciler's decisions as a table. A row is a situation (the Caster, its Secret, what the
 * cloud holds and answers) and what the user must see after one reconcile: the Ready condition,
 * the calls made (action, region, account), the Events, and anything else in status. The cloud is
 * a plain fake; the integration tests check the same against the emulator over HTTP.
 */
class ReconcilerTableTest {

  private static final String ID = "a2b8e671-2fe5-4642-a2ec-bf93880e0001";
  private static final String AT_HOME = "@" + REGION + "/" + ACCOUNT;
  private static final Map<String, String> OTHER_KEYS =
      Map.of("accessKeyId", "LTAIother", "accessKeySecret", "s2", "accountId", OTHER_ACCOUNT);
  private static final Map<String, String> HOME_KEYS =
      Map.of("accessKeyId", "LTAIhome", "accessKeySecret", "s1", "accountId", ACCOUNT);

  /**
   * @param name what the row shows
   * @param situation builds the world and runs any reconciles before the one that is checked
   * @param ready Ready status/reason after the checked reconcile
   * @param calls the calls the checked reconcile made, as "Action @region/account"
   * @param events Normal events, then Warning events (reasons), of the checked reconcile
   * @param also anything else the row checks
   */
  record Row(String name, UnaryOperator<TableWorld> situation, String ready, List<String> calls,
      List<String> events, List<String> warnings, Consumer<TableWorld> also) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("an adopted caster that differs: one read, one write, and where it lives is recorded",
            w -> adopted(w).spec("casterId: " + ID + "\ndelay: 3").reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "SetCasterConfig " + AT_HOME),
            List.of("AdoptionChanges", "Applied"), List.of(),
            w -> assertAll(
                () -> assertEquals(REGION, w.status().getRegionId()),
                () -> assertEquals(ACCOUNT, w.status().getAccountId()),
                () -> assertNull(w.status().getCredentialsSecretName(), "the default credentials have no Secret"))),

        new Row("the first write to an adopted caster names what it changes, and what it sets that no read shows",
            w -> adopted(w).spec("casterId: " + ID + "\ndelay: 3\nrecordConfig: {ossBucket: b, interval: 5000}").reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "SetCasterConfig " + AT_HOME),
            List.of("AdoptionChanges", "Applied"), List.of(),
            w -> {
              String event = w.events.get(0);
              assertTrue(event.contains("delay (changed)") && event.contains("recordConfig.ossBucket (changed)")
                  && event.endsWith("will be set, cannot be read back: recordConfig.interval"), event);
            }),

        new Row("an adopted caster that matches but for a field no read shows: written once, to be sure",
            w -> adopted(w).spec("casterId: " + ID + "\nrecordConfig: {interval: 5000}").reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "SetCasterConfig " + AT_HOME),
            List.of("AdoptionChanges", "Applied"), List.of(),
            w -> assertTrue(w.events.get(0).contains("changes: nothing the service reports; will be set, cannot be read back: "
                + "recordConfig.interval"), w.events.get(0))),

        new Row("an adopted caster that already matches: read, no write",
            w -> adopted(w).spec("casterId: " + ID).reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME), List.of("InSync"), List.of(), w -> { }),

        new Row("a new caster: created, annotated, configured; the region and the Secret are recorded",
            w -> w.secret("keys", HOME_KEYS).spec("credentialsSecretRef: {name: keys}\ndelay: 3").reconcile(),
            "True/Applied", List.of("CreateCaster " + AT_HOME, "SetCasterConfig @" + REGION + "/" + ACCOUNT),
            List.of("Created", "Applied"), List.of(),
            w -> assertAll(
                () -> assertTrue(w.hasFinalizer()),
                () -> assertEquals(REGION, w.status().getRegionId()),
                () -> assertEquals("keys", w.status().getCredentialsSecretName()),
                () -> assertEquals("Created", String.valueOf(w.status().getOrigin())))),

        new Row("regionId changed after the claim: refused, no call",
            w -> claimed(w).spec("casterId: " + ID + "\nregionId: cn-beijing\ndelay: 3").reconcile(),
            "False/RegionImmutable", List.of(), List.of(), List.of(),
            w -> {
              String message = w.condition("Ready").getMessage();
              assertTrue(message.contains("cn-beijing") && message.contains(REGION), message);
            }),

        new Row("regionId added, the same as recorded: fine",
            w -> claimed(w).spec("casterId: " + ID + "\nregionId: " + REGION + "\ndelay: 4").reconcile(),
            "True/Applied", List.of("SetCasterConfig " + AT_HOME), List.of("Applied"), List.of(), w -> { }),

        new Row("credentials of another account cannot see the caster: AccountMismatch, never 'gone'",
            w -> claimed(w).secret("other-keys", OTHER_KEYS)
                .spec("casterId: " + ID + "\ncredentialsSecretRef: {name: other-keys}\ndelay: 4").reconcile(),
            "False/AccountMismatch", List.of("SetCasterConfig @" + REGION + "/" + OTHER_ACCOUNT), List.of(),
            List.of("AccountMismatch"),
            w -> assertAll(
                () -> assertEquals("InvalidCaster.NotFound", w.status().getLastErrorCode()),
                () -> assertEquals(ACCOUNT, w.status().getAccountId(), "the record stays"),
                () -> assertTrue(w.condition("Ready").getMessage().contains(ACCOUNT + " (status.accountId)")))),

        new Row("rotated to another key of the same account: it reaches the caster, the new Secret is recorded",
            w -> claimed(w).secret("new-keys", Map.of("accessKeyId", "LTAInew", "accessKeySecret", "s3", "accountId", ACCOUNT))
                .spec("casterId: " + ID + "\ncredentialsSecretRef: {name: new-keys}\ndelay: 4").reconcile(),
            "True/Applied", List.of("SetCasterConfig " + AT_HOME), List.of("Applied"), List.of(),
            w -> assertEquals("new-keys", w.status().getCredentialsSecretName())),

        new Row("channels wait for a stopped caster: the answer backs off instead of retrying at once",
            w -> claimedRunning(w).spec("casterId: " + ID + "\nchannelEnable: true").reconcile(),
            "False/ChannelEnableRequiresStoppedCaster", List.of("DescribeCasters " + AT_HOME, "SetCasterConfig " + AT_HOME),
            List.of("Applied"), List.of(),
            w -> assertEquals(Duration.ofSeconds(30), w.wakeUp, "the state is polled")),

        new Row("EnableChannel refused although the caster seemed stopped: backoff, not a hot retry",
            w -> claimed(w).failing("SetCasterConfig", "IncorrectCasterStatus.EnableChannel", 400)
                .spec("casterId: " + ID + "\nchannelEnable: true").reconcile(),
            "False/ChannelEnableRequiresStoppedCaster", List.of("DescribeCasters " + AT_HOME, "SetCasterConfig " + AT_HOME),
            List.of(), List.of("ChannelEnableRequiresStoppedCaster"),
            w -> assertAll(
                () -> assertEquals("IncorrectCasterStatus.EnableChannel", w.status().getLastErrorCode()),
                () -> assertEquals("Running", String.valueOf(w.status().getCasterState()), "the answer tells the state"),
                () -> assertNotNull(w.status().getNextRetryTime()),
                () -> assertTrue(w.wakeUp.compareTo(Duration.ofMillis(400)) >= 0, "woken after the backoff: " + w.wakeUp))),

        new Row("channels turned off in the spec but on in the cloud, and refused: backoff",
            w -> claimed(w).withChannels(ID).spec("casterId: " + ID + "\ndelay: 2").reconcile(),
            "False/ChannelDisableUnsupported", List.of("SetCasterConfig " + AT_HOME), List.of(),
            List.of("ChannelDisableUnsupported"),
            w -> assertTrue(w.wakeUp.compareTo(Duration.ofMillis(400)) >= 0, "woken after the backoff: " + w.wakeUp)),

        new Row("access denied: CloudError with the RAM policy hint",
            w -> adopted(w).spec("casterId: " + ID).failing("DescribeCasterConfig", "Forbidden.RAM", 403).reconcile(),
            "False/CloudError", List.of("DescribeCasterConfig " + AT_HOME), List.of(), List.of("CloudError"),
            w -> assertTrue(w.condition("Ready").getMessage().contains("deploy/ram-policy.json"))),

        new Row("throttled: Throttled, backoff",
            w -> adopted(w).spec("casterId: " + ID).failing("DescribeCasterConfig", "Throttling.User", 400).reconcile(),
            "False/Throttled", List.of("DescribeCasterConfig " + AT_HOME), List.of(), List.of("Throttled"),
            w -> assertEquals("Throttling.User", w.status().getLastErrorCode())),

        new Row("a failure's hold written into status from outside does not hold the Caster back",
            w -> claimed(w).editStatus(s -> {
                  s.setLastErrorCode("Bogus.Code");
                  s.setNextRetryTime("2030-01-01T00:00:00Z");
                })
                .spec("casterId: " + ID + "\ndelay: 7").reconcile(),
            "True/Applied", List.of("SetCasterConfig " + AT_HOME), List.of("Applied"), List.of(),
            w -> assertAll(() -> assertNull(w.status().getLastErrorCode()), () -> assertNull(w.status().getNextRetryTime()))),

        new Row("after a restart, a hold recorded in status is kept (no call before it ends)",
            w -> claimed(w).failing("SetCasterConfig", "InternalError", 500).spec("casterId: " + ID + "\ndelay: 7").reconcile()
                .restarted().reconcile(),
            "False/Retrying", List.of(), List.of(), List.of(),
            w -> assertNotNull(w.wakeUp, "woken when the hold ends")),

        // ---- run state

        new Row("running: true: configured first, then started, then its outputs read once",
            w -> adopted(w).spec("casterId: " + ID + "\n" + STARTABLE + "running: true").reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "SetCasterConfig " + AT_HOME, "DescribeCasters " + AT_HOME,
                "StartCaster " + AT_HOME, "DescribeCasterStreamUrl " + AT_HOME),
            List.of("AdoptionChanges", "Applied", "Started"), List.of(),
            w -> assertAll(
                () -> assertEquals("True/Started", running(w)),
                () -> assertTrue(w.status().getOutputs().stream().allMatch(o -> o.getPlaybackUrl().contains("auth_key=***"))))),

        new Row("running: true while the configuration is refused: no state read, no start",
            w -> claimed(w).failing("SetCasterConfig", "InternalError", 500)
                .spec("casterId: " + ID + "\n" + STARTABLE + "running: true\ndelay: 5").reconcile(),
            "False/Retrying", List.of("SetCasterConfig " + AT_HOME), List.of(), List.of("CallFailed"),
            w -> assertEquals("Unknown/Starting", running(w))),

        new Row("running: false stops a running caster, once",
            w -> claimedRunning(w).spec("casterId: " + ID + "\ndelay: 3\nrunning: false").reconcile(),
            "True/Applied", List.of("DescribeCasters " + AT_HOME, "StopCaster " + AT_HOME), List.of("Stopped"), List.of(),
            w -> assertEquals("False/Stopped", running(w))),

        new Row("started in the console while running: false: drift, set back",
            w -> claimed(w.spec("casterId: " + ID + "\ndelay: 3\nrunning: false\ndeletionPolicy: Delete")).reconcile()
                .running(ID).later(Duration.ofHours(2)).reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "DescribeCasters " + AT_HOME, "StopCaster " + AT_HOME),
            List.of("Stopped", "DriftCorrected"), List.of(),
            w -> assertAll(() -> assertEquals("False/Stopped", running(w)), () -> assertNull(w.status().getDrift()))),

        new Row("running not set: the state is shown, never changed",
            w -> claimedRunning(w).later(Duration.ofHours(2)).reconcile(),
            "True/Applied", List.of("DescribeCasterConfig " + AT_HOME, "DescribeCasters " + AT_HOME), List.of(), List.of(),
            w -> assertEquals("True/NotManaged", running(w))),

        new Row("an invalid spec: no call",
            w -> adopted(w).spec("casterId: " + ID + "\ndelay: 301").reconcile(),
            "False/InvalidSpec", List.of(), List.of(), List.of(), w -> { }),

        // ---- deletion

        new Row("delete: stopped, deleted in the recorded region with the recorded account",
            w -> claimedRunning(w).markDeleted().reconcile(),
            null, List.of("DescribeCasters " + AT_HOME, "StopCaster " + AT_HOME, "DeleteCaster " + AT_HOME),
            List.of("Stopped", "Deleted"), List.of(),
            w -> assertAll(() -> assertTrue(!w.hasFinalizer()), () -> assertTrue(w.cloud.casters.isEmpty()))),

        new Row("delete after the region was changed in the spec: the call goes to the recorded region",
            w -> claimed(w).spec("casterId: " + ID + "\nregionId: cn-beijing\ndeletionPolicy: Delete").markDeleted().reconcile(),
            null, List.of("DescribeCasters " + AT_HOME, "DeleteCaster " + AT_HOME), List.of("Deleted"), List.of(),
            w -> assertAll(() -> assertTrue(!w.hasFinalizer()), () -> assertTrue(w.cloud.casters.isEmpty()))),

        new Row("delete after the spec switched to another account's Secret: the recorded credentials still reach it",
            w -> claimed(w).secret("other-keys", OTHER_KEYS)
                .spec("casterId: " + ID + "\ncredentialsSecretRef: {name: other-keys}\ndeletionPolicy: Delete").markDeleted().reconcile(),
            null, List.of("DescribeCasters " + AT_HOME, "DeleteCaster " + AT_HOME), List.of("Deleted"), List.of(),
            w -> assertAll(() -> assertTrue(!w.hasFinalizer()), () -> assertTrue(w.cloud.casters.isEmpty()))),

        new Row("delete when only another account's Secret is left: 'not found' does not confirm; the finalizer stays",
            w -> claimed(w.secret("keys", HOME_KEYS).spec("casterId: " + ID + "\ncredentialsSecretRef: {name: keys}\ndeletionPolicy: Delete"))
                .withoutSecret("keys").secret("other-keys", OTHER_KEYS)
                .spec("casterId: " + ID + "\ncredentialsSecretRef: {name: other-keys}\ndeletionPolicy: Delete").markDeleted().reconcile(),
            "False/DeletionUnconfirmed", List.of("DescribeCasters @" + REGION + "/" + OTHER_ACCOUNT), List.of(),
            List.of("DeletionUnconfirmed"),
            w -> assertAll(() -> assertTrue(w.hasFinalizer()), () -> assertEquals(1, w.cloud.casters.size()),
                () -> assertTrue(w.condition("Ready").getMessage().contains("does not mean it is gone"),
                    w.condition("Ready").getMessage()))),

        new Row("delete when the caster is really gone (its own region and account): finalizer removed",
            w -> claimed(w).deletedInConsole(ID).markDeleted().reconcile(),
            null, List.of("DescribeCasters " + AT_HOME), List.of("Deleted"), List.of(),
            w -> assertTrue(!w.hasFinalizer())),

        new Row("delete with a spec that cannot be read: status decides where",
            w -> claimed(w).rawSpec("{\"casterId\":\"" + ID + "\",\"regionId\":\"cn-beijing\",\"delay\":\"soon\"}")
                .markDeleted().reconcile(),
            null, List.of("DescribeCasters " + AT_HOME, "DeleteCaster " + AT_HOME), List.of("Deleted"), List.of(),
            w -> assertTrue(!w.hasFinalizer())),

        new Row("delete when the recorded Secret no longer decodes: waits, no call",
            w -> claimed(w.secret("keys", HOME_KEYS).spec("casterId: " + ID + "\ncredentialsSecretRef: {name: keys}\ndeletionPolicy: Delete"))
                .rawSecret("keys", Map.of("accessKeyId", "%%%", "accessKeySecret", "czE=")).markDeleted().reconcile(),
            "False/DeletionUnconfirmed", List.of(), List.of(), List.of("DeletionUnconfirmed"),
            w -> assertAll(() -> assertTrue(w.hasFinalizer()),
                () -> assertTrue(w.condition("Ready").getMessage().contains("not valid base64")))),

        new Row("delete when DescribeCasters answers without a list: waits and says so",
            w -> claimed(w).incompleteListing().markDeleted().reconcile(),
            "False/DeletionUnconfirmed", List.of("DescribeCasters " + AT_HOME), List.of(), List.of("DeletionUnconfirmed"),
            w -> assertAll(() -> assertTrue(w.hasFinalizer()),
                () -> assertTrue(w.condition("Ready").getMessage().contains("without a caster list"))))
    );
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void table(Row row) {
    TableWorld w = row.situation().apply(new TableWorld());
    assertAll(row.name(),
        () -> {
          if (row.ready() != null) {
            assertEquals(row.ready(), w.ready(), "Ready");
          }
        },
        () -> assertEquals(row.calls(), w.cloud.calls.stream().map(FakeCloud.Call::toString)
            .map(c -> c.replace(" " + ID, "").replaceAll(" [0-9a-f-]{36}", "")).toList(), "calls"),
        () -> assertEquals(row.events(), w.eventReasons(), "events"),
        () -> assertEquals(row.warnings(), w.warningReasons(), "warning events " + w.warnings),
        () -> row.also().accept(w));
  }

  // ---------------------------------------------------------------- situations

  private static final String STARTABLE = "domainName: live.example.com\ntranscodeConfig: {casterTemplate: lp_ld}\n";

  private static String running(TableWorld w) {
    var c = w.condition("Running");
    return c == null ? null : c.getStatus() + "/" + c.getReason();
  }

  /** A caster in the cloud, in the default region and account, that the Caster will adopt. */
  private static TableWorld adopted(TableWorld w) {
    w.cloud.add(ID, ACCOUNT, REGION);
    return w;
  }

  /** The Caster has adopted, configured and recorded its caster (delay 3), under deletion policy Delete. */
  private static TableWorld claimed(TableWorld w) {
    if (!w.cloud.casters.containsKey(ID)) {
      adopted(w);
    }
    if (w.caster == null) {
      w.spec("casterId: " + ID + "\ndeletionPolicy: Delete\ndelay: 3");
    }
    w.reconcile();
    assertEquals("True/Applied", w.ready(), "the claim: " + w.warnings);
    assertEquals(REGION, w.status().getRegionId());
    return w;
  }

  private static TableWorld claimedRunning(TableWorld w) {
    claimed(w).running(ID);
    return w;
  }
}
