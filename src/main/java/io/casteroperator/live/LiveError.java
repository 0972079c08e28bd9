package io.casteroperator.live;

/**
 * A failed Live API call.
 *
 * @param code the exact error code, from the service ({@code InvalidCaster.NotFound}) or made up on
 *     the client side ({@code SDK.ReadTimeout} by the SDK, {@link #INCOMPLETE_ANSWER} by the seam)
 * @param httpStatus the HTTP status of the answer; {@code null} when there was no answer
 * @param message the service's message, with signed URLs and tokens removed
 * @param requestId the RequestId of the answer; {@code null} when there was no answer
 * @param errorClass when to try again
 * @param meaning what the answer says about the caster or the credentials
 * @param outcomeUnknown the request may have taken effect although no answer arrived (a read
 *     timeout, a connection dropped after sending)
 */
public record LiveError(
    String code,
    Integer httpStatus,
    String message,
    String requestId,
    ErrorClass errorClass,
    ErrorMeaning meaning,
    boolean outcomeUnknown) {

  /** A successful answer that lacked what the call is for (a list without its items, say). */
  public static final String INCOMPLETE_ANSWER = "Operator.IncompleteAnswer";

  /** One line for logs, events and status: the code, the message and the RequestId. */
  public String describe() {
    return code + ": " + message + (requestId == null ? "" : " (RequestId " + requestId + ")");
  }

  public boolean means(ErrorMeaning value) {
    return meaning == value;
  }
}
