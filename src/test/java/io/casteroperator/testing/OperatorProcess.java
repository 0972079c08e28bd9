package io.casteroperator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator as a process of its own ({@code run}, in a child JVM), against the fixture's API
 * server and emulator, configured as a Deployment configures it: a kubeconfig, environment
 * variables, the default credentials from the environment. Its point is that it can be killed:
 * {@link #kill()} is SIGKILL, with no shutdown hook, no lease handed over, nothing finished.
 */
public final class OperatorProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code run} as {@code identity}.
   *
   * @param environment extra variables (LEADER_ELECTION, LEASE_NAME...), on top of fast test settings
   * @param jvmOptions extra JVM options, such as a crash point
   */
  public static OperatorProcess start(OperatorFixture fixture, String identity, Map<String, String> environment,
      String... jvmOptions) {
    try {
      Path dir = Files.createTempDirectory("operator-" + identity);
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters: [{name: test, cluster: {server: "%s"}}]
          users: [{name: test, user: {}}]
          contexts: [{name: test, context: {cluster: test, user: test, namespace: default}}]
          current-context: test
          """.formatted(fixture.kubeUrl()));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of(jvmOptions));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.casteroperator.cli.Main", "run"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
      Map<String, String> env = builder.environment();
      env.put("KUBECONFIG", kubeconfig.toString());
      env.put("POD_NAME", identity);
      env.put("POD_NAMESPACE", OperatorFixture.NAMESPACE);
      env.put("LIVE_ENDPOINT", "http://" + fixture.emulator().endpoint());
      env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", OperatorFixture.DEFAULT_KEY);
      env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", OperatorFixture.DEFAULT_SECRET);
      env.put("ALIBABA_CLOUD_ACCOUNT_ID", OperatorFixture.ACCOUNT);
      env.put("LIVE_CONNECT_TIMEOUT", "2s");
      env.put("LIVE_READ_TIMEOUT", "3s");
      env.put("DRIFT_INTERVAL", "1h");
      env.put("BACKOFF_BASE", "200ms");
      env.put("BACKOFF_CAP", "2s");
      env.put("SLOW_PROBE", "1h");
      env.put("PRECONDITION_POLL", "500ms");
      env.put("HTTP_PORT", "0");
      env.putAll(new HashMap<>(environment));
      return new OperatorProcess(builder.start(), dir.resolve("log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, and wait until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** Waits for the process to end by itself (a crash point); returns its exit code. */
  public int waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the operator process did not end; its log:\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the process printed, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
