package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.cli.RunCommand;
import io.casteroperator.runtime.LeaderElectionSettings;
import io.casteroperator.runtime.OperatorSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * What {@code caster-operator run} makes of a container's environment: parsed in a JVM of its own
 * whose environment is exactly the container's (picocli reads variables with System.getenv), so a
 * value the operator would refuse at start-up fails the test instead of a rollout.
 */
final class RunCommandEnv {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunCommandEnv() {}

  /**
   * The settings {@code run} takes from the container's env of these manifests. Variables set from
   * a Secret get a placeholder, downward-API ones the pod's namespace and a pod name.
   */
  static JsonNode settings(Manifests manifests) {
    String namespace = Manifests.namespace(manifests.one("Deployment"));
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : manifests.container().path("env")) {
      String name = var.path("name").asText();
      JsonNode from = var.path("valueFrom");
      if (from.isMissingNode()) {
        env.put(name, var.path("value").asText(""));
      } else if (from.has("secretKeyRef")) {
        env.put(name, "from-secret-" + from.path("secretKeyRef").path("key").asText());
      } else if ("metadata.namespace".equals(from.path("fieldRef").path("fieldPath").asText())) {
        env.put(name, namespace);
      } else if ("metadata.name".equals(from.path("fieldRef").path("fieldPath").asText())) {
        env.put(name, "caster-operator-7d9f8b6c5-x2x4z");
      } else {
        throw new AssertionError("unexpected valueFrom of " + name + ": " + from);
      }
    }
    return run(env);
  }

  static JsonNode run(Map<String, String> env) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), RunCommandEnv.class.getName());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("run did not answer");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), "`caster-operator run` refuses the environment " + env + ":\n" + text);
      String json = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(text));
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Parses the environment as {@code run} does and prints what it would start with, as JSON. */
  public static void main(String[] args) throws Exception {
    RunCommand command = new RunCommand();
    OperatorSettings settings;
    try {
      new CommandLine(command).parseArgs();
      Method method = RunCommand.class.getDeclaredMethod("settings");
      method.setAccessible(true);
      settings = (OperatorSettings) method.invoke(command);
    } catch (CommandLine.ParameterException e) {
      System.out.println("refused: " + e.getMessage());
      System.exit(2);
      return;
    } catch (InvocationTargetException e) {
      System.out.println("refused: " + e.getCause());
      System.exit(2);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("namespaces", new TreeSet<>(settings.namespaces()));
    out.put("labelSelector", settings.labelSelector());
    out.put("region", settings.reconciler().defaultRegion());
    out.put("defaultCredentials", settings.reconciler().defaultCredentials() == null ? "none" : "default-chain");
    out.put("accountId", settings.reconciler().defaultCredentials() == null ? null
        : settings.reconciler().defaultCredentials().accountId());
    out.put("quotas", new TreeMap<>(settings.budgets().quotas()));
    out.put("maxConcurrentReconciles", settings.maxConcurrentReconciles());
    out.put("driftInterval", settings.reconciler().driftInterval().toString());
    out.put("liveEndpoint", settings.live().endpoint() == null ? null : settings.live().endpoint().toString());
    out.put("httpPort", field(command, "httpPort"));
    out.put("logFormat", String.valueOf(field(command, "logFormat")));
    LeaderElectionSettings le = settings.leaderElection();
    if (le != null) {
      Map<String, Object> lease = new LinkedHashMap<>();
      lease.put("name", le.leaseName());
      lease.put("namespace", le.leaseNamespace());
      lease.put("identity", le.identity());
      lease.put("duration", le.leaseDuration().toString());
      out.put("leaderElection", lease);
    }
    System.out.println(JSON.writeValueAsString(out));
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }

  static List<String> textList(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
