package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How a layout plays the sound of one audio source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AudioLayer {

  /** Gain, 0 to 10; default 1. */
  @Min(0)
  @Max(10)
  private Double volumeRate;

  /** leftChannel, rightChannel or all (default). */
  private AudioChannel validChannel;

  /** Fixed delay of this sound in milliseconds, 0 to 5000. */
  @Min(0)
  @Max(5000)
  private Long fixedDelayDuration;

  public Double getVolumeRate() {
    return volumeRate;
  }

  public void setVolumeRate(Double volumeRate) {
    this.volumeRate = volumeRate;
  }

  public AudioChannel getValidChannel() {
    return validChannel;
  }

  public void setValidChannel(AudioChannel validChannel) {
    this.validChannel = validChannel;
  }

  public Long getFixedDelayDuration() {
    return fixedDelayDuration;
  }

  public void setFixedDelayDuration(Long fixedDelayDuration) {
    this.fixedDelayDuration = fixedDelayDuration;
  }
}
