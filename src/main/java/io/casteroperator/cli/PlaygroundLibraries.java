package io.casteroperator.cli;

/**
 * The playground's and the bench's libraries (the mock API server and Vert.x, the schema and CEL
 * validators, xchart...), which the build puts in {@code lib-playground/} next to the jar and the
 * image leaves out: {@code run} never needs them.
 */
final class PlaygroundLibraries {

  /** A class of the mock API server's libraries, named by string so that nothing here loads it. */
  private static final String PROBE = "io.vertx.core.Vertx";

  private PlaygroundLibraries() {}

  /** Null when they are on the class path, else what to tell the user. */
  static String missing(String command) {
    try {
      Class.forName(PROBE, false, PlaygroundLibraries.class.getClassLoader());
      return null;
    } catch (ClassNotFoundException e) {
      return command + " needs the playground's libraries (lib-playground/ next to the jar), which the image leaves out:"
          + " run it from a build (mvn -B package, then java -jar target/caster-operator.jar " + command + ").";
    }
  }
}
