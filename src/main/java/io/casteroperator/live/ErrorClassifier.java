package io.casteroperator.live;

import java.util.Map;

/**
 * The one table of Live API error codes and what they mean for the operator. Codes not listed fall
 * back on the HTTP status: 5xx is transient, anything else is the request's fault.
 */
public final class ErrorClassifier {

  private static final Map<String, ErrorClass> CODES = Map.ofEntries(
      // Quota
      Map.entry("Throttling", ErrorClass.THROTTLED),
      Map.entry("Throttling.User", ErrorClass.THROTTLED),
      Map.entry("Throttling.Api", ErrorClass.THROTTLED),
      // Transient, on the service side
      Map.entry("InternalError", ErrorClass.RETRYABLE),
      Map.entry("ServiceUnavailable", ErrorClass.RETRYABLE),
      // Transient, made up by the SDK on the client side
      Map.entry("SDK.ServerUnreachable", ErrorClass.RETRYABLE),
      Map.entry("SDK.ReadTimeout", ErrorClass.RETRYABLE),
      Map.entry("SDK.RequestTryOrRetryFailed", ErrorClass.RETRYABLE),
      Map.entry("SDK.InterruptedException", ErrorClass.RETRYABLE),
      // A replayed nonce or a skewed clock: a fresh request (new nonce, new timestamp) may pass.
      Map.entry("SignatureNonceUsed", ErrorClass.RETRYABLE),
      Map.entry("InvalidTimeStamp.Expired", ErrorClass.RETRYABLE),
      // The caster's state: wait until it changes
      Map.entry("IncorrectCasterStatus.EnableChannel", ErrorClass.PRECONDITION),
      Map.entry("IncorrectCasterStatus.Inuse", ErrorClass.PRECONDITION),
      // The request is wrong or forbidden
      Map.entry("InvalidParameter.Malformed", ErrorClass.TERMINAL),
      Map.entry("MissingParameter", ErrorClass.TERMINAL),
      Map.entry("PermissionDenied", ErrorClass.TERMINAL),
      Map.entry("Forbidden.RAM", ErrorClass.TERMINAL),
      Map.entry("InvalidCaster.NotFound", ErrorClass.TERMINAL),
      Map.entry("InvalidDomainName.NotFound", ErrorClass.TERMINAL),
      Map.entry("InvalidCasterId.Malformed", ErrorClass.TERMINAL),
      Map.entry("InvalidUserId.Malformed", ErrorClass.TERMINAL),
      Map.entry("InvalidCaster.ChannelDisableUnsupported", ErrorClass.TERMINAL),
      Map.entry("CasterNumberExceed", ErrorClass.TERMINAL),
      Map.entry("InvalidAccessKeyId.NotFound", ErrorClass.TERMINAL),
      Map.entry("SignatureDoesNotMatch", ErrorClass.TERMINAL),
      Map.entry("IncompleteSignature", ErrorClass.TERMINAL),
      Map.entry("InvalidApi.NotFound", ErrorClass.TERMINAL),
      Map.entry("SDK.InvalidAccessKeySecret", ErrorClass.TERMINAL),
      Map.entry("SDK.InvalidRegionId", ErrorClass.TERMINAL),
      Map.entry("SDK.InvalidProfile", ErrorClass.TERMINAL),
      Map.entry("SDK.InvalidAccessSecret", ErrorClass.TERMINAL));

  private ErrorClassifier() {}

  public static ErrorClass classify(String code, Integer httpStatus) {
    ErrorClass known = code == null ? null : CODES.get(code);
    if (known != null) {
      return known;
    }
    if (code != null && code.startsWith("Throttling")) {
      return ErrorClass.THROTTLED;
    }
    if (httpStatus != null) {
      return httpStatus >= 500 ? ErrorClass.RETRYABLE : ErrorClass.TERMINAL;
    }
    // No answer and no known code: an SDK failure of its own that a retry will not fix.
    return ErrorClass.TERMINAL;
  }
}
