package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * A layout of the studio (AddCasterLayout): which sources it shows where, and which it plays the
 * sound of. The cloud knows a layout by an id only; the operator keeps the name to id in status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "size(self.videoLayers) == size(self.blendList)",
    message = "videoLayers needs one entry per blendList source: the n-th layer shows the n-th source",
    fieldPath = ".videoLayers",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.audioLayers) || size(self.audioLayers) == size(self.mixList)",
    message = "audioLayers needs one entry per mixList source; leave it out for volume 1 on all channels",
    fieldPath = ".audioLayers",
    reason = "FieldValueInvalid")
public class Layout {

  /**
   * The name of this layout: your key for it, unique in the list, and how the other lists refer to
   * it.
   */
  @Required
  @Pattern(Patterns.STUDIO_NAME)
  @Size(max = 63)
  private String name;

  /**
   * The video sources, bottom-most first: names of videoResources, or, with channelEnable, channel
   * ids (API parameter BlendList). The n-th is shown by the n-th of videoLayers.
   */
  @Required
  @Size(min = 1, max = 12)
  @EachItem(maxLength = 63, pattern = Patterns.LAYOUT_SOURCE)
  private List<String> blendList;

  /** Where each blendList source is shown, in the same order (API parameter VideoLayer). */
  @Required
  @Size(min = 1, max = 12)
  private List<VideoLayer> videoLayers;

  /**
   * The audio sources: names of videoResources, or, with channelEnable, channel ids (API parameter
   * MixList).
   */
  @Required
  @Size(min = 1, max = 12)
  @EachItem(maxLength = 63, pattern = Patterns.LAYOUT_SOURCE)
  private List<String> mixList;

  /**
   * How each mixList source is played, in the same order (API parameter AudioLayer); left out, each
   * plays at volume 1 on all channels.
   */
  @Size(max = 12)
  private List<AudioLayer> audioLayers;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getBlendList() {
    return blendList;
  }

  public void setBlendList(List<String> blendList) {
    this.blendList = blendList;
  }

  public List<VideoLayer> getVideoLayers() {
    return videoLayers;
  }

  public void setVideoLayers(List<VideoLayer> videoLayers) {
    this.videoLayers = videoLayers;
  }

  public List<String> getMixList() {
    return mixList;
  }

  public void setMixList(List<String> mixList) {
    this.mixList = mixList;
  }

  public List<AudioLayer> getAudioLayers() {
    return audioLayers;
  }

  public void setAudioLayers(List<AudioLayer> audioLayers) {
    this.audioLayers = audioLayers;
  }
}
