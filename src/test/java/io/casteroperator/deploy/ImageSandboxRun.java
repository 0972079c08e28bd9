package io.casteroperator.deploy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casteroperator.api.Caster;
import io.casteroperator.emulator.CallRecord;
import io.casteroperator.emulator.LiveEmulator;
import io.casteroperator.playground.MockKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The inside of {@link ImageSandboxIT}: runs in a network namespace of its own (loopback only), starts
 * the playground's API server and the Live emulator there, and runs the image tree in a container-like
 * sandbox, three times: a probe of the sandbox itself, {@code version}, and {@code run} with the
 * Deployment's environment, against which it applies a Caster. Writes what it saw to
 * {@code WORK/result.json}; the test asserts on it.
 *
 * <p>Arguments: the work directory, the image tree.
 */
public final class ImageSandboxRun {

  static final int UID = 10001;
  static final String POD_NAME = "caster-operator-5d4f8b7c9-sbx2k";
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path work;
  private final Path tree;
  private final Manifests deploy = Manifests.read(Path.of("deploy/deployment.yaml"));
  private final ObjectNode result = new ObjectMapper().createObjectNode();

  private ImageSandboxRun(Path work, Path tree) {
    this.work = work;
    this.tree = tree;
  }

  public static void main(String[] args) throws Exception {
    ImageSandboxRun run = new ImageSandboxRun(Path.of(args[0]), Path.of(args[1]));
    try {
      run.run();
    } catch (Throwable e) {
      run.result.put("error", e.toString());
      throw e;
    } finally {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(run.work.resolve("result.json").toFile(), run.result);
    }
    System.exit(0); // the API server's and the emulator's threads
  }

