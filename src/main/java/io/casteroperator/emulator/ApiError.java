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
  // ---- run state and scenes (studio-api-notes §1, §2) ----
  /** guess: StartCaster on a running caster, when that is switched to fail (undocumented). */
  INCORRECT_CASTER_STATUS("IncorrectCasterStatus", 400, "The caster status is incorrect."),
  INCORRECT_CASTER_STATUS_IDLE("IncorrectCasterStatus.Idle", 400, "The caster is not started."),
  INCORRECT_SCENE_STATUS("IncorrectSceneStatus", 400, "Scene is not started."),
  INCORRECT_SCENE_STATUS_INUSE("IncorrectSceneStatus.Inuse", 400, "Scene is started already."),
  INCORRECT_SCENE_STATUS_IDLE("IncorrectSceneStatus.Idle", 400, "Scene is not started."),
  INVALID_SCENE_NOT_FOUND("InvalidScene.NotFound", 404, "Scene is not found."),
  INVALID_SCENE_ID_MALFORMED("InvalidSceneId.Malformed", 400, "The specified SceneId is malformed."),
  ILLEGAL_OPERATION("IllegalOperation", 401, "Permission Denied"),
  // ---- studio items (studio-api-notes §3-§6) ----
  INVALID_RESOURCE_NOT_FOUND("InvalidResource.NotFound", 404, "Resource is not found."),
  INVALID_LAYOUT_NOT_FOUND("InvalidLayout.NotFound", 404, "Layout is not found."),
  /** guess: the notes know no component-not-found code; named like its siblings. */
  INVALID_COMPONENT_NOT_FOUND("InvalidComponent.NotFound", 404, "Component is not found."),
  DUPLICATE_LOCATION_ID("DuplicateLocationID", 400, "LocationId is duplicate."),
  RESOURCE_NUMBER_EXCEED("ResourceNumberExceed", 400, "Number of resource exceeded InputTotal"),
  RESOURCE_OF_CHANNEL_EXIST("ResourceOfChannelExist", 400, "Resource has been set to channel already"),
  INVALID_LIVE_STREAM_URL_MALFORMED("InvalidLiveStreamUrl.Malformed", 400, "Specified parameter LiveStreamUrl is invalid."),
  INVALID_MATERIAL_ID_MALFORMED("InvalidMaterialId.Malformed", 400, "Specified parameter MaterialId is invalid."),
  INVALID_LAYERS_SIZE_MISMATCH(
      "InvalidVideoLayersAndBlendListSize.Mismatch", 400, "Specified parameter VideoLayers and BlendList size is invalid."),
  INVALID_POSITION_NORMALIZED_MALFORMED(
      "InvalidPositionNormalized.Malformed", 400, "Specified parameter PositionNormalized is invalid."),
  /** guess: only with strictReferences, deleting a resource a layout or channel still uses. */
  INCORRECT_RESOURCE_STATUS_INUSE("IncorrectResourceStatus.Inuse", 400, "The resource is in use."),
  /** guess: only with strictReferences, deleting a layout a scene still shows. */
  INCORRECT_LAYOUT_STATUS_INUSE("IncorrectLayoutStatus.Inuse", 400, "The layout is in use."),
  /** guess: only with strictReferences, deleting a component a scene still shows. */
  INCORRECT_COMPONENT_STATUS_INUSE("IncorrectComponentStatus.Inuse", 400, "The component is in use."),
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
