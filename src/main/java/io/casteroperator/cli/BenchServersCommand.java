package io.casteroperator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.casteroperator.bench.ServersProcess;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code bench-servers} (hidden): the second JVM of {@code bench --split}, which starts it. Runs the
 * API server and the emulator the bench describes on standard input, and answers it there.
 */
@Command(name = "bench-servers", hidden = true,
    description = "The API server and the emulator of a split benchmark run; started by bench --split, not by hand.")
public final class BenchServersCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    String missing = PlaygroundLibraries.missing("bench-servers");
    if (missing != null) {
      System.err.println(missing);
      return 1;
    }
    // Standard output carries the answers to the bench; keep the log to what matters.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.casteroperator").setLevel(Level.WARN);
    return ServersProcess.serve(System.in, System.out);
  }
}
