package io.casteroperator.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A local stand-in for the ApsaraVideo Live API (version 2016-11-01, caster actions) that real
 * clients can talk to over HTTP: same signature, same error codes, same flow control, and the
 * faults a real network and a shared account bring. It imports nothing of the operator so that it
 * cannot agree with the operator's mistakes.
 *
 * <pre>{@code
 * try (LiveEmulator emu = LiveEmulator.builder().port(0).build().start()) {
 *   String endpoint = emu.endpoint(); // "127.0.0.1:PORT"
 * }
 * }</pre>
 */
public final class LiveEmulator implements AutoCloseable {
  public static final String DEMO_ACCESS_KEY_ID = "LTAIdemoCasterOperator";
  public static final String DEMO_ACCESS_KEY_SECRET = "demoSecretNotForProduction";
  public static final String DEMO_ACCOUNT = "demo";
  /** Prefix of the admin API; RPC calls all go to "/", so the two cannot collide. */
  public static final String ADMIN_PATH = "/_emulator/";

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then
    // waits for the client's delayed ACK (~40 ms a call). Read once, when the first server is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final String bindAddress;
  private final int requestedPort;
  private final Clock clock;
  private final Authenticator authenticator;
  private final EmulatorSettings settings;
  private final CasterStore store = new CasterStore();
  private final CasterActions actions;
  private final CloudConsole console;
  private final StudioConsole studioConsole;
  private final Quotas quotas;
  private final FaultInjector faults;
  private final CallLog callLog;
  private final Consumer<CallRecord> callListener;
  private HttpServer server;
  private ExecutorService handlerThreads;
  private ScheduledExecutorService answerDelayer;

  private LiveEmulator(Builder b) {
    this.bindAddress = b.bindAddress;
    this.requestedPort = b.port;
    this.clock = b.clock;
    this.authenticator = new Authenticator(clock, b.maxRememberedNonces);
    List<AccessKey> keys = b.keys.isEmpty() ? List.of(demoKey()) : b.keys;
    keys.forEach(authenticator::add);
    this.settings = new EmulatorSettings();
    if (b.allQuotas != null) {
      settings.setAllQuotas(b.allQuotas);
    }
    b.quotas.forEach(settings::setQuota);
    settings.setMaxCastersPerAccount(b.maxCastersPerAccount);
    settings.setRejectChangesWhileRunning(b.rejectChangesWhileRunning);
    settings.setDefaultRegion(b.defaultRegion);
    settings.setNormalizeOnWrite(b.normalizeOnWrite);
    settings.setStudioInputs(b.studioInputs);
    settings.setRejectStartWhileRunning(b.rejectStartWhileRunning);
    settings.setRejectStopWhileIdle(b.rejectStopWhileIdle);
    settings.setRejectStudioChangesWhileRunning(b.rejectStudioChangesWhileRunning);
    settings.setStrictReferences(b.strictReferences);
    LongSupplier ticker = b.nanoTicker != null ? b.nanoTicker : b.clockGiven ? nanosOf(clock) : System::nanoTime;
    this.quotas = new Quotas(settings, ticker);
    this.faults = new FaultInjector(b.seed);
    faults.apply(b.faults);
    this.callLog = new CallLog(b.callLogCapacity);
    this.actions = new CasterActions(store, settings, clock);
    this.console = new CloudConsole(store, actions, authenticator, settings, clock);
    this.studioConsole = new StudioConsole(actions);
    this.callListener = b.callListener;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static AccessKey demoKey() {
    return new AccessKey(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, DEMO_ACCOUNT, null);
  }

  // ---- life cycle ----

  /** Binds the port and serves; returns this for chaining. */
  public synchronized LiveEmulator start() {
    if (server != null) {
      throw new IllegalStateException("Already started");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + bindAddress + ":" + requestedPort, e);
    }
    handlerThreads = Executors.newCachedThreadPool(daemonThreads("live-emulator-http"));
    answerDelayer = new ScheduledThreadPoolExecutor(2, daemonThreads("live-emulator-latency"));
    server.setExecutor(handlerThreads);
    server.createContext(
        "/", new RpcHandler(authenticator, quotas, faults, actions, callLog, clock, answerDelayer, callListener));
    server.createContext(ADMIN_PATH, new AdminApi(this));
    server.start();
    return this;
  }

