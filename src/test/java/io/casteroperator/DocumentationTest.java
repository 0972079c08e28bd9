package io.casteroperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.casteroperator.api.crd.CrdGenerator;
import io.casteroperator.cli.RunCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README is the product's manual: it must stay true to the code. */
class DocumentationTest {

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  @Test
  void theQuickStartIsTwoCommandsAndEndsWithTheTestCommandThatCiRuns() throws IOException {
    String readme = readme();
    String section = readme.substring(readme.indexOf("## Quick start"));
    String block = section.substring(section.indexOf("```bash") + 7, section.indexOf("```", section.indexOf("```bash") + 7));
    List<String> commands = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals(List.of(
        "mvn -B -q package -DskipTests && java -jar target/caster-operator.jar playground",
        "mvn -B verify"), commands);
    assertTrue(Files.readString(Path.of(".ci", "run")).lines().anyMatch(l -> l.strip().equals("mvn -B verify")),
        ".ci/run runs the README's test command");
  }

  /**
   * Every field of the CRD's spec has its own row in the README's field table (whole names in the
   * first column, not a substring anywhere), and the row's validation column states the rules the
   * schema enforces on it: lengths and counts, bounds, allowed values, required, and CEL rules.
   */
  @Test
  void everySpecFieldHasARowStatingItsRules() throws IOException {
    JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(CrdGenerator.generate());
    JsonNode root = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    Map<String, String> rows = fieldRows(readme().substring(readme().indexOf("### Spec fields"), readme().indexOf("## Status")));
    List<String> problems = new ArrayList<>();
    checkFields("", root.get("properties").get("spec"), rows, problems);
    // Rules about spec written at the root (they see status too) name their field by path.
    for (JsonNode rule : root.path("x-kubernetes-validations")) {
      String field = rule.path("fieldPath").asText().replaceFirst("^\\.spec\\.", "");
      if (!rows.getOrDefault(field, "").contains("CEL")) {
        problems.add(field + ": the row does not mention its CEL rule");
      }
    }
    assertEquals(List.of(), problems, "the README's field table against the CRD");
  }

  /** Field name (as in the first column, lists as name[]) to the row's validation column. */
  private static Map<String, String> fieldRows(String section) {
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
      String last = null;
      for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cells[0]); m.find(); ) {
        String name = m.group(1);
        if (name.startsWith(".") && last != null) {
          name = last.substring(0, last.lastIndexOf('.')) + name; // `.sliceOssObjectPrefix` after a full name
        }
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("(.*)\\.\\{([^}]+)}").matcher(name);
        if (group.matches()) {
          for (String member : group.group(2).split(",")) {
            rows.put(group.group(1) + "." + member.strip(), cells[cells.length - 1]);
          }
        } else {
          rows.put(name, cells[cells.length - 1]);
        }
        last = name;
      }
    }
    return rows;
  }

  private static void checkFields(String prefix, JsonNode object, Map<String, String> rows, List<String> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode schema = field.getValue();
      boolean listOfObjects = "array".equals(schema.path("type").asText()) && schema.path("items").has("properties");
      if (schema.has("properties")) {
        checkFields(path + ".", schema, rows, problems);
        continue;
      }
      if (listOfObjects) {
        checkFields(path + "[].", schema.get("items"), rows, problems);
        String count = "≤ " + schema.path("maxItems").asText();
        if (schema.has("maxItems") && rows.entrySet().stream()
            .noneMatch(r -> r.getKey().startsWith(path + "[].") && r.getValue().contains(count))) {
          problems.add(path + ": no row of its items states " + count);
        }
        continue;
      }
      String text = rows.get(path);
      if (text == null) {
        problems.add(path + ": no row");
        continue;
      }
      expect(path, text, schema, problems);
      if (schema.has("items")) {
        expect(path + "[]", text, schema.get("items"), problems);
      }
      boolean required = false;
      for (JsonNode name : object.path("required")) {
        required |= name.asText().equals(field.getKey());
      }
      if (required && !text.contains("required")) {
        problems.add(path + ": required, the row does not say so");
      }
      for (JsonNode rule : object.path("x-kubernetes-validations")) {
        if (rule.path("fieldPath").asText().equals("." + field.getKey()) && !text.contains("CEL")) {
          problems.add(path + ": the row does not mention its CEL rule");
        }
      }
    }
  }

  private static void expect(String path, String text, JsonNode schema, List<String> problems) {
    for (String bound : List.of("maxLength", "maxItems")) {
      if (schema.has(bound) && !text.contains("≤ " + schema.get(bound).asText())) {
        problems.add(path + ": " + bound + " " + schema.get(bound).asText() + " not in \"" + text + "\"");
      }
    }
    for (String bound : List.of("minimum", "maximum")) {
      String value = schema.has(bound) ? schema.get(bound).decimalValue().stripTrailingZeros().toPlainString() : null;
      // The 32-bit limit of every integer is stated once, under the table.
      if (value != null && !value.equals(String.valueOf(Integer.MAX_VALUE))
          && !text.matches(".*(?<![0-9.])" + java.util.regex.Pattern.quote(value) + "(?![0-9]).*")) {
        problems.add(path + ": " + bound + " " + value + " not in \"" + text + "\"");
      }
    }
    for (JsonNode value : schema.path("enum")) {
      if (!text.contains("`" + value.asText() + "`") && !text.contains(value.asText())) {
        problems.add(path + ": allowed value " + value.asText() + " not in \"" + text + "\"");
      }
    }
  }

  @Test
  void everyRunFlagIsInTheConfigurationTable() throws IOException {
    String readme = readme();
    String table = readme.substring(readme.indexOf("## Running the operator"));
    List<String> missing = new CommandLine(new RunCommand()).getCommandSpec().options().stream()
        .map(o -> o.longestName())
        .filter(name -> name.startsWith("--") && !name.equals("--help") && !name.equals("--version"))
        .filter(name -> !table.contains("`" + name + "`"))
        .toList();
    assertEquals(List.of(), missing, "run flags missing from the README's configuration table");
  }
}
