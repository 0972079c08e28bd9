package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Transcoding configuration (API parameter TranscodeConfig, sent as JSON). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TranscodeConfig {

  /**
   * Output template of the caster (JSON key CasterTemplate): lp_ld, lp_sd, lp_hd, lp_ud, or the
   * portrait variants lp_ld_v, lp_sd_v, lp_hd_v, lp_ud_v.
   */
  private CasterTemplate casterTemplate;

  /** IDs of live transcoding templates to apply to the output (JSON key LiveTemplateIds). */
  @Size(max = 20)
  @EachItem(maxLength = 128)
  private List<String> liveTemplateIds;

  /** Custom output parameters (JSON key CustomParams). */
  private CustomParams customParams;

  public CasterTemplate getCasterTemplate() {
    return casterTemplate;
  }

  public void setCasterTemplate(CasterTemplate casterTemplate) {
    this.casterTemplate = casterTemplate;
  }

  public List<String> getLiveTemplateIds() {
    return liveTemplateIds;
  }

  public void setLiveTemplateIds(List<String> liveTemplateIds) {
    this.liveTemplateIds = liveTemplateIds;
  }

  public CustomParams getCustomParams() {
    return customParams;
  }

  public void setCustomParams(CustomParams customParams) {
    this.customParams = customParams;
  }
}
