package io.casteroperator.emulator;

/** A call refused with one of the service's error codes; becomes the JSON error body. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ApiError error;

  ApiException(ApiError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