  /** Stops serving and releases the port and every thread the emulator started. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    answerDelayer.shutdownNow();
    handlerThreads.shutdownNow();
    server = null;
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("Not started");
    }
    return server.getAddress().getPort();
  }

  /** {@code host:port} as the SDK's endpoint override wants it. */
  public String endpoint() {
    String host = "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1" : bindAddress;
    return host + ":" + port();
  }

  public String adminUrl() {
    return "http://" + endpoint() + ADMIN_PATH;
  }

  // ---- casters, as the cloud and its console see them ----

  /**
   * Creates a caster in the default region as the console would (no quota, no signature, no caster
   * limit); returns its id.
   */
  public String createCaster(String account, String casterIdOrNull, String name) {
    return console.createCaster(account, null, casterIdOrNull, name);
  }

  /** Creates a caster in the given region; calls sent to any other region do not find it. */
  public String createCaster(String account, String regionId, String casterIdOrNull, String name) {
    return console.createCaster(account, Objects.requireNonNull(regionId), casterIdOrNull, name);
  }

  public List<CasterSnapshot> casters() {
    return store.snapshots();
  }

  public Optional<CasterSnapshot> caster(String casterId) {
    return store.snapshot(casterId);
  }

  /**
   * Starts or stops a caster from the console: no DomainName or template check. A start creates
   * the scenes if absent and signs the output URLs (with a placeholder host when there is no domain).
   */
  public void setRunning(String casterId, boolean running) {
    console.setRunning(casterId, running);
  }

