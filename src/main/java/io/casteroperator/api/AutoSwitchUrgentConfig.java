package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Configuration of the automatic switch to the standby source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoSwitchUrgentConfig {

  /** Seconds after the stream breaks before switching to the standby source (JSON key eofThres). */
  @Min(0)
  @Max(Integer.MAX_VALUE)
  private Long eofThres;

  public Long getEofThres() {
    return eofThres;
  }

  public void setEofThres(Long eofThres) {
    this.eofThres = eofThres;
  }
}
