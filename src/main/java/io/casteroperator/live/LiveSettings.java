package io.casteroperator.live;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the Live API.
 *
 * @param endpoint an endpoint override such as {@code http://127.0.0.1:9000} (the emulator), or
 *     {@code null} for the service's own endpoint of each region, over HTTPS
 * @param connectTimeout connect timeout of each call
 * @param readTimeout read timeout of each call
 */
public record LiveSettings(URI endpoint, Duration connectTimeout, Duration readTimeout) {

  /** The SDK's own defaults: 5 s to connect, 10 s to read. */
  public static LiveSettings defaults() {
    return new LiveSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public LiveSettings withEndpoint(URI value) {
    return new LiveSettings(value, connectTimeout, readTimeout);
  }

  public LiveSettings withTimeouts(Duration connect, Duration read) {
    return new LiveSettings(endpoint, connect, read);
  }

  /** {@code host:port} of the override, as the SDK takes it. */
  String endpointAuthority() {
    return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
  }
}
