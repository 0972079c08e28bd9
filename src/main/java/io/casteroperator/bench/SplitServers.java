package io.casteroperator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The API server and the emulator in a JVM of their own ({@code bench --split}): the hidden
 * {@code bench-servers} command of the same jar (see {@link ServersProcess}). Their CPU, heap and GC
 * are then apart from the operator's, and the machine's cores are shared between two processes as
 * they would be between an operator and a real API server on one node.
 */
final class SplitServers implements Servers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ANSWER_SECONDS = 60;

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> answers;
  private final String kubeUrl;
  private final RemoteEmulatorControl emulator;

  private SplitServers(Process process, Writer commands, BlockingQueue<String> answers, JsonNode started) {
    this.process = process;
    this.commands = commands;
    this.answers = answers;
    this.kubeUrl = started.get("kubeUrl").asText();
    this.emulator = new RemoteEmulatorControl(started.get("emulatorEndpoint").asText());
  }

  static SplitServers start(ServersConfig config) throws Exception {
    Process process = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readAnswers(process, answers), "bench-servers-reader");
    reader.setDaemon(true);
    reader.start();
    Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    try {
      commands.write(JSON.writeValueAsString(config) + "\n");
      commands.flush();
      JsonNode started = JSON.readTree(next(answers, process, "start"));
      return new SplitServers(process, commands, answers, started);
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The same java and class path as this JVM, with its heap and GC options. */
  private static List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xm") || arg.startsWith("-XX:+Use") || arg.startsWith("-XX:ActiveProcessorCount")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.casteroperator.cli.Main");
    command.add("bench-servers");
    return command;
  }

  /** Answers go to the queue; the servers' log lines to this process's standard error. */
  private static void readAnswers(Process process, BlockingQueue<String> answers) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ServersProcess.PREFIX)) {
          answers.add(line.substring(ServersProcess.PREFIX.length()));
        } else {
          System.err.println("[bench-servers] " + line);
        }
      }
    } catch (IOException e) {
      // the process ended; next() reports it
    }
  }

  private static String next(BlockingQueue<String> answers, Process process, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
    while (System.nanoTime() < deadline) {
      String answer = answers.poll(100, TimeUnit.MILLISECONDS);
      if (answer != null) {
        return answer;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the servers JVM ended (exit code " + process.exitValue() + ") before it answered "
            + what + "; its output is above");
      }
    }
    throw new IllegalStateException("the servers JVM did not answer " + what + " within " + ANSWER_SECONDS + " s");
  }

  @Override
  public String kubeUrl() {
    return kubeUrl;
  }

  @Override
  public EmulatorControl emulator() {
    return emulator;
  }

  @Override
  public synchronized CpuSeconds outsideCpu() {
    try {
      commands.write(ServersProcess.CPU + "\n");
      commands.flush();
      return JSON.readValue(next(answers, process, "cpu"), CpuSeconds.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the servers JVM for its CPU", e);
    }
  }

  @Override
  public boolean split() {
    return true;
  }

  @Override
  public void close() {
    try {
      commands.write(ServersProcess.STOP + "\n");
      commands.close();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
