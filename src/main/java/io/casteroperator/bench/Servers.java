package io.casteroperator.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The Kubernetes API server and the Live API emulator the operator works against: in the bench's
 * JVM ({@link InProcessServers}), or in a JVM of their own ({@link SplitServers}, {@code --split}),
 * so that their CPU, heap and GC are apart from the operator's.
 */
interface Servers extends AutoCloseable {

  static Servers start(ServersConfig config, boolean split) throws Exception {
    return split ? SplitServers.start(config) : InProcessServers.start(config);
  }

  /** The API server's base URL. */
  String kubeUrl();

  /**
   * A new client of the API server. Its threads belong to the {@link Component} of the calling
   * thread, so the operator's client must be made on an operator thread.
   */
  default KubernetesClient newClient() {
    // As fabric8's mock server configures its own clients; Config.empty() keeps any kubeconfig of
    // the user's out of it.
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(kubeUrl()).withTrustCerts(true)
        .withNamespace("default").withHttp2Disable(true).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  EmulatorControl emulator();

  /** CPU of the parts that run outside this JVM so far (API server, emulator, their JVM); zero in-process. */
  CpuSeconds outsideCpu();

  /** Whether the servers run in a JVM of their own. */
  boolean split();

  @Override
  void close();
}
