package io.casteroperator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The x-kubernetes-validations rules of a schema, evaluated with dev.cel the way the API server
 * evaluates them: at the location of the rule, with {@code self} bound to the value there; a
 * transition rule (one that uses {@code oldSelf}) only on an update and only where the value exists
 * in both the old and the new object. Items of a list are never correlated with the old object
 * (the API server correlates only {@code x-kubernetes-list-type: map} items, which this schema does
 * not have), so a transition rule under list items never runs. A failed rule is reported at the
 * location plus the rule's {@code fieldPath}, with the rule {@code cel}.
 *
 * <p>Only standard CEL (with its macros, which include {@code has()}) is available: Kubernetes'
 * extension libraries such as {@code isURL()} or {@code url()} do not compile here, which keeps the
 * CRD's rules to what both evaluate.
 */
final class CelRules {

  /** A rule, where it sits in the schema. */
  record Site(String location, JsonNode schema, Rule rule, boolean underListItems) {}

  /** One x-kubernetes-validations entry. */
  record Rule(String expression, String fieldPath, String message) {
    private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

    boolean transition() {
      return OLD_SELF.matcher(expression).find();
    }

    static Rule of(JsonNode node) {
      return new Rule(node.path("rule").asText(), node.path("fieldPath").asText(""), node.path("message").asText(""));
    }
  }

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .setResultType(SimpleType.BOOL)
          .build();

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private CelRules() {}

  /** The compiler's complaint about an expression, or null when it compiles to a boolean. */
  static String compileError(String expression) {
    CelValidationResult result = COMPILER.compile(expression);
    return result.hasError() ? result.getErrorString() : null;
  }

  /** Every rule in the schema, with its location as a generic path ({@code spec.syncGroupsConfig[]}). */
  static List<Site> sites(JsonNode schema) {
    List<Site> sites = new ArrayList<>();
    collect(schema, "", false, sites);
    return sites;
  }

  private static void collect(JsonNode schema, String location, boolean underItems, List<Site> sites) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      sites.add(new Site(location, schema, Rule.of(rule), underItems));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      collect(property.getValue(), join(location, property.getKey()), underItems, sites);
    }
    if (schema.has("items")) {
      collect(schema.get("items"), location + "[]", true, sites);
    }
  }

  /**
   * Evaluates every rule of the schema against value (the new object) and old (the old object, or
   * null on a create), appending what fails.
   */
  static void evaluate(JsonNode schema, JsonNode value, JsonNode old, List<Finding> findings) {
    walk(schema, value, old, "", findings);
  }

  private static void walk(JsonNode schema, JsonNode value, JsonNode old, String path, List<Finding> findings) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    boolean correlated = old != null && !old.isNull() && !old.isMissingNode();
    for (JsonNode node : schema.path("x-kubernetes-validations")) {
      Rule rule = Rule.of(node);
      if (rule.transition() && !correlated) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put("self", toCel(value, schema));
      if (rule.transition()) {
        variables.put("oldSelf", toCel(old, schema));
      }
      // A root rule has no path of its own: its fieldPath (".spec.regionId") is the whole path.
      String at = path.isEmpty() ? rule.fieldPath().substring(1) : path + rule.fieldPath();
      try {
        Object result = program(rule.expression()).eval(variables);
        if (!Boolean.TRUE.equals(result)) {
          findings.add(new Finding(at, "cel"));
        }
      } catch (CelEvaluationException e) {
        findings.add(new Finding(at, "celError"));
      }
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String name = property.getKey();
        walk(property.getValue(), value.get(name), correlated ? old.get(name) : null, join(path, name), findings);
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(schema.get("items"), value.get(i), null, path + "[" + i + "]", findings);
      }
    }
  }

  private static CelRuntime.Program program(String expression) {
    return PROGRAMS.computeIfAbsent(expression, e -> {
      try {
        CelAbstractSyntaxTree ast = COMPILER.compile(e).getAst();
        return RUNTIME.createProgram(ast);
      } catch (CelValidationException | CelEvaluationException ex) {
        throw new IllegalStateException("CEL rule does not compile: " + e, ex);
      }
    });
  }

  /** The value as CEL sees it in Kubernetes: integers as int (Long), numbers as double. */
  static Object toCel(JsonNode value, JsonNode schema) {
    String type = schema == null ? "" : schema.path("type").asText("");
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      JsonNode properties = schema == null ? null : schema.get("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isNull()) {
          map.put(field.getKey(), toCel(field.getValue(), properties == null ? null : properties.get(field.getKey())));
        }
      }
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : value) {
        list.add(item.isNull() ? dev.cel.common.values.NullValue.NULL_VALUE : toCel(item, schema == null ? null : schema.get("items")));
      }
      return list;
    }
    if (value.isNumber()) {
      if (type.equals("number")) {
        return value.doubleValue();
      }
      return value.canConvertToExactIntegral() ? value.longValue() : value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