  private void run() throws Exception {
    result.put("interfaces", String.join(" ", interfaces()));
    String namespace = Manifests.namespace(deploy.one("Deployment"));
    Map<String, String> env = deploymentEnvironment(namespace);
    String watched = env.get("WATCH_NAMESPACES");

    try (LiveEmulator emulator = LiveEmulator.builder().port(0)
            .account(LiveEmulator.DEMO_ACCESS_KEY_ID, LiveEmulator.DEMO_ACCESS_KEY_SECRET, LiveEmulator.DEMO_ACCOUNT).build().start();
        MockKubernetes kube = MockKubernetes.start(MockKubernetes.Options.defaults())) {
      KubernetesClient client = kube.client();
      for (String name : List.of(namespace, watched)) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
      }
      Path kubeconfig = Files.createDirectories(work.resolve("kube"));
      Files.writeString(kubeconfig.resolve("config"), """
          apiVersion: v1
          kind: Config
          clusters: [{name: sandbox, cluster: {server: "http://127.0.0.1:%d"}}]
          users: [{name: sandbox, user: {}}]
          contexts: [{name: sandbox, context: {cluster: sandbox, user: sandbox, namespace: %s}}]
          current-context: sandbox
          """.formatted(kube.port(), namespace));
      env.put("KUBECONFIG", "/var/run/kubeconfig/config");
      env.put("LIVE_ENDPOINT", "http://" + emulator.endpoint());

      probe(env);
      version(env);
      operator(env, client, emulator, watched);
    }
  }

  /** What the pod's container runtime and the kubelet put in the environment, and the Deployment's env. */
  private Map<String, String> deploymentEnvironment(String namespace) {
    Map<String, String> env = new LinkedHashMap<>();
    Path javaHome = Path.of(System.getProperty("java.home"));
    env.put("PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
    env.put("JAVA_HOME", javaHome.toString());
    env.put("HOSTNAME", POD_NAME);
    env.put("HOME", "/");
    for (JsonNode var : deploy.container().path("env")) {
      String name = var.path("name").asText();
      JsonNode from = var.path("valueFrom");
      if (from.isMissingNode()) {
        env.put(name, var.path("value").asText(""));
      } else if (from.has("secretKeyRef")) {
        // The credentials Secret of the README: the emulator's demo key, its account.
        env.put(name, switch (from.path("secretKeyRef").path("key").asText()) {
          case "accessKeyId" -> LiveEmulator.DEMO_ACCESS_KEY_ID;
          case "accessKeySecret" -> LiveEmulator.DEMO_ACCESS_KEY_SECRET;
          case "accountId" -> LiveEmulator.DEMO_ACCOUNT;
          default -> throw new IllegalStateException("unexpected Secret key of " + name);
        });
      } else if ("metadata.namespace".equals(from.path("fieldRef").path("fieldPath").asText())) {
        env.put(name, namespace);
      } else if ("metadata.name".equals(from.path("fieldRef").path("fieldPath").asText())) {
        env.put(name, POD_NAME);
      } else {
        throw new IllegalStateException("unexpected valueFrom of " + name + ": " + from);
      }
    }
    return env;
  }

  /**
   * The image's command (ENTRYPOINT and CMD of deploy/Dockerfile) with {@code args} instead of CMD,
   * and the container's limits as the JVM would see them in the pod: bubblewrap sets no cgroup limits,
   * so the memory limit and the CPU limit of deploy/ are given to the JVM as MaxRAM and
   * ActiveProcessorCount (what its container support reads from the cgroup in a pod).
   */
  private List<String> imageCommand(String... args) {
    Dockerfile dockerfile = Dockerfile.read();
    List<String> command = new ArrayList<>(dockerfile.entrypoint());
    JsonNode limits = deploy.container().path("resources").path("limits");
    command.addAll(1, List.of("-XX:MaxRAM=" + mebibytes(limits.path("memory").asText()) + "m",
        "-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(cpus(limits.path("cpu").asText())))));
    command.addAll(args.length > 0 ? List.of(args) : dockerfile.command().subList(dockerfile.entrypoint().size(), dockerfile.command().size()));
    return command;
  }

  private List<String> sandbox(Map<String, String> env, List<String> command) throws IOException {
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    return Bubblewrap.container(UID, tree, tmp, Map.of(work.resolve("kube"), "/var/run/kubeconfig"),
        Path.of(System.getProperty("java.home")), POD_NAME, Dockerfile.read().last("WORKDIR").arguments(), env, command);
  }

  /** The sandbox itself, seen from inside: who, what capabilities, which interfaces, what is writable. */
  private void probe(Map<String, String> env) throws Exception {
    String script = "echo uid=$(id -u) gid=$(id -g) groups=$(id -G | tr ' ' ,);"
        + " grep CapEff /proc/self/status | tr -d '\\t' | sed 's/CapEff:/capEff=/';"
        + " echo interfaces=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ,);"
        + " if touch /probe 2>/dev/null; then echo root=writable; else echo root=read-only; fi;"
        + " if touch /app/probe 2>/dev/null; then echo app=writable; else echo app=read-only; fi;"
        + " if touch /tmp/probe 2>/dev/null; then echo tmp=writable; rm /tmp/probe; else echo tmp=read-only; fi;"
        + " echo cwd=$(pwd)";
    Process probe = new ProcessBuilder(sandbox(env, List.of("/bin/sh", "-c", script))).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    probe.waitFor(30, TimeUnit.SECONDS);
    ObjectNode seen = result.putObject("probe");
    for (String line : output.lines().toList()) {
      for (String pair : line.split(" ")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          seen.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    seen.put("output", output);
  }

  private void version(Map<String, String> env) throws Exception {
    Process version = new ProcessBuilder(sandbox(env, imageCommand("version"))).redirectErrorStream(true).start();
    String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = version.waitFor(60, TimeUnit.SECONDS);
    result.putObject("version").put("exit", ended ? version.exitValue() : -1).put("output", output.strip());
    Process playground = new ProcessBuilder(sandbox(env, imageCommand("playground", "--once"))).redirectErrorStream(true).start();
    output = new String(playground.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ended = playground.waitFor(60, TimeUnit.SECONDS);
    result.putObject("playground").put("exit", ended ? playground.exitValue() : -1).put("output", output.strip());
  }

  private void operator(Map<String, String> env, KubernetesClient client, LiveEmulator emulator, String namespace) throws Exception {
    ObjectNode seen = result.putObject("run");
    List<String> command = sandbox(env, imageCommand());
    seen.put("command", String.join(" ", command.subList(command.indexOf("--") + 1, command.size())));
    Path log = work.resolve("operator.log");
    long start = System.nanoTime();
    seen.put("startedAtEpochMillis", System.currentTimeMillis());
    Process operator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = Integer.parseInt(env.get("HTTP_PORT"));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(2)).build();
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
        if (!operator.isAlive()) {
          throw new IllegalStateException("the operator ended with " + operator.exitValue() + ":\n" + Files.readString(log));
        }
        try {
          return http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
          return false;
        }
      });
      seen.put("readyzMillis", (System.nanoTime() - start) / 1_000_000);
      seen.put("readyz", http.send(readyz, HttpResponse.BodyHandlers.ofString()).body());

      String yaml = Files.readString(Path.of("deploy/examples/new-caster.yaml"));
      Caster caster = Serialization.unmarshal(yaml, Caster.class);
      caster.getMetadata().setNamespace(namespace);
      client.resource(caster).create();
      String name = caster.getMetadata().getName();
      long applied = System.nanoTime();
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
        if (!operator.isAlive()) {
          throw new IllegalStateException("the operator ended with " + operator.exitValue());
        }
        return readyReason(client, namespace, name).filter(r -> r.startsWith("True/")).isPresent();
      });
      seen.put("casterReadyMillis", (System.nanoTime() - applied) / 1_000_000);
      seen.put("ready", readyReason(client, namespace, name).orElse(""));
      seen.put("outputsSecret", client.secrets().inNamespace(namespace).withName(caster.getSpec().getOutputsSecretRef().getName()).get() != null);
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      seen.put("metricsStatus", metrics.statusCode());
      seen.put("metricsCasterSeries", metrics.body().lines().filter(l -> l.startsWith("caster_")).count());
      Map<String, Long> calls = new LinkedHashMap<>();
      for (CallRecord call : emulator.callLog()) {
        calls.merge(call.action() + " " + call.code(), 1L, Long::sum);
      }
      seen.putPOJO("liveApiCalls", calls);

      List<ProcessHandle> jvm = operator.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
      for (ProcessHandle process : jvm) {
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
            .filter(l -> l.startsWith("VmRSS:")).findFirst()
            .ifPresent(l -> seen.put("residentKiB", Long.parseLong(l.replaceAll("[^0-9]", ""))));
      }
      // SIGTERM to the JVM, as the kubelet stops the container.
      long stop = System.nanoTime();
      jvm.forEach(ProcessHandle::destroy);
      boolean ended = operator.waitFor(30, TimeUnit.SECONDS);
      seen.put("stopMillis", (System.nanoTime() - stop) / 1_000_000);
      seen.put("exit", ended ? operator.exitValue() : -1);
    } finally {
      operator.destroyForcibly();
      operator.waitFor(10, TimeUnit.SECONDS);
    }
    List<String> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(work.resolve("tmp"))) {
      files.filter(f -> !f.equals(work.resolve("tmp"))).forEach(f -> written.add("/tmp/" + work.resolve("tmp").relativize(f)));
    }
    result.putPOJO("tmp", written);
  }

  private static Optional<String> readyReason(KubernetesClient client, String namespace, String name) {
    Caster current = client.resources(Caster.class).inNamespace(namespace).withName(name).get();
    if (current == null || current.getStatus() == null || current.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return current.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getStatus() + "/" + c.getReason()).findFirst();
  }

  /** The network interfaces of this namespace. */
  private static List<String> interfaces() throws IOException {
    return Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2).map(l -> l.substring(0, l.indexOf(':')).strip()).toList();
  }

  private static long mebibytes(String quantity) {
    if (quantity.endsWith("Mi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
    }
    throw new IllegalArgumentException("memory limit " + quantity + ": Mi or Gi expected");
  }

  private static double cpus(String quantity) {
    return quantity.endsWith("m") ? Long.parseLong(quantity.substring(0, quantity.length() - 1)) / 1000.0 : Double.parseDouble(quantity);
  }
}
