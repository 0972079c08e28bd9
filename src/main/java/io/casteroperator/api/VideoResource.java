package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * An input of the studio (AddCasterVideoResource): a live stream, a file or an image, at a location
 * RV01 to RV99.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.liveStreamUrl), has(self.materialId), has(self.vodUrl), has(self.imageId), "
        + "has(self.imageUrl)].filter(s, s).size() == 1",
    message = "set exactly one of liveStreamUrl, materialId, vodUrl, imageId and imageUrl: it is what "
        + "the input plays",
    reason = "FieldValueInvalid")
public class VideoResource {

  /**
   * The name of this input: your key for it, unique in the list, and how the other lists refer to
   * it.
   */
  @Required
  @Pattern(Patterns.STUDIO_NAME)
  @Size(max = 63)
  private String name;

  /**
   * Where the input sits in the studio, RV01 to RV99 (API parameter LocationId); one input per
   * location. Changing it deletes the input and adds it again.
   */
  @Required
  @Pattern(Patterns.INPUT_LOCATION)
  @Size(max = 4)
  private String locationId;

  /** A live stream of ApsaraVideo Live to play (API parameter LiveStreamUrl). */
  @Pattern(Patterns.STREAM_URL)
  @Size(max = 2048)
  private String liveStreamUrl;

  /** A media library asset to play (API parameter MaterialId). */
  @Pattern(Patterns.NO_SPACE_TEXT)
  @Size(max = 128)
  private String materialId;

  /** A file to play that is not in the media library: MP4, FLV or TS (API parameter VodUrl). */
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String vodUrl;

  /** A media library image to show (API parameter ImageId). */
  @Pattern(Patterns.NO_SPACE_TEXT)
  @Size(max = 128)
  private String imageId;

  /**
   * An image to show that is not in the media library: jpg or png, up to 10 MB (API parameter
   * ImageUrl).
   */
  @Pattern(Patterns.HTTP_URL)
  @Size(max = 2048)
  private String imageUrl;

  /** Files: start this many milliseconds after the first frame (API parameter BeginOffset). */
  @Min(0)
  @Max(Integer.MAX_VALUE)
  private Long beginOffset;

  /**
   * Files: stop this many milliseconds after the first frame, or, negative, before the last one
   * (API parameter EndOffset).
   */
  @Min(Integer.MIN_VALUE)
  @Max(Integer.MAX_VALUE)
  private Long endOffset;

  /**
   * Files: 0 plays once (default), -1 loops forever, n plays n more times (API parameter
   * RepeatNum).
   */
  @Min(-1)
  @Max(Integer.MAX_VALUE)
  private Long repeatNum;

  /** Files: period of PTS callbacks in milliseconds, 0 for none (API parameter PtsCallbackInterval). */
  @Min(0)
  @Max(Integer.MAX_VALUE)
  private Long ptsCallbackInterval;

  /**
   * Fixed video delay in milliseconds, 0 to 5000, to keep captions in sync (API parameter
   * FixedDelayDuration). It cannot be read back or modified: changing it deletes the input and adds
   * it again.
   */
  @Min(0)
  @Max(5000)
  private Long fixedDelayDuration;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLocationId() {
    return locationId;
  }

  public void setLocationId(String locationId) {
    this.locationId = locationId;
  }

  public String getLiveStreamUrl() {
    return liveStreamUrl;
  }

  public void setLiveStreamUrl(String liveStreamUrl) {
    this.liveStreamUrl = liveStreamUrl;
  }

  public String getMaterialId() {
    return materialId;
  }

  public void setMaterialId(String materialId) {
    this.materialId = materialId;
  }

  public String getVodUrl() {
    return vodUrl;
  }

  public void setVodUrl(String vodUrl) {
    this.vodUrl = vodUrl;
  }

  public String getImageId() {
    return imageId;
  }

  public void setImageId(String imageId) {
    this.imageId = imageId;
  }

  public String getImageUrl() {
    return imageUrl;
  }

  public void setImageUrl(String imageUrl) {
    this.imageUrl = imageUrl;
  }

  public Long getBeginOffset() {
    return beginOffset;
  }

  public void setBeginOffset(Long beginOffset) {
    this.beginOffset = beginOffset;
  }

  public Long getEndOffset() {
    return endOffset;
  }

  public void setEndOffset(Long endOffset) {
    this.endOffset = endOffset;
  }

  public Long getRepeatNum() {
    return repeatNum;
  }

  public void setRepeatNum(Long repeatNum) {
    this.repeatNum = repeatNum;
  }

  public Long getPtsCallbackInterval() {
    return ptsCallbackInterval;
  }

  public void setPtsCallbackInterval(Long ptsCallbackInterval) {
    this.ptsCallbackInterval = ptsCallbackInterval;
  }

  public Long getFixedDelayDuration() {
    return fixedDelayDuration;
  }

  public void setFixedDelayDuration(Long fixedDelayDuration) {
    this.fixedDelayDuration = fixedDelayDuration;
  }
}
