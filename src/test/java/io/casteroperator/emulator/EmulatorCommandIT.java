package io.casteroperator.emulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.live.model.v20161101.CreateCasterRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.profile.DefaultProfile;
import io.casteroperator.cli.EmulatorCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code emulator} command's options, its output, and that closing leaves no threads behind. */
class EmulatorCommandIT {

  private static EmulatorCommand parse(String... args) {
    EmulatorCommand command = new EmulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static <T extends com.aliyuncs.AcsResponse> T call(LiveEmulator emu, IAcsClient client,
      com.aliyuncs.AcsRequest<T> request) throws ClientException {
    request.setSysEndpoint(emu.endpoint());
    request.setSysProtocol(ProtocolType.HTTP);
    return client.getAcsResponse(request);
  }

  private static IAcsClient client(String id, String secret) {
    return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", id, secret));
  }

  private static boolean emulatorThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && (t.getName().startsWith("live-emulator") || t.getName().equals("HTTP-Dispatcher")));
  }

  @Test
  void optionsConfigureAccountsQuotasAndLimits() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LiveEmulator emu;
    try {
      emu = parse("--port", "0", "--account", "k1:s1@shared", "--account", "k2:s2@shared", "--account", "solo:s3",
              "--quota", "7", "--quota-action", "DescribeCasters=2", "--max-casters", "1", "--reject-changes-while-running")
          .startEmulator();
      try {
        assertEquals(7, emu.quotas().get("CreateCaster"));
        assertEquals(2, emu.quotas().get("DescribeCasters"));
        assertTrue(emu.rejectChangesWhileRunning());
        CreateCasterRequest create = new CreateCasterRequest();
        create.setCasterName("one");
        call(emu, client("k1", "s1"), create);
        CreateCasterRequest second = new CreateCasterRequest();
        second.setCasterName("two");
        ClientException e = assertThrows(ClientException.class, () -> call(emu, client("k2", "s2"), second));
        assertEquals("CasterNumberExceed", e.getErrCode(), "k1 and k2 share one account and its limit of 1");
        assertEquals(1, call(emu, client("k2", "s2"), new DescribeCastersRequest()).getTotal());
        assertEquals(0, call(emu, client("solo", "s3"), new DescribeCastersRequest()).getTotal());
        assertEquals("solo", emu.accountOf("solo"));
      } finally {
        emu.close();
      }
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Live API emulator listening on 127.0.0.1:"), out);
    assertTrue(out.contains("/_emulator/"), out);
    assertTrue(out.matches("(?s).*CreateCaster account=shared caster=[0-9a-f-]{36} code=OK outcome=applied latency=\\d+ms.*"), out);
    assertTrue(out.contains("CreateCaster account=shared caster=- code=CasterNumberExceed"), out);
    assertFalse(out.contains("s1") || out.contains("Signature"), "no secrets or signatures in the output: " + out);
    await().atMost(Duration.ofSeconds(5)).until(() -> !emulatorThreadsAlive());
  }

  @Test
  void withoutAccountsTheDemoKeyWorks() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (LiveEmulator emu = parse("--port", "0").startEmulator()) {
      assertEquals(10, emu.quotas().get("SetCasterConfig"));
      call(emu, client(LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET), new DescribeCastersRequest());
    } finally {
      System.setOut(original);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).contains(LiveEmulator.DEMO_ACCESS_KEY_ID));
  }

  @Test
  void studioRegionAndNormalisationOptions() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (LiveEmulator emu = parse("--port", "0", "--default-region", "cn-beijing", "--normalize-on-write", "DomainName=lowercase",
            "--studio-inputs", "4", "--reject-start-while-running", "--no-reject-stop-while-idle",
            "--reject-studio-changes-while-running", "--strict-references")
        .startEmulator()) {
      assertEquals("cn-beijing", emu.defaultRegion());
      assertEquals(java.util.Map.of("DomainName", "lowercase"), emu.normalizeOnWrite());
      assertEquals(4, emu.studioInputs());
      assertTrue(emu.rejectStartWhileRunning());
      assertFalse(emu.rejectStopWhileIdle());
      assertTrue(emu.rejectStudioChangesWhileRunning());
      assertTrue(emu.strictReferences());
      // A client in the default region finds what the console created there.
      String id = emu.createCaster(LiveEmulator.DEMO_ACCOUNT, null, "beijing");
      DescribeCastersRequest here = new DescribeCastersRequest();
      here.setCasterId(id);
      IAcsClient beijing = new DefaultAcsClient(DefaultProfile.getProfile("cn-beijing",
          LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET));
      assertEquals(1, call(emu, beijing, here).getTotal());
    } finally {
      System.setOut(original);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).contains("Default region: cn-beijing"));
    try (LiveEmulator defaults = parse("--port", "0").startEmulator()) {
      assertEquals("cn-shanghai", defaults.defaultRegion());
      assertTrue(defaults.rejectStopWhileIdle(), "on by default");
      assertFalse(defaults.strictReferences());
      assertEquals(12, defaults.studioInputs());
    }
    assertThrows(CommandLine.ParameterException.class,
        () -> parse("--port", "0", "--normalize-on-write", "Delay=lowercase").startEmulator());
    assertThrows(CommandLine.ParameterException.class, () -> parse("--port", "0", "--studio-inputs", "0").startEmulator());
  }

  @Test
  void closingReleasesThePort() {
    LiveEmulator first = LiveEmulator.builder().port(0).build().start();
    int port = first.port();
    first.close();
    try (LiveEmulator second = LiveEmulator.builder().port(port).build().start()) {
      assertEquals(port, second.port());
    }
  }

  @Test
  void badAccountSpecIsAUsageError() {
    assertThrows(CommandLine.ParameterException.class, () -> parse("--port", "0", "--account", "no-secret").startEmulator());
  }
}
