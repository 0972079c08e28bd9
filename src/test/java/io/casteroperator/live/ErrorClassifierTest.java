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
  })
  void everyCodeHasItsClass(String code, Integer status, ErrorClass expected) {
    assertEquals(expected, ErrorClassifier.classify(code, status));
  }
}
