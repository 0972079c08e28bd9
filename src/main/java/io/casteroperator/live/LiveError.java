package io.casteroperator.live;

/**
 * A failed Live API call.
 *
 * @param code the exact error code, from the service ({@code InvalidCaster.NotFound}) or made up by
 *     the SDK on the client side ({@code SDK.ReadTimeout})
 * @param httpStatus the HTTP status of the answer; {@code null} when there was no answer
 * @param message the service's message, with signed URLs and tokens removed
 * @param requestId the RequestId of the answer; {@code null} when there was no answer
 * @param errorClass what to do about it
 * @param outcomeUnknown the request may have taken effect although no answer arrived (a read
 *     timeout, a connection dropped after sending)
 */
public record LiveError(
    String code,
    Integer httpStatus,
    String message,
    String requestId,
    ErrorClass errorClass,
    boolean outcomeUnknown) {

  /** One line for logs, events and status: the code, the message and the RequestId. */
  public String describe() {
    return code + ": " + message + (requestId == null ? "" : " (RequestId " + requestId + ")");
  }
}
