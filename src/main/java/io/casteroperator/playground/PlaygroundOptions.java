package io.casteroperator.playground;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the playground runs.
 *
 * @param kubePort port of the Kubernetes API (0 for any)
 * @param emulatorPort port of the Live API emulator (0 for any)
 * @param httpPort port of the operator's /healthz, /readyz and /metrics (0 for any, -1 for none)
 * @param accessKeyId the emulator account's AccessKeyId, also the operator's default credentials
 * @param accessKeySecret its secret
 * @param manifests a directory of Caster manifests to apply at start ({@code deploy/examples})
 * @param kubeconfig where to write a kubeconfig for kubectl
 * @param settleTimeout with --once, how long to wait for every Caster to settle
 * @param schemaValidation whether the API server checks Casters against the CRD's schema and CEL
 *     rules on write, as a cluster does (off: broken manifests reach the operator, which reports them)
 */
public record PlaygroundOptions(
    int kubePort,
    int emulatorPort,
    int httpPort,
    String accessKeyId,
    String accessKeySecret,
    Path manifests,
    Path kubeconfig,
    Duration settleTimeout,
    boolean schemaValidation) {

  /** With schema validation on, as a cluster. */
  public PlaygroundOptions(int kubePort, int emulatorPort, int httpPort, String accessKeyId, String accessKeySecret,
      Path manifests, Path kubeconfig, Duration settleTimeout) {
    this(kubePort, emulatorPort, httpPort, accessKeyId, accessKeySecret, manifests, kubeconfig, settleTimeout, true);
  }
}
