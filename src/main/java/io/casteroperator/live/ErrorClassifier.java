package io.casteroperator.live;

import java.util.Map;

/**
 * The one table of Live API error codes: when to try again ({@link ErrorClass}) and what the answer
 * means ({@link ErrorMeaning}). Codes not listed fall back on the HTTP status: 5xx is transient,
 * anything else is the request's fault.
 */
public final class ErrorClassifier {

  private record Entry(ErrorClass errorClass, ErrorMeaning meaning) {}

  private static Entry of(ErrorClass errorClass) {
    return new Entry(errorClass, ErrorMeaning.OTHER);
  }

  private static Entry of(ErrorClass errorClass, ErrorMeaning meaning) {
    return new Entry(errorClass, meaning);
  }

  private static final Map<String, Entry> CODES = Map.ofEntries(
      // Quota
      Map.entry("Throttling", of(ErrorClass.THROTTLED, ErrorMeaning.THROTTLED)),
      Map.entry("Throttling.User", of(ErrorClass.THROTTLED, ErrorMeaning.THROTTLED)),
      Map.entry("Throttling.Api", of(ErrorClass.THROTTLED, ErrorMeaning.THROTTLED)),
      // Transient, on the service side
      Map.entry("InternalError", of(ErrorClass.RETRYABLE)),
      Map.entry("ServiceUnavailable", of(ErrorClass.RETRYABLE)),
      // Transient, made up by the SDK on the client side
      Map.entry("SDK.ServerUnreachable", of(ErrorClass.RETRYABLE)),
      Map.entry("SDK.ReadTimeout", of(ErrorClass.RETRYABLE)),
      Map.entry("SDK.RequestTryOrRetryFailed", of(ErrorClass.RETRYABLE)),
      Map.entry("SDK.InterruptedException", of(ErrorClass.RETRYABLE)),
      // An answer the SDK could not read: the call may well have been applied.
      Map.entry("SDK.UnexpectedError", of(ErrorClass.RETRYABLE)),
      // A replayed nonce or a skewed clock: a fresh request (new nonce, new timestamp) may pass.
      Map.entry("SignatureNonceUsed", of(ErrorClass.RETRYABLE)),
      Map.entry("InvalidTimeStamp.Expired", of(ErrorClass.RETRYABLE)),
      // An answer the seam could not use (see SdkLiveClient): ask again later.
      Map.entry(LiveError.INCOMPLETE_ANSWER, of(ErrorClass.RETRYABLE)),
      // The caster's state: wait until it changes
      Map.entry("IncorrectCasterStatus.EnableChannel", of(ErrorClass.PRECONDITION, ErrorMeaning.CHANNELS_NEED_STOPPED_CASTER)),
      Map.entry("IncorrectCasterStatus.Inuse", of(ErrorClass.PRECONDITION, ErrorMeaning.CASTER_IN_USE)),
      Map.entry("IncorrectCasterStatus", of(ErrorClass.PRECONDITION)),
      Map.entry("IncorrectCasterStatus.Idle", of(ErrorClass.PRECONDITION, ErrorMeaning.CASTER_IDLE)),
      Map.entry("IncorrectSceneStatus", of(ErrorClass.PRECONDITION, ErrorMeaning.CASTER_IDLE)),
      Map.entry("IncorrectSceneStatus.Idle", of(ErrorClass.PRECONDITION, ErrorMeaning.CASTER_IDLE)),
      Map.entry("InvalidScene.NotFound", of(ErrorClass.PRECONDITION, ErrorMeaning.NO_SCENES)),
      // The request is wrong or forbidden
      Map.entry("InvalidCaster.ChannelDisableUnsupported", of(ErrorClass.TERMINAL, ErrorMeaning.CHANNELS_CANNOT_BE_DISABLED)),
      Map.entry("InvalidCaster.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.NOT_FOUND)),
      Map.entry("InvalidResource.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.ITEM_NOT_FOUND)),
      Map.entry("InvalidLayout.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.ITEM_NOT_FOUND)),
      Map.entry("InvalidComponent.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.ITEM_NOT_FOUND)),
      Map.entry("PermissionDenied", of(ErrorClass.TERMINAL, ErrorMeaning.ACCESS_DENIED)),
      Map.entry("Forbidden.RAM", of(ErrorClass.TERMINAL, ErrorMeaning.ACCESS_DENIED)),
      Map.entry("Forbidden", of(ErrorClass.TERMINAL, ErrorMeaning.ACCESS_DENIED)),
      Map.entry("IllegalOperation", of(ErrorClass.TERMINAL, ErrorMeaning.ACCESS_DENIED)),
      Map.entry("InvalidParameter.Malformed", of(ErrorClass.TERMINAL)),
      Map.entry("MissingParameter", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidDomainName.NotFound", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidCasterId.Malformed", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("InvalidUserId.Malformed", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("CasterNumberExceed", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidAccessKeyId.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("SignatureDoesNotMatch", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("IncompleteSignature", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("InvalidApi.NotFound", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("SDK.InvalidAccessKeySecret", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("SDK.InvalidRegionId", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("SDK.InvalidProfile", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      Map.entry("SDK.InvalidAccessSecret", of(ErrorClass.TERMINAL, ErrorMeaning.REQUEST_REJECTED)),
      // The studio (studio-api-notes §2-§6). The item's value is refused: the same call will fail
      // again until the spec changes; the caster's other items are not concerned.
      Map.entry("DuplicateLocationID", of(ErrorClass.TERMINAL)),
      Map.entry("ResourceNumberExceed", of(ErrorClass.TERMINAL)),
      Map.entry("ResourceOfChannelExist", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidVideoLayersAndBlendListSize.Mismatch", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidPositionNormalized.Malformed", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidLiveStreamUrl.Malformed", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidMaterialId.Malformed", of(ErrorClass.TERMINAL)),
      Map.entry("InvalidSceneId.Malformed", of(ErrorClass.TERMINAL)),
      // A scene that runs already (StartCasterScene): wait until it stops.
      Map.entry("IncorrectSceneStatus.Inuse", of(ErrorClass.PRECONDITION)),
      // Not in the notes: the emulator's guesses (strictReferences) for deleting an item that a
      // layout, channel or scene still uses. Take it out of use first.
      Map.entry("IncorrectResourceStatus.Inuse", of(ErrorClass.PRECONDITION, ErrorMeaning.ITEM_IN_USE)),
      Map.entry("IncorrectLayoutStatus.Inuse", of(ErrorClass.PRECONDITION, ErrorMeaning.ITEM_IN_USE)),
      Map.entry("IncorrectComponentStatus.Inuse", of(ErrorClass.PRECONDITION, ErrorMeaning.ITEM_IN_USE)));

  private ErrorClassifier() {}

  public static ErrorClass classify(String code, Integer httpStatus) {
    Entry known = code == null ? null : CODES.get(code);
    if (known != null) {
      return known.errorClass();
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

  public static ErrorMeaning meaning(String code) {
    Entry known = code == null ? null : CODES.get(code);
    if (known != null) {
      return known.meaning();
    }
    return code != null && code.startsWith("Throttling") ? ErrorMeaning.THROTTLED : ErrorMeaning.OTHER;
  }

  /** A failed call's error, classified by this table. */
  public static LiveError error(String code, Integer httpStatus, String message, String requestId, boolean outcomeUnknown) {
    return new LiveError(code, httpStatus, message, requestId, classify(code, httpStatus), meaning(code), outcomeUnknown);
  }
}
