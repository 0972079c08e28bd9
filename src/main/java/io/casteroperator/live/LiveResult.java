package io.casteroperator.live;

import java.time.Duration;

/**
 * The outcome of one Live API call: a value, or an error; with the RequestId and how long it took.
 */
public final class LiveResult<T> {

  private final T value;
  private final LiveError error;
  private final String requestId;
  private final Duration latency;

  private LiveResult(T value, LiveError error, String requestId, Duration latency) {
    this.value = value;
    this.error = error;
    this.requestId = requestId;
    this.latency = latency;
  }

  public static <T> LiveResult<T> ok(T value, String requestId, Duration latency) {
    return new LiveResult<>(value, null, requestId, latency);
  }

  public static <T> LiveResult<T> failed(LiveError error, Duration latency) {
    return new LiveResult<>(null, error, error.requestId(), latency);
  }

  public boolean isOk() {
    return error == null;
  }

  /** The value of a successful call. */
  public T value() {
    if (error != null) {
      throw new IllegalStateException("the call failed: " + error.describe());
    }
    return value;
  }

  /** The error of a failed call; {@code null} after a success. */
  public LiveError error() {
    return error;
  }

  public String requestId() {
    return requestId;
  }

  public Duration latency() {
    return latency;
  }

  /** The error code, or "OK". */
  public String code() {
    return error == null ? "OK" : error.code();
  }
}
