package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.live.LiveAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/ram-policy.json grants exactly the Live API actions the operator calls, on casters wherever it can. */
class RamPolicyTest {

  /** Every action of LiveAction is called (StartCaster since spec.running). */
  static final Set<LiveAction> NOT_CALLED = Set.of();

  /** Actions that RAM cannot scope to a caster: CreateCaster has none yet, DescribeCasters may list them all. */
  static final Set<String> UNSCOPED = Set.of("live:CreateCaster", "live:DescribeCasters");

  static final String CASTER_RESOURCE = "^acs:live:\\*:(\\*|[0-9]+):caster/\\*$";

  private static JsonNode policy;

  @BeforeAll
  static void read() throws IOException {
    policy = new ObjectMapper().readTree(Files.readString(Path.of("deploy/ram-policy.json")));
  }

  @Test
  void grantsExactlyTheActionsTheOperatorCalls() {
    Set<String> expected = Arrays.stream(LiveAction.values())
        .filter(a -> !NOT_CALLED.contains(a))
        .map(a -> "live:" + a.name())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> granted = new ArrayList<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertEquals("Allow", statement.path("Effect").asText());
      granted.addAll(strings(statement.path("Action")));
    }
    assertEquals(expected, new TreeSet<>(granted), "actions of deploy/ram-policy.json");
    assertEquals(granted.size(), new TreeSet<>(granted).size(), "each action granted once");
    assertTrue(granted.stream().noneMatch(a -> a.contains("*")), "no wildcard action");
  }

  @Test
  void scopesToCastersWhereverRamAllowsIt() {
    assertEquals("1", policy.path("Version").asText());
    assertEquals(2, policy.path("Statement").size(), "one caster-scoped statement, one for the unscoped actions");
    for (JsonNode statement : policy.path("Statement")) {
      List<String> actions = strings(statement.path("Action"));
      List<String> resources = strings(statement.path("Resource"));
      assertTrue(!statement.has("NotAction") && !statement.has("NotResource"), statement.toString());
      if (actions.stream().anyMatch(UNSCOPED::contains)) {
        assertEquals(UNSCOPED, new TreeSet<>(actions), "the unscoped statement holds only " + UNSCOPED);
        assertEquals(List.of("*"), resources);
      } else {
        assertTrue(!resources.isEmpty() && resources.stream().allMatch(r -> r.matches(CASTER_RESOURCE)),
            "caster-scoped resources, not " + resources);
      }
    }
  }

  private static List<String> strings(JsonNode node) {
    return node.isArray() ? RunCommandEnv.textList(node) : List.of(node.asText());
  }
}
