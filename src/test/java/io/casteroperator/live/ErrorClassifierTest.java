package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource(nullValues = "none", value = {
      "Throttling.User, 400, THROTTLED",
      "Throttling, 400, THROTTLED",
      "Throttling.Api, 400, THROTTLED",
      "Throttling.SomethingNew, 400, THROTTLED",
      "InternalError, 500, RETRYABLE",
      "ServiceUnavailable, 503, RETRYABLE",
      "SomeNewServerFault, 502, RETRYABLE",
      "SDK.ServerUnreachable, none, RETRYABLE",
      "SDK.ReadTimeout, none, RETRYABLE",
      "SignatureNonceUsed, 400, RETRYABLE",
      "InvalidTimeStamp.Expired, 400, RETRYABLE",
      "IncorrectCasterStatus.EnableChannel, 400, PRECONDITION",
      "IncorrectCasterStatus.Inuse, 400, PRECONDITION",
      "InvalidParameter.Malformed, 400, TERMINAL",
      "MissingParameter, 400, TERMINAL",
      "PermissionDenied, 403, TERMINAL",
      "Forbidden.RAM, 403, TERMINAL",
      "InvalidCaster.NotFound, 404, TERMINAL",
      "InvalidDomainName.NotFound, 404, TERMINAL",
      "InvalidCasterId.Malformed, 400, TERMINAL",
      "InvalidUserId.Malformed, 400, TERMINAL",
      "InvalidCaster.ChannelDisableUnsupported, 400, TERMINAL",
      "CasterNumberExceed, 400, TERMINAL",
      "InvalidAccessKeyId.NotFound, 404, TERMINAL",
      "SignatureDoesNotMatch, 400, TERMINAL",
      "IncompleteSignature, 400, TERMINAL",
      "InvalidApi.NotFound, 404, TERMINAL",
      "SDK.InvalidAccessKeySecret, none, TERMINAL",
      "SDK.InvalidRegionId, none, TERMINAL",
      "SomeNewClientFault, 400, TERMINAL",
      "IncorrectSceneStatus.Inuse, 400, PRECONDITION",
  })
  void everyCodeHasItsClass(String code, Integer status, ErrorClass expected) {
    assertEquals(expected, ErrorClassifier.classify(code, status));
  }

  /** What the studio's answers mean to the reconciler, and whether trying the same call again can help. */
  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource({
      "InvalidResource.NotFound, ITEM_NOT_FOUND, TERMINAL",
      "InvalidLayout.NotFound, ITEM_NOT_FOUND, TERMINAL",
      "InvalidComponent.NotFound, ITEM_NOT_FOUND, TERMINAL",
      "InvalidCaster.NotFound, NOT_FOUND, TERMINAL",
      "InvalidScene.NotFound, NO_SCENES, PRECONDITION",
      "IncorrectSceneStatus, CASTER_IDLE, PRECONDITION",
      "IncorrectCasterStatus.Idle, CASTER_IDLE, PRECONDITION",
      "IncorrectCasterStatus.Inuse, CASTER_IN_USE, PRECONDITION",
      "IncorrectResourceStatus.Inuse, ITEM_IN_USE, PRECONDITION",
      "IncorrectLayoutStatus.Inuse, ITEM_IN_USE, PRECONDITION",
      "IncorrectComponentStatus.Inuse, ITEM_IN_USE, PRECONDITION",
      "DuplicateLocationID, OTHER, TERMINAL",
      "ResourceNumberExceed, OTHER, TERMINAL",
      "ResourceOfChannelExist, OTHER, TERMINAL",
      "InvalidVideoLayersAndBlendListSize.Mismatch, OTHER, TERMINAL",
      "InvalidPositionNormalized.Malformed, OTHER, TERMINAL",
      "InvalidParameter.Malformed, OTHER, TERMINAL",
      "InvalidLiveStreamUrl.Malformed, OTHER, TERMINAL",
      "InvalidMaterialId.Malformed, OTHER, TERMINAL",
      "InvalidSceneId.Malformed, OTHER, TERMINAL",
      "IllegalOperation, ACCESS_DENIED, TERMINAL",
  })
  void everyStudioCodeHasItsMeaning(String code, ErrorMeaning meaning, ErrorClass errorClass) {
    // Without an HTTP status: the table itself decides, not the fallback on the status.
    LiveError error = ErrorClassifier.error(code, null, "m", "r", false);
    assertEquals(meaning, error.meaning());
    assertEquals(errorClass, error.errorClass());
  }
}
