package io.casteroperator.playground.validation;

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
 * evaluates them: at every level, the root of the object included, with {@code self} bound to the
 * value there; a transition rule (one that uses {@code oldSelf}) only on an update and only where
 * the value exists in both the old and the new object. Items of a list are never correlated with
 * the old object (the API server correlates only {@code x-kubernetes-list-type: map} items, which
 * this schema does not have, and the items of a list that did not change at all), so a transition
 * rule under list items only runs where the list is unchanged. A failed rule is
 * reported at the location plus the rule's {@code fieldPath}.
 *
 * <p>On an update, validation ratcheting (on by default since Kubernetes 1.30): a rule that does not
 * use {@code oldSelf} is not evaluated where the value is unchanged from the old object, so an
 * object that predates a rule can still be updated elsewhere. Transition rules are never ratcheted.
 *
 * <p>Only standard CEL (with its macros, which include {@code has()}) is available: Kubernetes'
 * extension libraries such as {@code isURL()} or {@code url()} do not compile here, which keeps the
 * CRD's rules to what both evaluate.
 */
public final class CelRules {

  /** A rule, where it sits in the schema. */
  public record Site(String location, JsonNode schema, Rule rule, boolean underListItems) {}

  /** One x-kubernetes-validations entry. */
  public record Rule(String expression, String fieldPath, String message, String messageExpression, String reason) {
    private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

    public boolean transition() {
      return OLD_SELF.matcher(expression).find();
    }

    static Rule of(JsonNode node) {
      return new Rule(node.path("rule").asText(), node.path("fieldPath").asText(""), node.path("message").asText(""),
          node.path("messageExpression").asText(""), node.path("reason").asText("FieldValueInvalid"));
    }
  }

  private static final CelCompiler COMPILER = compiler(SimpleType.BOOL);
  private static final CelCompiler MESSAGE_COMPILER = compiler(SimpleType.STRING);

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();
  private static final Map<String, CelRuntime.Program> MESSAGE_PROGRAMS = new ConcurrentHashMap<>();

  private CelRules() {}

  private static CelCompiler compiler(dev.cel.common.types.CelType result) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addVar("oldSelf", SimpleType.DYN)
        .setResultType(result)
        .build();
  }

  /** The compiler's complaint about an expression, or null when it compiles to a boolean. */
  public static String compileError(String expression) {
    CelValidationResult result = COMPILER.compile(expression);
    return result.hasError() ? result.getErrorString() : null;
  }

  /** Every rule in the schema, with its location as a generic path ({@code spec.syncGroupsConfig[]}). */
  public static List<Site> sites(JsonNode schema) {
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
   * null on a create), appending what fails. With {@code ratchet}, rules without {@code oldSelf} are
   * skipped where the value equals the old one.
   */
  public static void evaluate(JsonNode schema, JsonNode value, JsonNode old, boolean ratchet, List<FieldError> errors) {
    walk(schema, value, old, "", ratchet, errors);
  }

  private static void walk(JsonNode schema, JsonNode value, JsonNode old, String path, boolean ratchet,
      List<FieldError> errors) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    boolean correlated = old != null && !old.isNull() && !old.isMissingNode();
    boolean unchanged = ratchet && correlated && old.equals(value);
    for (JsonNode node : schema.path("x-kubernetes-validations")) {
      Rule rule = Rule.of(node);
      if (rule.transition() ? !correlated : unchanged) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put("self", toCel(value, schema));
      if (rule.transition()) {
        variables.put("oldSelf", toCel(old, schema));
      }
      String at = rule.fieldPath().isEmpty() ? path : join(path, rule.fieldPath().substring(1));
      String invalid = "Invalid value: \"" + typeName(value) + "\": ";
      try {
        Object result = program(rule.expression()).eval(variables);
        if (!Boolean.TRUE.equals(result)) {
          errors.add(new FieldError(at, "cel", rule.reason(), prefix(rule.reason(), value) + message(rule, variables)));
        }
      } catch (CelEvaluationException e) {
        errors.add(new FieldError(at, "celError", "FieldValueInvalid", invalid + "rule evaluation error: " + e.getMessage()));
      }
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String name = property.getKey();
        walk(property.getValue(), value.get(name), correlated ? old.get(name) : null, join(path, name), ratchet, errors);
      }
    } else if (value.isArray() && schema.has("items")) {
      // Items of an atomic list are correlated with the old ones only when the whole list is unchanged.
      boolean sameList = correlated && old.equals(value);
      for (int i = 0; i < value.size(); i++) {
        walk(schema.get("items"), value.get(i), sameList ? old.get(i) : null, path + "[" + i + "]", ratchet, errors);
      }
    }
  }

  /** The rule's messageExpression, else its message, else what kube-apiserver says for a bare rule. */
  private static String message(Rule rule, Map<String, Object> variables) {
    if (!rule.messageExpression().isEmpty()) {
      try {
        Object text = messageProgram(rule.messageExpression()).eval(variables);
        if (text instanceof String s && !s.isBlank()) {
          return s;
        }
      } catch (CelEvaluationException | IllegalStateException e) {
        // kube-apiserver falls back to message (or the rule) when messageExpression fails
      }
    }
    return rule.message().isEmpty() ? "failed rule: " + rule.expression() : rule.message();
  }

  /** How kube-apiserver words a field error of the rule's reason (field.Forbidden, field.Required...). */
  private static String prefix(String reason, JsonNode value) {
    return switch (reason) {
      case "FieldValueForbidden" -> "Forbidden: ";
      case "FieldValueRequired" -> "Required value: ";
      case "FieldValueDuplicate" -> "Duplicate value: \"" + typeName(value) + "\": ";
      default -> "Invalid value: \"" + typeName(value) + "\": ";
    };
  }

  private static String typeName(JsonNode value) {
    if (value.isObject()) {
      return "object";
    } else if (value.isArray()) {
      return "array";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isBoolean()) {
      return "boolean";
    } else if (value.isIntegralNumber()) {
      return "integer";
    }
    return "number";
  }

  private static CelRuntime.Program program(String expression) {
    return PROGRAMS.computeIfAbsent(expression, e -> compile(COMPILER, e));
  }

  private static CelRuntime.Program messageProgram(String expression) {
    return MESSAGE_PROGRAMS.computeIfAbsent(expression, e -> compile(MESSAGE_COMPILER, e));
  }

  private static CelRuntime.Program compile(CelCompiler compiler, String expression) {
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      return RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException ex) {
      throw new IllegalStateException("CEL expression does not compile: " + expression, ex);
    }
  }

  /** The value as CEL sees it in Kubernetes: integers as int (Long), numbers as double. */
  public static Object toCel(JsonNode value, JsonNode schema) {
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
