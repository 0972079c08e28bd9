package io.casteroperator.playground;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the playground command prints and how long it runs: until Ctrl-C, or with --once until every example settles. */
public final class PlaygroundConsole {

  private PlaygroundConsole() {}

  /** Starts the playground, introduces it, and runs it; the exit code. */
  public static int run(PlaygroundOptions options, boolean once) throws Exception {
    try (Playground playground = Playground.start(options)) {
      introduce(playground, options, once);
      return once ? checkOnce(playground, options.settleTimeout()) : runUntilStopped(playground);
    }
  }

  private static void introduce(Playground playground, PlaygroundOptions options, boolean once) {
    System.out.printf("""
        caster-operator playground
          Kubernetes API   %s   (kubectl --kubeconfig %s get casters)
          Live emulator    http://%s   admin: http://%s/_emulator/
          account          %s / %s   (default credentials; also Secret %s/%s)
          operator         http://localhost:%d/metrics  /healthz  /readyz
          schema checks    %s
          applied          %s
        %s%s""", playground.kubeUrl(), options.kubeconfig(), playground.emulator().endpoint(),
        playground.emulator().endpoint(), options.accessKeyId(), options.accessKeySecret(), Playground.NAMESPACE,
        Playground.CREDENTIALS_SECRET, playground.httpPort(),
        options.schemaValidation() ? "on (Casters are validated on write, as on a cluster)" : "off (--schema-validation=off)",
        playground.applied(), playground.refused().stream().map(r -> "  " + r + "\n").collect(java.util.stream.Collectors.joining()),
        once ? "" : "Press Ctrl-C to stop.\n");
  }

  private static int checkOnce(Playground playground, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!playground.settled() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    System.out.print(playground.tableText());
    List<String> problems = playground.problems();
    if (problems.isEmpty()) {
      System.out.println("OK: every example is Ready with exactly one SetCasterConfig call.");
      return 0;
    }
    problems.forEach(p -> System.out.println("FAILED: " + p));
    return 1;
  }

  private static int runUntilStopped(Playground playground) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      playground.close();
      stopped.countDown();
    }, "playground-stop"));
    String last = "";
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      String table = playground.tableText();
      if (!table.equals(last)) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.print(table);
        last = table;
      }
    }
    return 0;
  }
}
