package io.casteroperator.playground;

import io.fabric8.mockwebserver.http.MockResponse;

/**
 * An answer that ends a request early with a Status, thrown from wherever the refusal is found
 * (also from inside the CRUD store's lock, which it leaves as any exception does).
 */
final class ApiException extends RuntimeException {

  private final transient MockResponse response;

  ApiException(MockResponse response, String message) {
    super(message, null, false, false);
    this.response = response;
  }

  static ApiException of(int code, String reason, String message) {
    return new ApiException(StatusResponses.failure(code, reason, message), message);
  }

  MockResponse response() {
    return response;
  }
}
