package io.casteroperator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.casteroperator.bench.BenchOptions;
import io.casteroperator.bench.BenchReport;
import io.casteroperator.bench.Benchmark;
import io.casteroperator.bench.ReadyChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: measures quota-bound convergence and what it costs, with the API server, the
 * emulator and the operator in one process (or the servers in a second one, {@code --split}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures how fast N Casters converge within the API quota, and what it costs.")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--casters", defaultValue = "1000", description = "Number of Casters N (default ${DEFAULT-VALUE}).")
  int casters;

  @Option(names = "--qps", defaultValue = "10",
      description = "Every action's quota Q, in the emulator and in the operator's budgets (default ${DEFAULT-VALUE}).")
  int qps;

  @Option(names = "--submitters", defaultValue = "4",
      description = "Clients submitting the Casters (and their changes) at once (default ${DEFAULT-VALUE}).")
  int submitters;

  @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Apply and delete one Caster before measuring, as an operator that is already running has"
          + " (default ${DEFAULT-VALUE}; --no-warm-up measures a cold start).")
  boolean warmUp;

  @Option(names = "--latency-samples", defaultValue = "50", description = "Spec changes to time (default ${DEFAULT-VALUE}).")
  int latencySamples;

  @Option(names = "--unrelated-secrets", defaultValue = "0",
      description = "Secrets of 64 KiB that no Caster names, created before the operator starts (default ${DEFAULT-VALUE}).")
  int unrelatedSecrets;

  @Option(names = "--accounts", defaultValue = "1",
      description = "Emulator accounts the Casters are spread over, each with its own AccessKey, Secret and quota Q"
          + " (default ${DEFAULT-VALUE}: the operator's default credentials, no Secret).")
  int accounts;

  @Option(names = "--idle-seconds", defaultValue = "30",
      description = "How long the idle phase measures the operator's CPU (default ${DEFAULT-VALUE}).")
  int idleSeconds;

  @Option(names = "--drift", description = "After the other phases, measure a drift sweep of every Caster, limited by the"
      + " DescribeCasterConfig quota (the operator restarted with a drift interval of half of N / Q per account).")
  boolean drift;

  @Option(names = "--co-tenant-burst", description = "During phase 1, another key of the first account drains its"
      + " SetCasterConfig quota for --burst-seconds; reports the operator's throttled answers and its recovery.")
  boolean coTenantBurst;

  @Option(names = "--burst-seconds", defaultValue = "5",
      description = "How long the co-tenant drains the quota (default ${DEFAULT-VALUE}).")
  int burstSeconds;

  @Option(names = "--throttle-recovery", defaultValue = "10s", converter = RunCommand.DurationConverter.class,
      description = "The operator's --throttle-recovery: after a throttled answer, how often the rate grows back by a"
          + " tenth of the quota (default ${DEFAULT-VALUE}, as the operator's).")
  Duration throttleRecovery;

  @Option(names = "--split", description = "Run the API server and the emulator in a JVM of their own, so that their CPU,"
      + " heap and GC are apart from the operator's.")
  boolean split;

  @Option(names = "--studio", description = "Give every Caster a small studio as well (2 inputs, a layout, a text overlay and"
      + " both scenes, so the caster runs); reports the calls per Caster by action and the rollout against the ideal of"
      + " the action with the most calls per quota.")
  boolean studio;

  @Option(names = "--out", description = "Write the figures as JSON to this file.")
  Path out;

  @Option(names = "--plot", description = "Draw Casters Ready over time against the ideal line (PNG).")
  Path plot;

  @Override
  public Integer call() throws Exception {
    String missing = PlaygroundLibraries.missing("bench");
    if (missing != null) {
      System.err.println(missing);
      return 1;
    }
    // One log line per call of thousands of Casters would drown the figures.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.casteroperator").setLevel(Level.WARN);
    BenchOptions options = new BenchOptions(casters, qps, submitters, warmUp, latencySamples, out, plot, unrelatedSecrets,
        accounts, Duration.ofSeconds(idleSeconds), drift, coTenantBurst, Duration.ofSeconds(burstSeconds), throttleRecovery,
        split, studio);
    List<String> problems = options.problems();
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("\n", problems));
    }
    BenchReport report = Benchmark.run(options);
    System.out.print(report.table());
    if (out != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
      System.out.println("figures: " + out);
    }
    if (plot != null) {
      if (plot.getParent() != null) {
        Files.createDirectories(plot.getParent());
      }
      ReadyChart.draw(report, plot);
      System.out.println("chart: " + plot);
    }
    return 0;
  }
}
