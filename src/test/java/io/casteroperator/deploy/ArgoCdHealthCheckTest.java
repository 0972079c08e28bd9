package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * deploy/argocd/health.lua, the Argo CD health check of Casters, run over a table of Casters
 * (src/test/resources/argocd/health-cases.yaml) in two interpreters: one with only the libraries
 * Argo CD opens for custom checks (base, package, table), one with all of them.
 */
class ArgoCdHealthCheckTest {

  static final Path SCRIPT = Path.of("deploy/argocd/health.lua");
  static final Path SNIPPET = Path.of("deploy/argocd/argocd-cm-patch.yaml");
  static final String KEY = "resource.customizations.health.live.caster-operator.io_Caster";
  static final Set<String> STATUSES = Set.of("Healthy", "Progressing", "Degraded", "Suspended");

  private static String script;

  @BeforeAll
  static void read() throws IOException {
    script = Files.readString(SCRIPT);
  }

  /** Argo CD's interpreter for custom health checks: gopher-lua with base, package, table (and a safe os) only. */
  static Globals argoCd() {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);
    return globals;
  }

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = ArgoCdHealthCheckTest.class.getResourceAsStream("/argocd/health-cases.yaml")) {
      JsonNode table = Manifests.YAML.readTree(in);
      List<Arguments> cases = new ArrayList<>();
      for (JsonNode c : table) {
        cases.add(Arguments.of(c.path("name").asText(), c.path("caster"), c.path("status").asText(), c.path("message").asText()));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void healthOfCaster(String name, JsonNode caster, String status, String message) {
    for (Map.Entry<String, Supplier<Globals>> interpreter : Map.<String, Supplier<Globals>>of(
        "Argo CD's libraries", ArgoCdHealthCheckTest::argoCd, "all libraries", JsePlatform::standardGlobals).entrySet()) {
      LuaValue health = run(interpreter.getValue().get(), caster);
      assertEquals(status, health.get("status").tojstring(), name + " (" + interpreter.getKey() + "): status");
      assertEquals(message, health.get("message").tojstring(), name + " (" + interpreter.getKey() + "): message");
    }
  }

  @Test
  void theTableCoversEveryReasonAndEveryHealth() throws IOException {
    List<Arguments> cases = cases().toList();
    assertTrue(cases.size() >= 15, "at least 15 Casters, not " + cases.size());
    Set<String> statuses = new TreeSet<>();
    Set<String> reasons = new TreeSet<>();
    for (Arguments c : cases) {
      statuses.add((String) c.get()[2]);
      for (JsonNode condition : ((JsonNode) c.get()[1]).path("status").path("conditions")) {
        if (Set.of("Ready", "Synced").contains(condition.path("type").asText())) {
          reasons.add(condition.path("reason").asText());
        }
      }
    }
    assertEquals(STATUSES, statuses);
    Set<String> missing = new TreeSet<>(Set.of("Applied", "Observed", "InvalidSpec", "CasterIdConflict", "CasterIdImmutable",
        "CredentialsError", "Pending", "Throttled", "Retrying", "CloudError", "ChannelEnableRequiresStoppedCaster",
        "ChannelDisableUnsupported", "DriftDetected", "OperatorError", "Deleting", "Paused"));
    missing.removeAll(reasons);
    assertTrue(missing.isEmpty(), "reasons without a Caster in the table: " + missing);
  }

  @Test
  void theArgoCdSnippetEmbedsExactlyTheScript() {
    JsonNode snippet = Manifests.readYaml(SNIPPET);
    assertEquals("ConfigMap", snippet.path("kind").asText());
    assertEquals("argocd-cm", snippet.path("metadata").path("name").asText());
    Iterator<String> keys = snippet.path("data").fieldNames();
    assertEquals(KEY, keys.next());
    assertTrue(!keys.hasNext(), "the snippet sets only the health check");
    assertEquals(script, snippet.path("data").path(KEY).asText(), SNIPPET + " must embed " + SCRIPT + " unchanged");
  }

  /** LuaJ is Lua 5.2: what 5.1 (gopher-lua) cannot parse must be kept out by hand. */
  @Test
  void theScriptStaysInTheSyntaxOfLua51() {
    String code = withoutCommentsAndStrings(script);
    // goto and labels, integer division, bitwise operators, 5.2+ libraries, and the string library
    // (Argo CD opens neither it nor the string metatable that method calls on strings need).
    for (String pattern : List.of("\\bgoto\\b", "::", "//", "~(?!=)", "<<", ">>", "&", "\\|", "\\bbit32\\b",
        "\\butf8\\b", "\\btable\\.(unpack|pack|move)\\b", "\\bstring\\.", "\\bload\\(", "[\\w)\\]]\\s*:\\s*[A-Za-z_]")) {
      Matcher m = Pattern.compile(pattern).matcher(code);
      assertTrue(!m.find(), "health.lua uses " + pattern + " (not in Lua 5.1 or not opened by Argo CD) near: "
          + (m.hitEnd() ? "" : code.substring(Math.max(0, m.start() - 30), Math.min(code.length(), m.end() + 30))));
    }
  }

  @Test
  void anUnexpectedObjectStillGetsAHealth() {
    LuaValue health = run(argoCd(), Manifests.YAML.createObjectNode());
    assertEquals("Progressing", health.get("status").tojstring());
    JsonNode odd = Manifests.YAML.valueToTree(Map.of("metadata", Map.of("generation", 1),
        "status", Map.of("observedGeneration", 1, "conditions", List.of("not a condition", Map.of("type", "Ready")))));
    assertTrue(STATUSES.contains(run(argoCd(), odd).get("status").tojstring()));
  }

  private static LuaValue run(Globals globals, JsonNode caster) {
    globals.set("obj", lua(caster));
    LuaValue result = globals.load(script, "health.lua").call();
    assertTrue(result.istable(), "health.lua returns a table");
    return result;
  }

  /** JSON to Lua as Argo CD hands the object to the script: objects and arrays become tables. */
  static LuaValue lua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      node.fields().forEachRemaining(e -> table.set(e.getKey(), lua(e.getValue())));
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      int i = 1;
      for (JsonNode item : node) {
        table.set(i++, lua(item));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    return LuaValue.valueOf(node.asText());
  }

  private static String withoutCommentsAndStrings(String lua) {
    return lua.replaceAll("--[^\n]*", "").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }
}
