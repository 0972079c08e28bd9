package io.casteroperator.cli;

import io.casteroperator.live.LiveCredentials;
import io.casteroperator.live.LiveSettings;
import io.casteroperator.ratelimit.BudgetSettings;
import io.casteroperator.reconciler.Durations;
import io.casteroperator.reconciler.ReconcilerSettings;
import io.casteroperator.runtime.CasterOperator;
import io.casteroperator.runtime.LeaderElectionSettings;
import io.casteroperator.runtime.OperatorHttpServer;
import io.casteroperator.runtime.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the operator, against the cluster of the current kubeconfig (or the in-cluster
 * service account). Every setting is a flag, and an environment variable for the Deployment.
 */
@Command(name = "run", description = "Runs the operator.", sortOptions = false, mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--namespaces", defaultValue = "${env:WATCH_NAMESPACES:-}", split = ",",
      description = "Namespaces to watch, comma-separated; empty for all (env WATCH_NAMESPACES).")
  Set<String> namespaces;

  @Option(names = "--label-selector", defaultValue = "${env:LABEL_SELECTOR:-}",
      description = "Only Casters with these labels, e.g. live.caster-operator.io/account=team-a (env LABEL_SELECTOR).")
  String labelSelector;

  @Option(names = "--region", defaultValue = "${env:ALIBABA_CLOUD_REGION_ID:-cn-shanghai}",
      description = "Region of Casters without spec.regionId (env ALIBABA_CLOUD_REGION_ID; default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--live-endpoint", defaultValue = "${env:LIVE_ENDPOINT:-}",
      description = "Live API endpoint override, e.g. http://live-emulator:9000; empty for the service's own (env LIVE_ENDPOINT).")
  String liveEndpoint;

  @Option(names = "--connect-timeout", defaultValue = "${env:LIVE_CONNECT_TIMEOUT:-5s}", converter = DurationConverter.class,
      description = "Connect timeout of Live API calls (env LIVE_CONNECT_TIMEOUT; default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--read-timeout", defaultValue = "${env:LIVE_READ_TIMEOUT:-10s}", converter = DurationConverter.class,
      description = "Read timeout of Live API calls (env LIVE_READ_TIMEOUT; default ${DEFAULT-VALUE}).")
  Duration readTimeout;

  @Option(names = "--default-credentials", defaultValue = "${env:DEFAULT_CREDENTIALS:-default-chain}",
      description = "Credentials of Casters without credentialsSecretRef: default-chain (the SDK's chain: "
          + "ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, RRSA/OIDC on ACK, ECS RAM role) or none (env DEFAULT_CREDENTIALS).")
  String defaultCredentials;

  @Option(names = "--account-id", defaultValue = "${env:ALIBABA_CLOUD_ACCOUNT_ID:-default}",
      description = "Account of the default credentials, whose quota they spend (env ALIBABA_CLOUD_ACCOUNT_ID).")
  String accountId;

  @Option(names = "--quota", defaultValue = "${env:QUOTAS:-}", split = ",", paramLabel = "ACTION=N",
      description = "Calls per second per account for an action, e.g. SetCasterConfig=10 (env QUOTAS, comma-separated).")
  List<String> quotas = new ArrayList<>();

  @Option(names = "--quota-all", defaultValue = "${env:QUOTA_ALL:-0}",
      description = "Calls per second per account for every action; 0 keeps the documented quotas (env QUOTA_ALL).")
  int quotaAll;

  @Option(names = "--quota-safety-margin", defaultValue = "${env:QUOTA_SAFETY_MARGIN:-0.02}",
      description = "Fraction below the quota that calls are spaced at (env QUOTA_SAFETY_MARGIN; default ${DEFAULT-VALUE}).")
  double safetyMargin;

  @Option(names = "--throttle-recovery", defaultValue = "${env:THROTTLE_RECOVERY:-10s}", converter = DurationConverter.class,
      description = "After a Throttling answer halved an account's rate, how often it grows back by a tenth of the quota"
          + " (env THROTTLE_RECOVERY; default ${DEFAULT-VALUE}).")
  Duration throttleRecovery;

  @Option(names = "--max-concurrent-reconciles", defaultValue = "${env:MAX_CONCURRENT_RECONCILES:-16}",
      description = "Reconcile threads (env MAX_CONCURRENT_RECONCILES; default ${DEFAULT-VALUE}).")
  int maxConcurrentReconciles;

  @Option(names = "--drift-interval", defaultValue = "${env:DRIFT_INTERVAL:-10m}", converter = DurationConverter.class,
      description = "How often each caster is read back for drift (env DRIFT_INTERVAL; default ${DEFAULT-VALUE}).")
  Duration driftInterval;

  @Option(names = "--backoff-base", defaultValue = "${env:BACKOFF_BASE:-1s}", converter = DurationConverter.class,
      description = "First retry delay after a throttled or transient failure (env BACKOFF_BASE; default ${DEFAULT-VALUE}).")
  Duration backoffBase;

  @Option(names = "--backoff-cap", defaultValue = "${env:BACKOFF_CAP:-5m}", converter = DurationConverter.class,
      description = "Longest retry delay (env BACKOFF_CAP; default ${DEFAULT-VALUE}).")
  Duration backoffCap;

  @Option(names = "--slow-probe", defaultValue = "${env:SLOW_PROBE:-10m}", converter = DurationConverter.class,
      description = "Retry interval of a request the API refused, when nothing changes (env SLOW_PROBE; default ${DEFAULT-VALUE}).")
  Duration slowProbe;

  @Option(names = "--precondition-poll", defaultValue = "${env:PRECONDITION_POLL:-30s}", converter = DurationConverter.class,
      description = "How often a caster's state is read while a change waits for it to stop (env PRECONDITION_POLL; default ${DEFAULT-VALUE}).")
  Duration preconditionPoll;

  @Option(names = "--http-port", defaultValue = "${env:HTTP_PORT:-8080}",
      description = "Port of /healthz, /readyz and /metrics; 0 for none (env HTTP_PORT; default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--log-format", defaultValue = "${env:LOG_FORMAT:-plain}",
      description = "plain or json (env LOG_FORMAT; default ${DEFAULT-VALUE}).")
  Logging.Format logFormat;

  @Option(names = "--leader-election", defaultValue = "${env:LEADER_ELECTION:-false}", arity = "0..1",
      description = "Elect a leader with a Lease; only the leader reconciles (env LEADER_ELECTION).")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "${env:LEASE_NAME:-caster-operator}",
      description = "Name of the Lease (env LEASE_NAME; default ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(names = "--lease-namespace", defaultValue = "${env:LEASE_NAMESPACE:-${env:POD_NAMESPACE:-}}",
      description = "Namespace of the Lease (env LEASE_NAMESPACE, else POD_NAMESPACE).")
  String leaseNamespace;

  @Option(names = "--lease-duration", defaultValue = "${env:LEASE_DURATION:-15s}", converter = DurationConverter.class,
      description = "How long a lease holds without renewal (env LEASE_DURATION; default ${DEFAULT-VALUE}).")
  Duration leaseDuration;

  @Option(names = "--lease-renew-deadline", defaultValue = "${env:LEASE_RENEW_DEADLINE:-10s}", converter = DurationConverter.class,
      description = "How long the leader tries to renew before giving up (env LEASE_RENEW_DEADLINE; default ${DEFAULT-VALUE}).")
  Duration renewDeadline;

  @Option(names = "--lease-retry-period", defaultValue = "${env:LEASE_RETRY_PERIOD:-2s}", converter = DurationConverter.class,
      description = "How often candidates try to take or renew the lease (env LEASE_RETRY_PERIOD; default ${DEFAULT-VALUE}).")
  Duration retryPeriod;

  @Override
  public Integer call() throws Exception {
    Logging.use(logFormat);
    OperatorSettings settings = settings();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    KubernetesClient client = new KubernetesClientBuilder().build();
    LOG.info("Starting: namespaces {}, label selector {}, region {}, Live endpoint {}, quotas {}, leader election {}",
        settings.namespaces().isEmpty() ? "all" : settings.namespaces(),
        settings.labelSelector() == null ? "none" : settings.labelSelector(), region,
        liveEndpoint.isBlank() ? "the service's" : liveEndpoint, settings.budgets().quotas(),
        leaderElection ? leaseNamespace + "/" + leaseName : "off");
    CasterOperator operator = CasterOperator.start(client, settings, registry);
    OperatorHttpServer http = httpPort > 0 ? OperatorHttpServer.start(httpPort, operator, registry) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping: finishing the reconciles in flight");
      operator.close();
      if (http != null) {
        http.close();
      }
      client.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  OperatorSettings settings() {
    OperatorSettings defaults = OperatorSettings.defaults();
    Map<String, Integer> quotaByAction = new HashMap<>(OperatorSettings.documentedQuotas());
    if (quotaAll > 0) {
      quotaByAction.replaceAll((action, q) -> quotaAll);
    }
    quotaByAction.putAll(quotas());
    BudgetSettings budgets = new BudgetSettings(quotaByAction, quotaAll > 0 ? quotaAll : 10, safetyMargin,
        defaults.budgets().windowGuard(), throttleRecovery, connectTimeout.plus(readTimeout));
    if (!io.casteroperator.live.LiveRegions.isKnown(region)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--region " + region
          + " is not a region of the Live API, such as cn-shanghai or ap-southeast-1");
    }
    LiveCredentials credentials = switch (defaultCredentials) {
      case "default-chain" -> new LiveCredentials.DefaultChain(accountId);
      case "none" -> null;
      default -> throw new CommandLine.ParameterException(new CommandLine(this),
          "--default-credentials must be default-chain or none, not " + defaultCredentials);
    };
    return defaults
        .withNamespaces(namespaces.stream().map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet()))
        .withLabelSelector(labelSelector == null || labelSelector.isBlank() ? null : labelSelector)
        .withLive(new LiveSettings(liveEndpoint.isBlank() ? null : URI.create(liveEndpoint), connectTimeout, readTimeout))
        .withReconciler(new ReconcilerSettings(region, credentials, driftInterval, backoffBase, backoffCap, slowProbe,
            preconditionPoll))
        .withBudgets(budgets)
        .withMaxConcurrentReconciles(maxConcurrentReconciles)
        .withLeaderElection(leaderElection ? leaderElectionSettings() : null);
  }

  private LeaderElectionSettings leaderElectionSettings() {
    if (leaseNamespace == null || leaseNamespace.isBlank()) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--leader-election needs --lease-namespace (or the POD_NAMESPACE variable)");
    }
    return LeaderElectionSettings.of(leaseName, leaseNamespace, identity())
        .withDurations(leaseDuration, renewDeadline, retryPeriod);
  }

  private static String identity() {
    String pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "caster-operator-" + ProcessHandle.current().pid();
    }
  }

  /** Durations such as 30s, 10m or 1h30m. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = Durations.parse(value);
      if (duration == null) {
        throw new CommandLine.TypeConversionException("not a duration such as 30s, 10m or 1h: " + value);
      }
      return duration;
    }
  }

  /** --quota entries as a map; an empty QUOTAS variable means none. */
  private Map<String, Integer> quotas() {
    Map<String, Integer> byAction = new HashMap<>();
    for (String entry : quotas) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split("=", 2);
      if (parts.length != 2 || !parts[1].trim().matches("[1-9][0-9]*")) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--quota must be ACTION=N (N a positive integer), not " + entry);
      }
      if (!actions().contains(parts[0].trim())) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--quota: unknown action " + parts[0].trim() + "; the actions are " + actions());
      }
      byAction.put(parts[0].trim(), Integer.parseInt(parts[1].trim()));
    }
    return byAction;
  }

  /** The documented names, so a typo in --quota is refused instead of ignored. */
  static Set<String> actions() {
    return Arrays.stream(io.casteroperator.live.LiveAction.values()).map(Enum::name).collect(Collectors.toSet());
  }
}
