package io.casteroperator.reconciler;

/**
 * Places where the fault tests kill the operator outright, to prove what survives a crash there.
 * Inert unless the JVM was started with {@code -Dcaster-operator.test.crash-at=<NAME>}, which only
 * the tests do; then reaching the point halts the JVM at once, as a SIGKILL would.
 */
enum CrashPoint {
  /** CreateCaster has answered; the new caster's id is not yet on the Caster (annotation). */
  AFTER_CREATE_CASTER,
  /** An add of a studio item (input, layout, overlay) has answered; its id is not yet in status. */
  AFTER_STUDIO_ADD;

  static final String PROPERTY = "caster-operator.test.crash-at";

  private static final String CHOSEN = System.getProperty(PROPERTY);

  void reach() {
    if (name().equals(CHOSEN)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
