package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows, which cannot run here: CI runs the README's test command, and the release
 * publishes under the names, and with the one version, that pom.xml, Chart.yaml, values.yaml,
 * deploy/ and the README use.
 */
class WorkflowsTest {

  static final Path WORKFLOWS = Path.of(".github/workflows");

  private static final JsonNode CI = Manifests.readYaml(WORKFLOWS.resolve("ci.yml"));
  private static final JsonNode RELEASE = Manifests.readYaml(WORKFLOWS.resolve("release.yml"));
  private static final JsonNode CHART = Manifests.readYaml(Path.of("helm/caster-operator/Chart.yaml"));
  private static final JsonNode VALUES = Manifests.readYaml(Path.of("helm/caster-operator/values.yaml"));

  @Test
  void ciRunsTheTestCommandOnPushesAndPullRequests() throws IOException {
    assertTrue(CI.path("on").has("push") && CI.path("on").has("pull_request"), CI.path("on").toString());
    List<String> runs = runs(CI);
    assertTrue(runs.contains("mvn -B verify"), "a step runs `mvn -B verify` literally: " + runs);
    assertTrue(Files.readString(Path.of(".ci/run")).lines().anyMatch(l -> l.strip().equals("mvn -B verify")), ".ci/run runs the same");
    assertTrue(Files.readString(Path.of("README.md")).contains("mvn -B verify"), "the README's test command");
    assertTrue(String.join("\n", runs).contains("apt-get install -y -qq bubblewrap"), "ImageSandboxIT needs bwrap");
  }

  @Test
  void releaseRunsOnVersionTagsAfterTheTests() {
    assertEquals("v*", RELEASE.path("on").path("push").path("tags").path(0).asText());
    List<String> runs = runs(RELEASE);
    int test = runs.indexOf("mvn -B verify");
    assertTrue(test >= 0, "the release runs the tests: " + runs);
    List<String> steps = stepNames(RELEASE);
    assertTrue(steps.indexOf("Test and build") < steps.indexOf("Image"), "the image is built from the tested tree: " + steps);
  }

  @Test
  void releasePublishesTheImageTheChartAndDeployName() {
    String image = VALUES.path("image").path("repository").asText();
    assertEquals(image, RELEASE.path("env").path("IMAGE").asText(), "values.yaml's image.repository");
    String deployed = Manifests.read(Path.of("deploy/deployment.yaml")).container().path("image").asText();
    assertEquals(image, deployed.substring(0, deployed.lastIndexOf(':')), "deploy/deployment.yaml's image");

    JsonNode build = step(RELEASE, "Image").path("with");
    assertEquals("target/image", build.path("context").asText(), "the image tree is the build context");
    assertEquals(Dockerfile.PATH.toString(), build.path("file").asText());
    assertTrue(build.path("platforms").asText().contains("linux/amd64") && build.path("platforms").asText().contains("linux/arm64"),
        "multi-arch: " + build.path("platforms"));
    assertEquals("true", build.path("push").asText());
    assertEquals("${{ env.IMAGE }}:${{ env.VERSION }}", build.path("tags").asText());
  }

  @Test
  void releasePushesTheChartWhereTheReadmeInstallsItFrom() throws IOException {
    String reference = RELEASE.path("env").path("CHART_REPOSITORY").asText() + "/" + CHART.path("name").asText();
    assertEquals("oci://ghcr.io/caster-operator/charts/caster-operator", reference);
    String chart = step(RELEASE, "Chart").path("run").asText();
    assertTrue(chart.contains("helm package helm/caster-operator --destination target/chart"), chart);
    assertTrue(chart.contains("helm push \"target/chart/" + CHART.path("name").asText() + "-$VERSION.tgz\" \"$CHART_REPOSITORY\""), chart);
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains("helm install caster-operator " + reference + " --version " + CHART.path("version").asText()),
        "the README installs " + reference + " at the chart's version");
  }

  @Test
  void releaseAttachesTheSbomThatTheBuildMakes() throws IOException {
    String finalName = matchOne(Files.readString(Path.of("pom.xml")), "<finalName>([^<]+)</finalName>");
    String sbom = RELEASE.path("env").path("SBOM").asText();
    assertEquals("target/" + finalName + "-sbom.json", sbom, "cyclonedx-maven-plugin's output (outputName ${finalName}-sbom)");
    assertTrue(step(RELEASE, "SBOM, attached to the image").path("run").asText().contains("oras attach"));
    assertTrue(step(RELEASE, "GitHub release, with the SBOM and the chart").path("run").asText().contains("\"$SBOM\""));
  }

  /**
   * One version: pom.xml's (without -SNAPSHOT while unreleased) is the chart's, its appVersion, the
   * image tag deploy/ names and the one the README installs. The release checks the tag against the
   * same files.
   */
  @Test
  void oneVersionEverywhere() throws IOException {
    String pom = matchOne(Files.readString(Path.of("pom.xml")), "<artifactId>caster-operator</artifactId>\\s*<version>([^<]+)</version>");
    String version = pom.replaceFirst("-SNAPSHOT$", "");
    assertEquals(version, CHART.path("version").asText(), "Chart.yaml version");
    assertEquals(version, CHART.path("appVersion").asText(), "Chart.yaml appVersion");
    String deployed = Manifests.read(Path.of("deploy/deployment.yaml")).container().path("image").asText();
    assertEquals(version, deployed.substring(deployed.lastIndexOf(':') + 1), "deploy/deployment.yaml's image tag");
    String readme = Files.readString(Path.of("README.md"));
    Matcher versions = Pattern.compile("--version (\\d+\\.\\d+\\.\\d+)").matcher(readme);
    int found = 0;
    while (versions.find()) {
      assertEquals(version, versions.group(1), "the README installs version " + versions.group(1));
      found++;
    }
    assertTrue(found > 0, "the README installs the chart with --version");
    String check = step(RELEASE, "The tag is the version of pom.xml, Chart.yaml and deploy/").path("run").asText();
    for (String file : List.of("help:evaluate -Dexpression=project.version", "helm/caster-operator/Chart.yaml", "deploy/deployment.yaml")) {
      assertTrue(check.contains(file), "the release compares the tag with " + file);
    }
  }

  private static List<String> runs(JsonNode workflow) {
    List<String> runs = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
      if (step.has("run")) {
        runs.add(step.path("run").asText().strip());
      }
    }));
    return runs;
  }

  private static List<String> stepNames(JsonNode workflow) {
    List<String> names = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> names.add(step.path("name").asText())));
    return names;
  }

  private static JsonNode step(JsonNode workflow, String name) {
    for (JsonNode job : workflow.path("jobs")) {
      for (JsonNode step : job.path("steps")) {
        if (name.equals(step.path("name").asText())) {
          return step;
        }
      }
    }
    throw new AssertionError("no step named '" + name + "'");
  }

  private static String matchOne(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1).strip();
  }
}
