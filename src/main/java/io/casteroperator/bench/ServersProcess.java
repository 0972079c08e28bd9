package io.casteroperator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The servers JVM of a split run ({@code bench --split}): the API server and the emulator, and
 * nothing else. It talks to the bench over its standard streams, a line each way: it reads a
 * {@link ServersConfig} as JSON, starts the servers and answers where they listen; then it answers
 * {@code cpu} with the CPU its parts used so far, until {@code stop} or the end of its input (the
 * bench is gone). Its answers start with {@link #PREFIX}; any other line on its standard output is a
 * log line.
 */
public final class ServersProcess {

  static final String PREFIX = "@bench-servers ";
  static final String CPU = "cpu";
  static final String STOP = "stop";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServersProcess() {}

  /** Serves until told to stop; the exit code. */
  public static int serve(InputStream input, PrintStream output) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      return 1;
    }
    ServersConfig config = JSON.readValue(first, ServersConfig.class);
    try (ComponentCpu cpu = ComponentCpu.start(); InProcessServers servers = InProcessServers.start(config)) {
      ObjectNode started = JSON.createObjectNode().put("kubeUrl", servers.kubeUrl())
          .put("emulatorEndpoint", servers.emulator().endpoint());
      answer(output, started);
      for (String line = in.readLine(); line != null && !STOP.equals(line.trim()); line = in.readLine()) {
        if (CPU.equals(line.trim())) {
          answer(output, JSON.valueToTree(asOutside(cpu.totals())));
        }
      }
    }
    return 0;
  }

  /** From the bench's side, this JVM's threads other than the servers' are its own overhead. */
  private static CpuSeconds asOutside(CpuSeconds here) {
    return new CpuSeconds(0, here.apiServer(), here.emulator(), 0, 0, here.operator() + here.bench() + here.jvm());
  }

  private static void answer(PrintStream output, Object json) throws IOException {
    output.println(PREFIX + JSON.writeValueAsString(json));
    output.flush();
  }
}
