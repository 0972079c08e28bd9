package io.casteroperator.emulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Error codes of the Live API with the HTTP status the service answers them with
 * (live-api-notes §5). Codes marked "guess" are not documented for these actions.
 */
public enum ApiError {
  INVALID_CASTER_NOT_FOUND("InvalidCaster.NotFound", 404, "The specified caster does not exist."),
  INVALID_DOMAIN_NAME_NOT_FOUND("InvalidDomainName.NotFound", 404, "The caster has no domain name."),
  PERMISSION_DENIED("PermissionDenied", 403, "Permission denied."),
  FORBIDDEN_RAM("Forbidden.RAM", 403, "User not authorized to operate on the specified resource."),
  INVALID_USER_ID_MALFORMED("InvalidUserId.Malformed", 400, "The user id is malformed."),
  INVALID_CASTER_ID_MALFORMED("InvalidCasterId.Malformed", 400, "The specified CasterId is malformed."),
  INVALID_PARAMETER_MALFORMED("InvalidParameter.Malformed", 400, "A parameter is malformed."),
  MISSING_PARAMETER("MissingParameter", 400, "A required parameter is missing."),
  INCORRECT_CASTER_STATUS_INUSE("IncorrectCasterStatus.Inuse", 400, "The caster is in use."),
  INCORRECT_CASTER_STATUS_ENABLE_CHANNEL(
      "IncorrectCasterStatus.EnableChannel", 400, "Channels can only be enabled on a stopped caster."),
  CHANNEL_DISABLE_UNSUPPORTED(
      "InvalidCaster.ChannelDisableUnsupported", 400, "Channels cannot be disabled once enabled."),
  CASTER_NUMBER_EXCEED("CasterNumberExceed", 400, "The number of casters exceeds the limit."),
  INVALID_ACCESS_KEY_ID_NOT_FOUND("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found."),
  SIGNATURE_DOES_NOT_MATCH(
      "SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation."),
  INCOMPLETE_SIGNATURE("IncompleteSignature", 400, "The request signature does not conform to Aliyun standards."),
  INVALID_TIMESTAMP_EXPIRED("InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired."),
  /** guess: the gateway's code for an unreadable Timestamp. */
  INVALID_TIMESTAMP_FORMAT(
      "InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted."),
  /** guess on the code name (live-api-notes §1). */
  SIGNATURE_NONCE_USED("SignatureNonceUsed", 400, "Specified signature nonce was used already."),
  /** guess: the gateway's code for an STS token that does not belong to the AccessKey. */
  INVALID_SECURITY_TOKEN(
      "InvalidSecurityToken.MismatchWithAccessKey", 400, "The security token does not match the access key."),
  /** guess: the gateway's code for a Version other than 2016-11-01. */
  INVALID_VERSION("InvalidVersion", 400, "Specified parameter Version is not valid."),
  INVALID_API_NOT_FOUND("InvalidApi.NotFound", 404, "Specified api is not found, please check your url and method."),
  INTERNAL_ERROR("InternalError", 500, "The request processing has failed due to some unknown error."),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server."),
  THROTTLING_USER("Throttling.User", 400, "Request was denied due to user flow control."),
  THROTTLING("Throttling", 400, "Request was denied due to request throttling."),
  THROTTLING_API("Throttling.Api", 400, "Request was denied due to api flow control.");

  private final String code;
  private final int httpStatus;
  private final String defaultMessage;

  ApiError(String code, int httpStatus, String defaultMessage) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  public static Optional<ApiError> byCode(String code) {
    return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
  }

  ApiException exception() {
    return new ApiException(this, defaultMessage);
  }

  ApiException exception(String message) {
    return new ApiException(this, message);
  }
}
