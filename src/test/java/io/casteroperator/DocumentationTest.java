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

  @Test
  void everySpecFieldIsInTheFieldTable() throws IOException {
    JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(CrdGenerator.generate());
    JsonNode spec = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    String table = readme().substring(readme().indexOf("### Spec fields"), readme().indexOf("## Status"));
    List<String> missing = new ArrayList<>();
    collect("", spec, table, missing);
    assertEquals(List.of(), missing, "spec fields missing from the README's field table");
  }

  private static void collect(String prefix, JsonNode schema, String table, List<String> missing) {
    JsonNode properties = schema.has("items") ? schema.get("items").get("properties") : schema.get("properties");
    if (properties == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (!table.contains(field.getKey())) {
        missing.add(path);
      }
      collect(path, field.getValue(), table, missing);
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
