package io.casteroperator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.live.LiveCredentials;
import io.casteroperator.runtime.OperatorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  private static OperatorSettings parse(String... args) {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    OperatorSettings s = parse();
    assertEquals(Set.of(), s.namespaces());
    assertNull(s.labelSelector());
    assertEquals("cn-shanghai", s.reconciler().defaultRegion());
    assertNull(s.live().endpoint());
    assertEquals(Duration.ofSeconds(5), s.live().connectTimeout());
    assertEquals(Duration.ofSeconds(10), s.live().readTimeout());
    assertEquals(new LiveCredentials.DefaultChain("default"), s.reconciler().defaultCredentials());
    assertEquals(10, s.budgets().quota("SetCasterConfig"));
    assertEquals(15, s.budgets().quota("DescribeCasterConfig"));
    assertEquals(15, s.budgets().quota("DescribeCasters"));
    assertEquals(Duration.ofMinutes(10), s.reconciler().driftInterval());
    assertEquals(16, s.maxConcurrentReconciles());
    assertNull(s.leaderElection());
  }

  @Test
  void flagsReachTheSettings() {
    OperatorSettings s = parse("--namespaces=team-a,team-b", "--label-selector=account=a", "--region=ap-southeast-1",
        "--live-endpoint=http://emulator:9000", "--read-timeout=3s", "--default-credentials=none",
        "--quota=SetCasterConfig=5", "--quota=DescribeCasters=7", "--drift-interval=90s", "--backoff-cap=1m",
        "--max-concurrent-reconciles=4", "--leader-election", "--lease-namespace=ops", "--lease-duration=20s");
    assertEquals(Set.of("team-a", "team-b"), s.namespaces());
    assertEquals("account=a", s.labelSelector());
    assertEquals("ap-southeast-1", s.reconciler().defaultRegion());
    assertEquals(URI.create("http://emulator:9000"), s.live().endpoint());
    assertEquals(Duration.ofSeconds(3), s.live().readTimeout());
    assertNull(s.reconciler().defaultCredentials());
    assertEquals(5, s.budgets().quota("SetCasterConfig"));
    assertEquals(7, s.budgets().quota("DescribeCasters"));
    assertEquals(15, s.budgets().quota("DescribeCasterConfig"));
    assertEquals(Duration.ofSeconds(90), s.reconciler().driftInterval());
    assertEquals(Duration.ofMinutes(1), s.reconciler().backoffCap());
    assertEquals(4, s.maxConcurrentReconciles());
    assertEquals("ops", s.leaderElection().leaseNamespace());
    assertEquals(Duration.ofSeconds(20), s.leaderElection().leaseDuration());
    assertTrue(s.leaderElection().exitOnLostLease());
  }

  @Test
  void oneQuotaForEveryAction() {
    OperatorSettings s = parse("--quota-all=200");
    assertEquals(200, s.budgets().quota("SetCasterConfig"));
    assertEquals(200, s.budgets().quota("DescribeCasterConfig"));
  }

  @Test
  void mistakesAreRefusedWithAClearMessage() {
    assertTrue(assertThrows(CommandLine.ParameterException.class, () -> parse("--quota=SetCasterConf=5"))
        .getMessage().contains("unknown action SetCasterConf"));
    assertTrue(assertThrows(CommandLine.ParameterException.class, () -> parse("--default-credentials=static"))
        .getMessage().contains("default-chain or none"));
    assertTrue(assertThrows(CommandLine.ParameterException.class, () -> parse("--leader-election"))
        .getMessage().contains("--lease-namespace"));
    assertThrows(CommandLine.ParameterException.class, () -> parse("--drift-interval=soon"));
    assertTrue(assertThrows(CommandLine.ParameterException.class, () -> parse("--quota=SetCasterConfig=fast"))
        .getMessage().contains("ACTION=N"));
  }

  @Test
  void anEmptyQuotaListMeansTheDocumentedQuotas() {
    // QUOTAS="" in a Deployment must not stop the operator.
    assertEquals(10, parse("--quota=").budgets().quota("SetCasterConfig"));
  }
}
