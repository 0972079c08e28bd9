package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The desired production studio. Its configuration fields are request parameters of the Live API
 * call SetCasterConfig, named after them in lowerCamelCase; SetCasterConfig replaces the whole
 * configuration, so a field left out here is cleared on the caster. The studio's inputs, channels,
 * layouts, overlays and scenes are the lists videoResources, channels, layouts, components and
 * scenes, each item keyed by its name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
@ValidationRule(
    value = "!has(oldSelf.casterId) || (has(self.casterId) && self.casterId == oldSelf.casterId)",
    message = "casterId cannot be changed or removed once set: create another Caster to manage"
        + " another caster (checked on updates only)",
    fieldPath = ".casterId",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "!has(self.running) || !self.running || (has(self.domainName) && has(self.transcodeConfig)"
        + " && has(self.transcodeConfig.casterTemplate))",
    message = "running: true needs domainName and transcodeConfig.casterTemplate: StartCaster refuses a caster"
        + " without them",
    fieldPath = ".running",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!has(self.channels) || size(self.channels) == 0 || (has(self.channelEnable) && "
        + "self.channelEnable)",
    message = "channels need channelEnable: true",
    fieldPath = ".channels",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "!has(self.channels) || self.channels.all(c, has(self.videoResources) && "
        + "self.videoResources.exists(r, r.name == c.videoResource))",
    message = "every channel's videoResource names an entry of videoResources",
    fieldPath = ".channels",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.layouts) || self.layouts.all(l, l.blendList.all(n, (has(self.channelEnable) &&"
        + " self.channelEnable ? has(self.channels) && self.channels.exists(c, c.channelId == n) : "
        + "has(self.videoResources) && self.videoResources.exists(r, r.name == n))) && "
        + "l.mixList.all(n, (has(self.channelEnable) && self.channelEnable ? has(self.channels) && "
        + "self.channels.exists(c, c.channelId == n) : has(self.videoResources) && "
        + "self.videoResources.exists(r, r.name == n))))",
    message = "every blendList and mixList entry names an entry of videoResources (with channelEnable: "
        + "true, the channelId of an entry of channels)",
    fieldPath = ".layouts",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.components) || self.components.all(c, c.type != 'caption' || "
        + "(has(self.channelEnable) && self.channelEnable ? has(self.channels) && "
        + "self.channels.exists(h, h.channelId == c.locationId) : has(self.videoResources) && "
        + "self.videoResources.exists(r, r.locationId == c.locationId)))",
    message = "a caption's locationId is the locationId of an entry of videoResources (with "
        + "channelEnable: true, the channelId of an entry of channels)",
    fieldPath = ".components",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.scenes) || ((!has(self.scenes.program) || (!has(self.scenes.program.layout) ||"
        + " (has(self.layouts) && self.layouts.exists(l, l.name == self.scenes.program.layout))) &&"
        + " (!has(self.scenes.program.components) || self.scenes.program.components.all(n, "
        + "has(self.components) && self.components.exists(c, c.name == n)))) && "
        + "(!has(self.scenes.preview) || (!has(self.scenes.preview.layout) || (has(self.layouts) &&"
        + " self.layouts.exists(l, l.name == self.scenes.preview.layout))) && "
        + "(!has(self.scenes.preview.components) || self.scenes.preview.components.all(n, "
        + "has(self.components) && self.components.exists(c, c.name == n)))))",
    message = "a scene's layout and components name entries of layouts and components",
    fieldPath = ".scenes",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.scenes) || (has(self.running) && self.running)",
    message = "scenes need running: true: the scenes exist, and can be set, only while the caster runs",
    fieldPath = ".scenes",
    reason = "FieldValueForbidden")
public class CasterSpec {

  /**
   * ID of an existing production studio to adopt (API parameter CasterId). Leave it out to let the
   * operator create a new caster. It cannot be changed once set.
   */
  @Pattern(Patterns.CASTER_ID)
  @Size(max = 64)
  private String casterId;

  /** Region of the caster (API parameter RegionId), such as cn-shanghai. Defaults to the operator's region. */
  @Pattern(Patterns.REGION_ID)
  @Size(max = 32)
  private String regionId;

  /**
   * Secret in this namespace with the AccessKey to use: keys accessKeyId, accessKeySecret, optional
   * securityToken and accountId. Defaults to the operator's own credentials.
   */
  private SecretReference credentialsSecretRef;

  /**
   * Whether the caster should be on air: true starts it (StartCaster) once its configuration is
   * applied, false stops it (StopCaster). Leave it out and the operator never starts or stops it.
   * Needs domainName and transcodeConfig.casterTemplate when true.
   */
  private Boolean running;

  /**
   * What to do when channelEnable is turned on while the caster runs: WaitForStop (default) applies
   * everything else and waits until someone stops it; RestartCaster stops it, enables channels and
   * starts it again, which interrupts the broadcast and discards the caster's layouts.
   */
  private ChannelEnablePolicy channelEnablePolicy;

  /**
   * Secret in this namespace that the operator writes the caster's output URLs into, unmasked
   * (keys such as program.rtmp, program.flv, preview.flv). Created and owned by this Caster; an
   * existing Secret that this Caster does not own is never overwritten.
   */
  private SecretReference outputsSecretRef;

  /** Full (create, update, delete) or ObserveOnly (never write; report drift). Default: Full. */
  private ManagementPolicy managementPolicy;

  /**
   * What deleting this Caster does to the cloud caster: Delete or Orphan. Default: Delete for a
   * caster the operator created, Orphan for an adopted one.
   */
  private DeletionPolicy deletionPolicy;

  /** Kind of studio to create (API parameter NormType of CreateCaster). Used only at creation. Default: General. */
  private NormType normType;

  /** Resource group of a new caster (API parameter ResourceGroupId of CreateCaster). Used only at creation. */
  @Pattern(Patterns.RESOURCE_GROUP_ID)
  @Size(max = 64)
  private String resourceGroupId;

  /** Tags of a new caster (API parameter Tag of CreateCaster). Used only at creation. */
  @Size(max = 20)
  private List<Tag> tags;

  /** Name of the production studio (API parameter CasterName). */
  @Size(max = 128)
  private String casterName;

  /** Streaming domain of the studio (API parameter DomainName); required before the caster can start. */
  @Pattern(Patterns.DNS_NAME)
  @Size(max = 253)
  private String domainName;

  /** Transcoding configuration (API parameter TranscodeConfig); required before the caster can start. */
  private TranscodeConfig transcodeConfig;

  /** Recording configuration (API parameter RecordConfig). Leave it out to disable recording. */
  private RecordConfig recordConfig;

  /** Stream delay in seconds, 0 to 300 (API parameter Delay); 0 disables it. */
  @Min(0)
  @Max(300)
  private Double delay;

  /** Media asset ID of the standby video (API parameter UrgentMaterialId). */
  @Size(max = 128)
  private String urgentMaterialId;

  /** URL of the standby live stream, rtmp, http or https (API parameter UrgentLiveStreamUrl). */
  @Pattern(Patterns.STREAM_URL)
  @Size(max = 2048)
  private String urgentLiveStreamUrl;

  /**
   * Custom RTMP ingest URL for the bypass output (API parameter SideOutputUrl). Left out, the
   * service uses the ingest URL it generates.
   */
  @Pattern(Patterns.RTMP_URL)
  @Size(max = 2048)
  private String sideOutputUrl;

  /** Up to 20 RTMP ingest URLs for multi-channel output (API parameter SideOutputUrlList). */
  @Size(max = 20)
  @EachItem(maxLength = 2048, pattern = Patterns.RTMP_URL)
  private List<String> sideOutputUrlList;

  /** Webhook address for caster callbacks, http or https (API parameter CallbackUrl). */
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String callbackUrl;

  /** Whether the carousel is effective (API parameter ProgramEffect, 1 when true). */
  private Boolean programEffect;

  /** Name of the carousel (API parameter ProgramName). */
  @Size(max = 128)
  private String programName;

  /**
   * Enables channels (API parameter ChannelEnable, 1 when true). Channels can only be enabled while
   * the caster is stopped, enabling them discards the caster's layouts, and they can never be
   * disabled again.
   */
  private Boolean channelEnable;

  /** Multi-view synchronization groups (API parameter SyncGroupsConfig). */
  @Size(max = 20)
  private List<SyncGroup> syncGroupsConfig;

  /** Media asset ID of the standby image (API parameter UrgentImageId). */
  @Size(max = 128)
  private String urgentImageId;

  /** URL of the standby image, http or https (API parameter UrgentImageUrl). */
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String urgentImageUrl;

  /** Switches to the standby source automatically when the stream breaks (API parameter AutoSwitchUrgentOn). */
  private Boolean autoSwitchUrgentOn;

  /** Configuration of the automatic switch to the standby source (API parameter AutoSwitchUrgentConfig). */
  private AutoSwitchUrgentConfig autoSwitchUrgentConfig;

  /**
   * The inputs of the studio (AddCasterVideoResource), each keyed by its name. An input that leaves
   * the list is deleted from the caster.
   */
  @Size(max = 24)
  @ListKey("name")
  @ValidationRule(
      value = "self.all(a, self.exists_one(b, b.locationId == a.locationId))",
      message = "two videoResources share a locationId: one input per location",
      reason = "FieldValueDuplicate")
  private List<VideoResource> videoResources;

  /** Which input plays on each channel (SetCasterChannel), keyed by channelId; only with channelEnable: true. */
  @Size(max = 24)
  @ListKey("channelId")
  @ValidationRule(
      value = "self.all(a, self.exists_one(b, b.videoResource == a.videoResource))",
      message = "an input plays on one channel at most",
      reason = "FieldValueDuplicate")
  private List<ChannelBinding> channels;

  /** The layouts of the studio (AddCasterLayout), each keyed by its name. */
  @Size(max = 16)
  @ListKey("name")
  private List<Layout> layouts;

  /** The overlays of the studio (AddCasterComponent): text, images and captions, each keyed by its name. */
  @Size(max = 24)
  @ListKey("name")
  @ValidationRule(
      value = "self.all(a, a.type == 'caption' || self.exists_one(b, b.locationId == a.locationId))",
      message = "two components share a locationId: one text or image overlay per location (captions of one input may share it)",
      reason = "FieldValueDuplicate")
  private List<Component> components;

  /** What the program and preview scenes show (SetCasterSceneConfig); needs running: true. */
  private StudioScenes scenes;

  /**
   * Whether inputs, layouts and overlays in the cloud that the lists above do not describe are
   * deleted. Default: false for an adopted caster (they are kept, and listed in
   * status.studio.unmanaged); a caster the operator created has only what the spec describes.
   */
  private Boolean pruneUnmanagedStudioItems;

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

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public Boolean getRunning() {
    return running;
  }

  public void setRunning(Boolean running) {
    this.running = running;
  }

  public ChannelEnablePolicy getChannelEnablePolicy() {
    return channelEnablePolicy;
  }

  public void setChannelEnablePolicy(ChannelEnablePolicy channelEnablePolicy) {
    this.channelEnablePolicy = channelEnablePolicy;
  }

  public SecretReference getOutputsSecretRef() {
    return outputsSecretRef;
  }

  public void setOutputsSecretRef(SecretReference outputsSecretRef) {
    this.outputsSecretRef = outputsSecretRef;
  }

  public ManagementPolicy getManagementPolicy() {
    return managementPolicy;
  }

  public void setManagementPolicy(ManagementPolicy managementPolicy) {
    this.managementPolicy = managementPolicy;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public NormType getNormType() {
    return normType;
  }

  public void setNormType(NormType normType) {
    this.normType = normType;
  }

  public String getResourceGroupId() {
    return resourceGroupId;
  }

  public void setResourceGroupId(String resourceGroupId) {
    this.resourceGroupId = resourceGroupId;
  }

  public List<Tag> getTags() {
    return tags;
  }

  public void setTags(List<Tag> tags) {
    this.tags = tags;
  }

  public String getCasterName() {
    return casterName;
  }

  public void setCasterName(String casterName) {
    this.casterName = casterName;
  }

  public String getDomainName() {
    return domainName;
  }

  public void setDomainName(String domainName) {
    this.domainName = domainName;
  }

  public TranscodeConfig getTranscodeConfig() {
    return transcodeConfig;
  }

  public void setTranscodeConfig(TranscodeConfig transcodeConfig) {
    this.transcodeConfig = transcodeConfig;
  }

  public RecordConfig getRecordConfig() {
    return recordConfig;
  }

  public void setRecordConfig(RecordConfig recordConfig) {
    this.recordConfig = recordConfig;
  }

  public Double getDelay() {
    return delay;
  }

  public void setDelay(Double delay) {
    this.delay = delay;
  }

  public String getUrgentMaterialId() {
    return urgentMaterialId;
  }

  public void setUrgentMaterialId(String urgentMaterialId) {
    this.urgentMaterialId = urgentMaterialId;
  }

  public String getUrgentLiveStreamUrl() {
    return urgentLiveStreamUrl;
  }

  public void setUrgentLiveStreamUrl(String urgentLiveStreamUrl) {
    this.urgentLiveStreamUrl = urgentLiveStreamUrl;
  }

  public String getSideOutputUrl() {
    return sideOutputUrl;
  }

  public void setSideOutputUrl(String sideOutputUrl) {
    this.sideOutputUrl = sideOutputUrl;
  }

  public List<String> getSideOutputUrlList() {
    return sideOutputUrlList;
  }

  public void setSideOutputUrlList(List<String> sideOutputUrlList) {
    this.sideOutputUrlList = sideOutputUrlList;
  }

  public String getCallbackUrl() {
    return callbackUrl;
  }

  public void setCallbackUrl(String callbackUrl) {
    this.callbackUrl = callbackUrl;
  }

  public Boolean getProgramEffect() {
    return programEffect;
  }

  public void setProgramEffect(Boolean programEffect) {
    this.programEffect = programEffect;
  }

  public String getProgramName() {
    return programName;
  }

  public void setProgramName(String programName) {
    this.programName = programName;
  }

  public Boolean getChannelEnable() {
    return channelEnable;
  }

  public void setChannelEnable(Boolean channelEnable) {
    this.channelEnable = channelEnable;
  }

  public List<SyncGroup> getSyncGroupsConfig() {
    return syncGroupsConfig;
  }

  public void setSyncGroupsConfig(List<SyncGroup> syncGroupsConfig) {
    this.syncGroupsConfig = syncGroupsConfig;
  }

  public String getUrgentImageId() {
    return urgentImageId;
  }

  public void setUrgentImageId(String urgentImageId) {
    this.urgentImageId = urgentImageId;
  }

  public String getUrgentImageUrl() {
    return urgentImageUrl;
  }

  public void setUrgentImageUrl(String urgentImageUrl) {
    this.urgentImageUrl = urgentImageUrl;
  }

  public Boolean getAutoSwitchUrgentOn() {
    return autoSwitchUrgentOn;
  }

  public void setAutoSwitchUrgentOn(Boolean autoSwitchUrgentOn) {
    this.autoSwitchUrgentOn = autoSwitchUrgentOn;
  }

  public AutoSwitchUrgentConfig getAutoSwitchUrgentConfig() {
    return autoSwitchUrgentConfig;
  }

  public void setAutoSwitchUrgentConfig(AutoSwitchUrgentConfig autoSwitchUrgentConfig) {
    this.autoSwitchUrgentConfig = autoSwitchUrgentConfig;
  }

  public List<VideoResource> getVideoResources() {
    return videoResources;
  }

  public void setVideoResources(List<VideoResource> videoResources) {
    this.videoResources = videoResources;
  }

  public List<ChannelBinding> getChannels() {
    return channels;
  }

  public void setChannels(List<ChannelBinding> channels) {
    this.channels = channels;
  }

  public List<Layout> getLayouts() {
    return layouts;
  }

  public void setLayouts(List<Layout> layouts) {
    this.layouts = layouts;
  }

  public List<Component> getComponents() {
    return components;
  }

  public void setComponents(List<Component> components) {
    this.components = components;
  }

  public StudioScenes getScenes() {
    return scenes;
  }

  public void setScenes(StudioScenes scenes) {
    this.scenes = scenes;
  }

  public Boolean getPruneUnmanagedStudioItems() {
    return pruneUnmanagedStudioItems;
  }

  public void setPruneUnmanagedStudioItems(Boolean pruneUnmanagedStudioItems) {
    this.pruneUnmanagedStudioItems = pruneUnmanagedStudioItems;
  }
}
