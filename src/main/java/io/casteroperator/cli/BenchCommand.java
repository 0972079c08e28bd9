package io.casteroperator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.casteroperator.bench.BenchOptions;
import io.casteroperator.bench.BenchReport;
import io.casteroperator.bench.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: measures quota-bound convergence in one process (API server, emulator, operator). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures how fast N Casters converge within the API quota, and what it costs.")
public final class BenchCommand implements Callable<Integer> {

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

  @Option(names = "--out", description = "Write the figures as JSON to this file.")
  Path out;

  @Option(names = "--plot", description = "Draw Casters Ready over time against the ideal line (PNG).")
  Path plot;

  @Override
  public Integer call() throws Exception {
    // One log line per call of thousands of Casters would drown the figures.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.casteroperator").setLevel(Level.WARN);
    BenchReport report = Benchmark.run(new BenchOptions(casters, qps, submitters, warmUp, latencySamples, out, plot, unrelatedSecrets));
    System.out.print(report.table());
    if (out != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
      System.out.println("figures: " + out);
    }
    if (plot != null) {
      if (plot.getParent() != null) {
        Files.createDirectories(plot.getParent());
      }
      io.casteroperator.bench.ReadyChart.draw(report, plot);
      System.out.println("chart: " + plot);
    }
    return 0;
  }
}
