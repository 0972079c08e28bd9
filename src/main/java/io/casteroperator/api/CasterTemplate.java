package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The caster's output template, as documented for {@code TranscodeConfig.CasterTemplate}. */
public enum CasterTemplate {
  @JsonProperty("lp_ld") LP_LD,
  @JsonProperty("lp_sd") LP_SD,
  @JsonProperty("lp_hd") LP_HD,
  @JsonProperty("lp_ud") LP_UD,
  @JsonProperty("lp_ld_v") LP_LD_V,
  @JsonProperty("lp_sd_v") LP_SD_V,
  @JsonProperty("lp_hd_v") LP_HD_V,
  @JsonProperty("lp_ud_v") LP_UD_V;

  /** The value the API takes. */
  public String apiValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The template for an API value, or {@code null} if the API value is not a known template. */
  public static CasterTemplate fromApiValue(String value) {
    for (CasterTemplate t : values()) {
      if (t.apiValue().equals(value)) {
        return t;
      }
    }
    return null;
  }
}
