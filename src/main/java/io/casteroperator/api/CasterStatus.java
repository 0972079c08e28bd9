package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What the operator last did and saw. Written only by the operator, always with merge patches. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public class CasterStatus {

  /**
   * The metadata.generation the operator last processed, whatever the outcome (applied, invalid,
   * failed or waiting). When it equals metadata.generation, this status describes the current spec.
   */
  private Long observedGeneration;

  /** ID of the cloud caster this Caster manages. */
  @Size(max = 64)
  private String casterId;

  /**
   * Region the caster lives in, recorded when this Caster created or first reached it. Every later
   * call for the caster (apply, drift reads, stop, delete) goes to this region, whatever spec says.
   */
  @Size(max = 32)
  private String regionId;

  /**
   * Account the caster lives in, recorded with regionId: the credentials Secret's accountId, or ak-
   * and 8 hex digits of a hash of the AccessKeyId (never the AccessKeyId itself). Credentials of
   * another account cannot tell that the caster is gone.
   */
  @Size(max = 64)
  private String accountId;

  /** The credentials Secret (in this namespace) that last reached the caster; absent for the operator's default credentials. */
  @Size(max = 253)
  private String credentialsSecretName;

  /** Whether the operator created the caster (Created) or adopted an existing one (Adopted). */
  private CasterOrigin origin;

  /** The deletion policy in force: spec.deletionPolicy, or the default that follows from origin. */
  private DeletionPolicy deletionPolicy;

  /** Idle or Running, as last seen in the cloud. */
  private CasterState casterState;

  /** Whether channels are enabled on the caster, as last seen in the cloud. */
  private Boolean channelsEnabled;

  /** The metadata.generation whose configuration was last applied successfully. */
  private Long appliedGeneration;

  /** Content hash of the configuration last applied successfully; the operator writes only when it changes. */
  @Size(max = 64)
  private String appliedConfigHash;

  /** When the configuration was last applied (RFC 3339). */
  @Size(max = 64)
  private String lastAppliedTime;

  /** When the caster's configuration was last read from the cloud (RFC 3339). */
  @Size(max = 64)
  private String lastObservedTime;

  /** RequestId of the last Live API call made for this Caster. */
  @Size(max = 128)
  private String lastRequestId;

  /** Exact Live API error code of the last failed call, such as InvalidCaster.NotFound; absent after a success. */
  @Size(max = 128)
  private String lastErrorCode;

  /** When the operator will try again after a failure or throttling (RFC 3339). */
  @Size(max = 64)
  private String nextRetryTime;

  /**
   * What the caster outputs, per scene, as read after it last started: playback and RTMP URLs and
   * the transcoded streams, every auth_key masked (spec.outputsSecretRef names a Secret with them whole).
   */
  @Size(max = 8)
  private List<SceneOutput> outputs;

  /** When the outputs were last read (RFC 3339). */
  @Size(max = 64)
  private String outputsReadAt;

  /**
   * Set while the operator has stopped the caster to enable channels (channelEnablePolicy
   * RestartCaster) and will start it again once they are on (RFC 3339: when it stopped it).
   */
  @Size(max = 64)
  private String stoppedForChannels;

  /**
   * The studio's inputs, channels, layouts, overlays and scenes: for each item of the spec, its id
   * in the cloud, whether it is applied, and the last error; and what the cloud holds that the spec
   * does not describe.
   */
  private StudioStatus studio;

  /** Fields whose value in the cloud differs from the spec, as of the last read. */
  @Size(max = 64)
  private List<DriftEntry> drift;

  /** The last time the operator set drifted fields back to the spec. */
  private DriftCorrection lastDriftCorrection;

  /** Ready, Synced, Drifted and Running conditions. */
  @Size(max = 16)
  private List<Condition> conditions;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getCasterId() {
    return casterId;
  }

  public void setCasterId(String casterId) {
    this.casterId = casterId;
  }

  public String getRegionId() {
    return regionId;
  }

  public void setRegionId(String regionId) {
    this.regionId = regionId;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getCredentialsSecretName() {
    return credentialsSecretName;
  }

  public void setCredentialsSecretName(String credentialsSecretName) {
    this.credentialsSecretName = credentialsSecretName;
  }

  public CasterOrigin getOrigin() {
    return origin;
  }

  public void setOrigin(CasterOrigin origin) {
    this.origin = origin;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public CasterState getCasterState() {
    return casterState;
  }

  public void setCasterState(CasterState casterState) {
    this.casterState = casterState;
  }

  public Boolean getChannelsEnabled() {
    return channelsEnabled;
  }

  public void setChannelsEnabled(Boolean channelsEnabled) {
    this.channelsEnabled = channelsEnabled;
  }

  public Long getAppliedGeneration() {
    return appliedGeneration;
  }

  public void setAppliedGeneration(Long appliedGeneration) {
    this.appliedGeneration = appliedGeneration;
  }

  public String getAppliedConfigHash() {
    return appliedConfigHash;
  }

  public void setAppliedConfigHash(String appliedConfigHash) {
    this.appliedConfigHash = appliedConfigHash;
  }

  public String getLastAppliedTime() {
    return lastAppliedTime;
  }

  public void setLastAppliedTime(String lastAppliedTime) {
    this.lastAppliedTime = lastAppliedTime;
  }

  public String getLastObservedTime() {
    return lastObservedTime;
  }

  public void setLastObservedTime(String lastObservedTime) {
    this.lastObservedTime = lastObservedTime;
  }

  public String getLastRequestId() {
    return lastRequestId;
  }

  public void setLastRequestId(String lastRequestId) {
    this.lastRequestId = lastRequestId;
  }

  public String getLastErrorCode() {
    return lastErrorCode;
  }

  public void setLastErrorCode(String lastErrorCode) {
    this.lastErrorCode = lastErrorCode;
  }

  public String getNextRetryTime() {
    return nextRetryTime;
  }

  public void setNextRetryTime(String nextRetryTime) {
    this.nextRetryTime = nextRetryTime;
  }

  public List<SceneOutput> getOutputs() {
    return outputs;
  }

  public void setOutputs(List<SceneOutput> outputs) {
    this.outputs = outputs;
  }

  public String getOutputsReadAt() {
    return outputsReadAt;
  }

  public void setOutputsReadAt(String outputsReadAt) {
    this.outputsReadAt = outputsReadAt;
  }

  public String getStoppedForChannels() {
    return stoppedForChannels;
  }

  public void setStoppedForChannels(String stoppedForChannels) {
    this.stoppedForChannels = stoppedForChannels;
  }

  public List<DriftEntry> getDrift() {
    return drift;
  }

  public void setDrift(List<DriftEntry> drift) {
    this.drift = drift;
  }

  public DriftCorrection getLastDriftCorrection() {
    return lastDriftCorrection;
  }

  public void setLastDriftCorrection(DriftCorrection lastDriftCorrection) {
    this.lastDriftCorrection = lastDriftCorrection;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public StudioStatus getStudio() {
    return studio;
  }

  public void setStudio(StudioStatus studio) {
    this.studio = studio;
  }
}
