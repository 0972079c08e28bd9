package io.casteroperator.cli;

import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.LiveEmulator;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code emulator}: runs the local Live API emulator until Ctrl-C. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Runs a local ApsaraVideo Live API emulator (caster actions, API version 2016-11-01).",
      "Admin API under http://HOST:PORT/_emulator/ (calls, peaks, casters and their studios, faults, quotas, settings,",
      "log, reset)."
    })
public final class EmulatorCommand implements Runnable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "9000", description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(
      names = "--account",
      paramLabel = "ID:SECRET[@ACCOUNT]",
      description = {
        "An AccessKey pair; repeatable. Keys with the same @ACCOUNT share its casters and quota;",
        "without @ the account is the key id. Without any, the demo key pair is used."
      })
  List<String> accounts = new ArrayList<>();

  @Option(names = "--quota", paramLabel = "N", description = "Calls per second per account, for every action.")
  Integer quota;

  @Option(names = "--quota-action", paramLabel = "Action=N", description = "Calls per second per account for one action; repeatable.")
  Map<String, Integer> actionQuotas = new LinkedHashMap<>();

  @Option(names = "--max-casters", paramLabel = "N", description = "Casters per account (CasterNumberExceed above). Default: 1000.")
  Integer maxCasters;

  @Option(names = "--reject-changes-while-running", description = "Refuse SetCasterConfig changes on a running caster (IncorrectCasterStatus.Inuse).")
  boolean rejectChangesWhileRunning;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the fault randomness.")
  Long seed;

  @Option(names = "--default-region", defaultValue = "cn-shanghai", paramLabel = "REGION",
      description = "Region of calls without RegionId and of casters the admin API creates. Default: ${DEFAULT-VALUE}.")
  String defaultRegion;

  @Option(names = "--normalize-on-write", paramLabel = "Parameter=lowercase",
      description = "Store a SetCasterConfig parameter normalised (DescribeCasterConfig then reports that); repeatable.")
  Map<String, String> normalizeOnWrite = new LinkedHashMap<>();

  @Option(names = "--studio-inputs", paramLabel = "N",
      description = "Inputs per studio: video resources (ResourceNumberExceed above) and channels RV01..RVnn. Default: 12.")
  Integer studioInputs;

  @Option(names = "--reject-start-while-running",
      description = "StartCaster on a running caster answers IncorrectCasterStatus (default: succeeds with the same scenes).")
  boolean rejectStartWhileRunning;

  @Option(names = "--reject-stop-while-idle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "StopCaster on an idle caster answers IncorrectSceneStatus (InvalidScene.NotFound before its first start)."
          + " On by default; --no-reject-stop-while-idle makes it succeed.")
  boolean rejectStopWhileIdle;

  @Option(names = "--reject-studio-changes-while-running",
      description = "Resource, layout and component changes on a running caster answer IncorrectCasterStatus.Inuse.")
  boolean rejectStudioChangesWhileRunning;

  @Option(names = "--strict-references",
      description = "Layouts must name existing inputs or channels, and items still in use cannot be deleted.")
  boolean strictReferences;

  @Override
  public void run() {
    LiveEmulator emulator = startEmulator();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "live-emulator-shutdown"));
    System.out.println("Press Ctrl-C to stop.");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emulator.close();
    }
  }

  /** Starts the emulator the options describe and prints where it listens; the caller closes it. */
  public LiveEmulator startEmulator() {
    LiveEmulator emulator;
    try {
      emulator = configuredBuilder().build().start();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage() + ": " + e.getCause().getMessage(), e);
    }
    System.out.println("Live API emulator listening on " + emulator.endpoint());
    System.out.println("  RPC endpoint: http://" + emulator.endpoint() + "/  (API version 2016-11-01, signature v1.0)");
    System.out.println("  Admin API:    " + emulator.adminUrl());
    if (accounts.isEmpty()) {
      System.out.println(
          "  Demo AccessKey: " + LiveEmulator.DEMO_ACCESS_KEY_ID + " / " + LiveEmulator.DEMO_ACCESS_KEY_SECRET
              + " (account " + LiveEmulator.DEMO_ACCOUNT + ")");
    }
    System.out.println("  Default region: " + emulator.defaultRegion());
    System.out.println("  Quotas (calls/s per account): " + emulator.quotas());
    return emulator;
  }

  private LiveEmulator.Builder configuredBuilder() {
    LiveEmulator.Builder builder =
        LiveEmulator.builder().port(port).bindAddress(bind).callListener(call -> System.out.println(callLine(call)));
    for (String account : accounts) {
      addAccount(builder, account);
    }
    if (quota != null) {
      builder.allQuotas(quota);
    }
    actionQuotas.forEach(builder::quota);
    if (maxCasters != null) {
      builder.maxCastersPerAccount(maxCasters);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    normalizeOnWrite.forEach(builder::normalizeOnWrite);
    if (studioInputs != null) {
      builder.studioInputs(studioInputs);
    }
    return builder
        .rejectChangesWhileRunning(rejectChangesWhileRunning)
        .defaultRegion(defaultRegion)
        .rejectStartWhileRunning(rejectStartWhileRunning)
        .rejectStopWhileIdle(rejectStopWhileIdle)
        .rejectStudioChangesWhileRunning(rejectStudioChangesWhileRunning)
        .strictReferences(strictReferences);
  }

  /** One line per call; never a secret or a signature (the record holds neither). */
  static String callLine(CallRecord call) {
    return String.format(
        "%s %s account=%s caster=%s code=%s outcome=%s latency=%dms",
        TIME.format(Instant.ofEpochMilli(call.timeMillis())),
        call.action() == null ? "-" : call.action(),
        call.account() == null ? "?" + (call.accessKeyId() == null ? "" : call.accessKeyId()) : call.account(),
        call.casterId() == null ? "-" : call.casterId(),
        call.code(),
        call.outcome(),
        call.latencyMs());
  }

  /** ID:SECRET[@ACCOUNT]; the account follows the last '@', so a secret may not contain one when no account is given. */
  private void addAccount(LiveEmulator.Builder builder, String spec) {
    int colon = spec.indexOf(':');
    int at = spec.lastIndexOf('@');
    if (colon <= 0 || colon == spec.length() - 1 || (at >= 0 && (at < colon || at == spec.length() - 1))) {
      throw new ParameterException(this.spec.commandLine(), "--account wants ID:SECRET or ID:SECRET@ACCOUNT");
    }
    String id = spec.substring(0, colon);
    String secret = at < 0 ? spec.substring(colon + 1) : spec.substring(colon + 1, at);
    String account = at < 0 ? id : spec.substring(at + 1);
    builder.account(id, secret, account);
  }
}
