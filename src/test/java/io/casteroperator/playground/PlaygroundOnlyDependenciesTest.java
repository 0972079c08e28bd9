package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.casteroperator.cli.RunCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The libraries the playground's API server brings (the mock server and Vert.x, networknt, dev.cel,
 * RE2, protobuf and the Kubernetes protos) are on the class path of the jar, but the production
 * operator must never load them: no class outside the playground and bench packages (and their two
 * commands) refers to them or to the playground package. A class the JVM is never told about is
 * never loaded. {@link RunClassPathIT} checks, on the built image tree, what {@code run} reaches
 * through the libraries too.
 */
class PlaygroundOnlyDependenciesTest {

  private static final List<String> PLAYGROUND_ONLY = List.of("com/networknt/", "dev/cel/", "com/google/re2j/",
      "com/google/protobuf/", "io/kubernetes/client/proto/", "io/fabric8/mockwebserver/",
      "io/fabric8/kubernetes/client/server/mock/", "io/vertx/");

  @Test
  void theProductionOperatorDoesNotReferToPlaygroundOnlyClasses() throws Exception {
    Path classes = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = classes.resolve("io/casteroperator");
    List<String> problems = new ArrayList<>();
    List<Path> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.startsWith("playground/") || name.startsWith("bench/") || name.startsWith("cli/PlaygroundCommand")
            || name.startsWith("cli/BenchCommand")) {
          continue;
        }
        checked.add(file);
        for (String prefix : PLAYGROUND_ONLY) {
          if (refersTo(file, prefix)) {
            problems.add(name + " refers to " + prefix);
          }
        }
        if (!name.startsWith("cli/") && refersTo(file, "io/casteroperator/playground/")) {
          problems.add(name + " refers to the playground package");
        }
      }
    }
    assertTrue(checked.stream().anyMatch(f -> f.endsWith("RunCommand.class")), "RunCommand was not checked");
    assertEquals(List.of(), problems);
  }

  /**
   * picocli builds every subcommand when any command starts, reflecting on their declared methods
   * and fields, which loads the classes in their signatures: the playground command's must name no
   * playground class, so that {@code run} loads none (checked by hand with -verbose:class).
   */
  @Test
  void thePlaygroundCommandsSignaturesNameNoPlaygroundClass() {
    List<String> problems = new ArrayList<>();
    for (Class<?> command : List.of(io.casteroperator.cli.PlaygroundCommand.class, io.casteroperator.cli.BenchCommand.class)) {
      for (java.lang.reflect.Method method : command.getDeclaredMethods()) {
        List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
        types.add(method.getReturnType());
        types.stream().filter(PlaygroundOnlyDependenciesTest::playgroundOnly)
            .forEach(t -> problems.add(command.getSimpleName() + "." + method.getName() + " names " + t.getName()));
      }
      for (java.lang.reflect.Field field : command.getDeclaredFields()) {
        if (playgroundOnly(field.getType())) {
          problems.add(command.getSimpleName() + "." + field.getName() + " is a " + field.getType().getName());
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static boolean playgroundOnly(Class<?> type) {
    String name = type.getName().replace('.', '/');
    return name.startsWith("io/casteroperator/playground/") || name.startsWith("io/casteroperator/bench/")
        || PLAYGROUND_ONLY.stream().anyMatch(name::startsWith);
  }

  @Test
  void theCheckSeesAReference() throws Exception {
    // The validation package is playground-only: it does refer to networknt, and the check must see it.
    Path classes = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(refersTo(classes.resolve("io/casteroperator/playground/validation/SchemaValidator.class"), "com/networknt/"));
  }

  /** Whether a class file names a class of the package: class names are in its constant pool as UTF-8. */
  private static boolean refersTo(Path classFile, String packagePrefix) throws IOException {
    return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(packagePrefix);
  }
}
