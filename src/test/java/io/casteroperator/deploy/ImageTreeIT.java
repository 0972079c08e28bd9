package io.casteroperator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * target/image, the image's file tree: the Dockerfile copies it and nothing else, it holds the jar and
 * exactly the libraries `run` needs (no playground, bench or build-only jar), its size, and the SBOM
 * the release attaches lists exactly those libraries. Runs after `package`, which builds the tree.
 */
class ImageTreeIT {

  /**
   * The goal for the application layer (the tree), in bytes, which everything but Bouncy Castle
   * (8.6 MB) meets. Bouncy Castle stays: the Alibaba SDK's Signer creates its SM3 signer when it is first
   * used, and the JVM's verifier then loads Bouncy Castle's provider class, which that signer names
   * (ImageSandboxIT's run failed with NoClassDefFoundError without it).
   */
  static final long MAX_BYTES_BESIDES_BOUNCY_CASTLE = 25_000_000;

  /** The command the README documents for the tree, which the Dockerfile's comment repeats. */
  static final String BUILD_COMMAND = "mvn -B package -Dmaven.test.skip=true";

  @Test
  void theDockerfileOnlyCopiesTheTreeOntoTheJre() {
    Dockerfile dockerfile = Dockerfile.read();
    Set<String> allowed = Set.of("FROM", "LABEL", "COPY", "WORKDIR", "USER", "EXPOSE", "ENTRYPOINT", "CMD");
    for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
      assertTrue(allowed.contains(instruction.keyword()),
          instruction + ": the Dockerfile may only copy the image tree onto the JRE (no RUN, ADD or ENV: "
              + "what the image holds is what `" + BUILD_COMMAND + "` puts in target/image, and is tested there)");
    }
    assertEquals(List.of("COPY . /"), dockerfile.all("COPY").stream().map(Object::toString).toList(),
        "one COPY: the build context (target/image) onto the root, as laid out");
    String workdir = dockerfile.last("WORKDIR").arguments();
    assertTrue(Files.isDirectory(ImageTree.ROOT.resolve(workdir.substring(1))), "WORKDIR " + workdir + " is in the tree");
    for (String word : dockerfile.command()) {
      if (word.startsWith("/")) {
        assertTrue(Files.exists(ImageTree.ROOT.resolve(word.substring(1))), "the command names " + word + ", which the tree lacks");
      }
    }
  }

  @Test
  void theTreeIsTheJarAndTheLibrariesItsClassPathFinds() throws IOException {
    Map<String, Long> files = ImageTree.files();
    List<String> classPath = ImageTree.manifestClassPath();
    Set<String> runtime = classPath.stream().filter(e -> e.startsWith("lib/")).map(e -> "app/" + e)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(runtime);
    expected.add(ImageTree.JAR);
    assertEquals(expected, files.keySet(), "the tree is the jar and the lib/ entries of its Class-Path, nothing else");

    // The rest of the Class-Path is the playground's, absent from the image (the JVM skips missing entries).
    List<String> playground = classPath.stream().filter(e -> !e.startsWith("lib/")).toList();
    assertFalse(playground.isEmpty(), "the jar names the playground's libraries too, so that `java -jar` runs it from the build");
    assertTrue(playground.stream().allMatch(e -> e.startsWith("lib-playground/")), playground.toString());
    for (String entry : playground) {
      assertTrue(Files.isRegularFile(Path.of("target").resolve(entry)), "target/" + entry + " (the build's playground libraries)");
    }
    Set<String> playgroundJars = playground.stream().map(e -> e.substring(e.lastIndexOf('/') + 1)).collect(Collectors.toSet());
    for (String heavy : List.of("kubernetes-server-mock-", "mockwebserver-", "vertx-core-", "netty-common-", "xchart-",
        "json-schema-validator-", "cel-", "re2j-", "client-java-proto-", "protobuf-java-", "crd-generator-api-v2-", "guava-")) {
      assertTrue(playgroundJars.stream().anyMatch(j -> j.startsWith(heavy)), heavy + "* is the playground's (or the build's), not the image's");
    }

    // target/lib, which the jar names when run from the build, is the same set of files.
    try (Stream<Path> lib = Files.list(Path.of("target/lib"))) {
      Set<String> inTree = runtime.stream().map(f -> f.substring("app/lib/".length())).collect(Collectors.toCollection(TreeSet::new));
      Set<String> built = lib.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(inTree, built, "target/lib");
    }
  }

  @Test
  void theApplicationLayerIsAtMost25MegabytesBesidesBouncyCastle() {
    Map<String, Long> files = ImageTree.files();
    long bytes = ImageTree.bytes();
    long bouncyCastle = files.entrySet().stream().filter(f -> f.getKey().startsWith("app/lib/bcprov-"))
        .mapToLong(Map.Entry::getValue).sum();
    System.out.printf("image tree: %d bytes (%.1f MiB), the jar and %d libraries; %d bytes besides Bouncy Castle%n",
        bytes, bytes / 1048576.0, files.size() - 1, bytes - bouncyCastle);
    assertTrue(bytes - bouncyCastle <= MAX_BYTES_BESIDES_BOUNCY_CASTLE, "the image tree has " + (bytes - bouncyCastle)
        + " bytes besides Bouncy Castle, more than " + MAX_BYTES_BESIDES_BOUNCY_CASTLE + "; the largest: "
        + files.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList());
  }

  /** target/caster-operator-sbom.json (CycloneDX), which the release attaches to the image. */
  @Test
  void theSbomListsExactlyTheImagesLibraries() throws IOException {
    Path sbom = Path.of("target/caster-operator-sbom.json");
    if (!Files.exists(sbom) && System.getenv("CI") == null) {
      // CI (CI=true) always checks it.
      Assumptions.abort(sbom + " is missing: cyclonedx-maven-plugin makes it in online builds only (mvn -o skips it)");
    }
    assertTrue(Files.exists(sbom), sbom + " is missing: the cyclonedx-maven-plugin runs in `package`");
    JsonNode bom = new ObjectMapper().readTree(sbom.toFile());
    Set<String> components = new TreeSet<>();
    bom.path("components").forEach(c -> components.add("app/lib/" + c.path("name").asText() + "-" + c.path("version").asText() + ".jar"));
    Set<String> libraries = ImageTree.files().keySet().stream().filter(f -> f.startsWith("app/lib/"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(libraries, components, "the SBOM's components are the image's libraries");
    JsonNode self = bom.path("metadata").path("component");
    assertEquals("caster-operator", self.path("name").asText());
    assertEquals(matchOne(Files.readString(Path.of("pom.xml")), "<artifactId>caster-operator</artifactId>\\s*<version>([^<]+)</version>"),
        self.path("version").asText());
  }

  @Test
  void theReadmeAndTheDockerfileDocumentTheCommandThatBuildsTheTree() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains(BUILD_COMMAND), "README documents `" + BUILD_COMMAND + "`");
    assertTrue(readme.contains("docker build -f deploy/Dockerfile") && readme.contains(" target/image"),
        "README builds the image from target/image");
    assertTrue(Dockerfile.read().text().contains(BUILD_COMMAND), "the Dockerfile's comment names the same command");
  }

  private static String matchOne(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      fail(regex);
    }
    return m.group(1).strip();
  }
}