  /** A caster's studio as the cloud holds it (write-only fields included), empty when there is no such caster. */
  public Optional<StudioSnapshot> studio(String casterId) {
    try {
      return Optional.of(store.withCaster(null, null, casterId, c -> new StudioSnapshot(
          c.id, c.region, c.running, c.channelEnable, List.copyOf(c.studio.resources.values()),
          ChannelActions.channels(c, settings.studioInputs()), List.copyOf(c.studio.layouts.values()),
          List.copyOf(c.studio.components.values()), actions.scenes().views(c))));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  /** The console's edits of studios: inputs, channels, layouts, overlays, scenes. */
  public StudioConsole studioConsole() {
    return studioConsole;
  }

  /**
   * A console user edits a few fields: the given parameters are merged into the configuration (an
   * empty value clears one), each validated as SetCasterConfig would, without the channel rules.
   */
  public void changeConfig(String casterId, Map<String, String> parameters) {
    console.changeConfig(casterId, parameters);
  }

  /** Deletes a caster from the console, running or not. False when there was none. */
  public boolean deleteCaster(String casterId) {
    return console.deleteCaster(casterId);
  }

  // ---- faults, quotas, switches ----

  public void faults(FaultSettings faultSettings) {
    faults.apply(Objects.requireNonNull(faultSettings));
  }

  public FaultSettings faults() {
    return faults.settings();
  }

  public void clearFaults() {
    faults.clear();
  }

  public void setQuota(String action, int callsPerSecond) {
    settings.setQuota(action, callsPerSecond);
  }

  public void setAllQuotas(int callsPerSecond) {
    settings.setAllQuotas(callsPerSecond);
  }

  /** Action -> calls per second per account. */
  public Map<String, Integer> quotas() {
    return settings.quotas();
  }

  public void setMaxCastersPerAccount(int max) {
    settings.setMaxCastersPerAccount(max);
  }

  public int maxCastersPerAccount() {
    return settings.maxCastersPerAccount();
  }

  /** Off by default: whether the service refuses to change a running caster is not documented. */
  public void setRejectChangesWhileRunning(boolean reject) {
    settings.setRejectChangesWhileRunning(reject);
  }

  public boolean rejectChangesWhileRunning() {
    return settings.rejectChangesWhileRunning();
  }

  /** Where calls without a RegionId go, and where {@link #createCaster(String, String, String)} creates. */
  public String defaultRegion() {
    return settings.defaultRegion();
  }

  public void setDefaultRegion(String regionId) {
    settings.setDefaultRegion(regionId);
  }

  /**
   * SetCasterConfig parameter -> normalisation ("lowercase") the service applies before it stores
   * the value, so DescribeCasterConfig reports the normalised value. Replaces all; empty for none.
   */
  public void setNormalizeOnWrite(Map<String, String> normalizationByParameter) {
    settings.setNormalizeOnWrite(normalizationByParameter);
  }

  public Map<String, String> normalizeOnWrite() {
    return settings.normalizeOnWrite();
  }

  /** Inputs of every studio: at most this many video resources (ResourceNumberExceed), channels RV01..RVnn. */
  public void setStudioInputs(int inputs) {
    settings.setStudioInputs(inputs);
  }

  public int studioInputs() {
    return settings.studioInputs();
  }

  /** Off by default (StartCaster on a running caster succeeds); on: IncorrectCasterStatus. */
  public void setRejectStartWhileRunning(boolean reject) {
    settings.setRejectStartWhileRunning(reject);
  }

  public boolean rejectStartWhileRunning() {
    return settings.rejectStartWhileRunning();
  }

  /** On by default (StopCaster on an idle caster: IncorrectSceneStatus, or InvalidScene.NotFound before any start); off: success. */
  public void setRejectStopWhileIdle(boolean reject) {
    settings.setRejectStopWhileIdle(reject);
  }

  public boolean rejectStopWhileIdle() {
    return settings.rejectStopWhileIdle();
  }

  /** Off by default; on: resource, layout and component changes on a running caster get IncorrectCasterStatus.Inuse. */
  public void setRejectStudioChangesWhileRunning(boolean reject) {
    settings.setRejectStudioChangesWhileRunning(reject);
  }

  public boolean rejectStudioChangesWhileRunning() {
    return settings.rejectStudioChangesWhileRunning();
  }

  /**
   * Off by default (dangling references allowed, as the pages say nothing); on: layouts must name
   * existing locations or channels, and an item still used cannot be deleted.
   */
  public void setStrictReferences(boolean strict) {
    settings.setStrictReferences(strict);
  }

  public boolean strictReferences() {
    return settings.strictReferences();
  }

  // ---- what happened ----

  /**
   * Action -> code -> number of calls. With an AccessKeyId (or an account name), only that
   * account's calls; with null, all calls including those with an unknown key.
   */
  public Map<String, Map<String, Long>> calls(String accessKeyIdOrAccount) {
    return callLog.counts(accessKeyIdOrAccount == null ? null : accountOf(accessKeyIdOrAccount));
  }

  /** Action -> highest number of calls attempted in any one-second window. */
  public Map<String, Integer> peaks(String accessKeyIdOrAccount) {
    return quotas.peaks(accessKeyIdOrAccount == null ? null : accountOf(accessKeyIdOrAccount));
  }

  /** Every call still in the ring (the newest {@code callLogCapacity}), oldest first. */
  public List<CallRecord> callLog() {
    return callLog.recent(c -> true, Integer.MAX_VALUE);
  }

  /** The newest {@code limit} calls matching the filters (null matches anything), oldest first. */
  public List<CallRecord> callLog(String action, String casterId, String accessKeyIdOrAccount, int limit) {
    String account = accessKeyIdOrAccount == null ? null : accountOf(accessKeyIdOrAccount);
    return callLog.recent(
        c -> (action == null || action.equals(c.action()))
            && (casterId == null || casterId.equals(c.casterId()))
            && (account == null || account.equals(c.account())),
        limit);
  }

  /** Forgets casters, counters, peaks, the call log and faults; keeps accounts and quotas. */
  public void reset() {
    store.clear();
    callLog.clear();
    quotas.clear();
    faults.clear();
  }

  /** The account an AccessKeyId belongs to; any other string is taken as an account name. */
  public String accountOf(String accessKeyIdOrAccount) {
    return authenticator.key(accessKeyIdOrAccount).map(AccessKey::account).orElse(accessKeyIdOrAccount);
  }

  // ---- internals ----

  private static LongSupplier nanosOf(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Everything about an emulator that is fixed before it starts, and the initial run-time settings. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port;
    private final List<AccessKey> keys = new ArrayList<>();
    private final Map<String, Integer> quotas = new LinkedHashMap<>();
    private Integer allQuotas;
    private int maxCastersPerAccount = EmulatorSettings.DEFAULT_MAX_CASTERS_PER_ACCOUNT;
    private boolean rejectChangesWhileRunning;
    private String defaultRegion = EmulatorSettings.DEFAULT_REGION;
    private final Map<String, String> normalizeOnWrite = new LinkedHashMap<>();
    private int studioInputs = EmulatorSettings.DEFAULT_STUDIO_INPUTS;
    private boolean rejectStartWhileRunning;
    private boolean rejectStopWhileIdle = true;
    private boolean rejectStudioChangesWhileRunning;
    private boolean strictReferences;
    private Clock clock = Clock.systemUTC();
    private boolean clockGiven;
    private LongSupplier nanoTicker;
    private long seed = System.nanoTime();
    private FaultSettings faults = FaultSettings.none();
    private Consumer<CallRecord> callListener = c -> {};
    private int callLogCapacity = 100_000;
    private int maxRememberedNonces = 250_000;

    private Builder() {}

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** 127.0.0.1 by default; 0.0.0.0 to serve other machines (a cluster in a container, say). */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address);
      return this;
    }

    /** A key of its own account, named after the key. Without any key the demo key pair is configured. */
    public Builder account(String accessKeyId, String accessKeySecret) {
      return account(accessKeyId, accessKeySecret, accessKeyId);
    }

    /** A key of the given account; keys of one account share its casters and quota. */
    public Builder account(String accessKeyId, String accessKeySecret, String account) {
      keys.add(new AccessKey(accessKeyId, accessKeySecret, account, null));
      return this;
    }

    /** An STS key: its calls must carry exactly this SecurityToken. */
    public Builder stsAccount(String accessKeyId, String accessKeySecret, String account, String securityToken) {
      keys.add(new AccessKey(accessKeyId, accessKeySecret, account, Objects.requireNonNull(securityToken)));
      return this;
    }

    public Builder quota(String action, int callsPerSecond) {
      quotas.put(action, callsPerSecond);
      return this;
    }

    /** Every action's quota; per-action quotas given with {@link #quota} still win. */
    public Builder allQuotas(int callsPerSecond) {
      this.allQuotas = callsPerSecond;
      return this;
    }

    public Builder maxCastersPerAccount(int max) {
      this.maxCastersPerAccount = max;
      return this;
    }

    public Builder rejectChangesWhileRunning(boolean reject) {
      this.rejectChangesWhileRunning = reject;
      return this;
    }

    /** Region of calls without RegionId and of console-created casters; cn-shanghai by default. */
    public Builder defaultRegion(String regionId) {
      this.defaultRegion = Objects.requireNonNull(regionId);
      return this;
    }

    /** E.g. ("DomainName", "lowercase"); see {@link LiveEmulator#setNormalizeOnWrite}. */
    public Builder normalizeOnWrite(String parameter, String normalization) {
      normalizeOnWrite.put(Objects.requireNonNull(parameter), Objects.requireNonNull(normalization));
      return this;
    }

    public Builder studioInputs(int inputs) {
      this.studioInputs = inputs;
      return this;
    }

    public Builder rejectStartWhileRunning(boolean reject) {
      this.rejectStartWhileRunning = reject;
      return this;
    }

    public Builder rejectStopWhileIdle(boolean reject) {
      this.rejectStopWhileIdle = reject;
      return this;
    }

    public Builder rejectStudioChangesWhileRunning(boolean reject) {
      this.rejectStudioChangesWhileRunning = reject;
      return this;
    }

    public Builder strictReferences(boolean strict) {
      this.strictReferences = strict;
      return this;
    }

    /**
     * The emulator's wall clock (Timestamp checks, nonce window, CreateTime). Unless a ticker is
     * also given, the quota windows follow this clock too.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      this.clockGiven = true;
      return this;
    }

    /** Nanosecond ticker of the quota windows; System.nanoTime by default. */
    public Builder ticker(LongSupplier nanoTicker) {
      this.nanoTicker = Objects.requireNonNull(nanoTicker);
      return this;
    }

    /** Seed of the fault randomness. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder faults(FaultSettings faults) {
      this.faults = Objects.requireNonNull(faults);
      return this;
    }

    /** Called once per RPC call, on the serving thread; keep it quick. */
    public Builder callListener(Consumer<CallRecord> listener) {
      this.callListener = Objects.requireNonNull(listener);
      return this;
    }

    public Builder callLogCapacity(int capacity) {
      this.callLogCapacity = capacity;
      return this;
    }

    public LiveEmulator build() {
      return new LiveEmulator(this);
    }
  }
}
