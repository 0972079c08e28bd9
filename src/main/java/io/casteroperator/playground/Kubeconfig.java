package io.casteroperator.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig pointing kubectl at the playground's API server (plain HTTP, no user). */
final class Kubeconfig {

  private Kubeconfig() {}

  static void write(Path file, String serverUrl) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: caster-playground
          cluster:
            server: %s
        users:
        - name: caster-playground
          user: {}
        contexts:
        - name: caster-playground
          context:
            cluster: caster-playground
            user: caster-playground
            namespace: default
        current-context: caster-playground
        """.formatted(serverUrl));
  }
}
