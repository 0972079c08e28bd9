package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The real kubectl binary, found on PATH, run against one kubeconfig. */
final class Kubectl {

  /** What a run printed and how it ended. */
  record Result(int exit, String out, String err) {
    /** Both streams, as a user sees them in a terminal. */
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A kubectl that keeps running (get -w): its output so far, line by line. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Running(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process was stopped
        }
      }, "kubectl-output");
      reader.setDaemon(true);
      reader.start();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  private final Path binary;
  private final Path kubeconfig;

  private Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** kubectl from PATH; the test fails, saying how to install it, when there is none. */
  static Kubectl onPath(Path kubeconfig) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "kubectl");
      if (Files.isExecutable(candidate)) {
        return new Kubectl(candidate, kubeconfig);
      }
    }
    return fail("""
        kubectl is not on PATH, and this test drives the real kubectl against the playground.
        Install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/#kubectl), for example on Linux amd64:
          curl -LO https://dl.k8s.io/release/v1.32.0/bin/linux/amd64/kubectl
          sudo install -m 0755 kubectl /usr/local/bin/kubectl
        or on Debian/Ubuntu: apt-get install kubectl (from the pkgs.k8s.io repository).""");
  }

  /** Runs kubectl to its end (at most a minute). */
  Result run(String... args) {
    try {
      Process process = start(args);
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("kubectl " + String.join(" ", args) + " did not end within a minute");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl and leaves it running (for watches); close it when done. */
  Running background(String... args) {
    try {
      return new Running(start(args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    return builder.start();
  }

  private static String readAll(java.io.InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
