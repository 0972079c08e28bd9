package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * How a caption overlay transcribes its input (API parameter CaptionLayerContent); the input is the
 * component locationId.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaptionContent {

  /** Language spoken: en, cn (default), es or ru. */
  private CaptionLanguage sourceLan;

  /** Language to translate into; left out, the speech is only transcribed. */
  private CaptionLanguage targetLan;

  /** Whether the transcription is shown beside the translation. */
  private Boolean showSourceLan;

  /** Whether lines are cut to the reserved pages. Cannot be read back. */
  private Boolean truncation;

  /** Words per line of the transcription; default 20. Cannot be read back. */
  @Min(1)
  @Max(100)
  private Long sourceLanPerLineWordCount;

  /** Words per line of the translation; default 20. Cannot be read back. */
  @Min(1)
  @Max(100)
  private Long targetLanPerLineWordCount;

  /** Lines of transcription kept with truncation; default 2. Cannot be read back. */
  @Min(1)
  @Max(100)
  private Long sourceLanReservePages;

  /** Lines of translation kept with truncation; default 2. Cannot be read back. */
  @Min(1)
  @Max(100)
  private Long targetLanReservePages;

  /** Correction of captions against the sound, -10000 to 10000; default 0. */
  @Min(-10000)
  @Max(10000)
  private Long ptsOffset;

  /** Words shown at once, 10 to 50; default 35. */
  @Min(10)
  @Max(50)
  private Long wordsCount;

  /** Colour of the text, 0x000000 to 0xffffff. */
  @Pattern(Patterns.COLOR)
  @Size(max = 8)
  private String color;

  /** Font, such as KaiTi (default), AlibabaPuHuiTi-Regular or NotoSansHans-Bold. */
  @Pattern(Patterns.NO_SPACE_TEXT)
  @Size(max = 64)
  private String fontName;

  /** Font size as a fraction of the output height, 0 to 1. */
  @Min(0)
  @Max(1)
  private Double sizeNormalized;

  /** Border width as a fraction of the font size, 0 to 1; default 0. */
  @Min(0)
  @Max(1)
  private Double borderWidthNormalized;

  /** Colour of the border, 0x000000 to 0xffffff; left out, none. */
  @Pattern(Patterns.COLOR)
  @Size(max = 8)
  private String borderColor;

  public CaptionLanguage getSourceLan() {
    return sourceLan;
  }

  public void setSourceLan(CaptionLanguage sourceLan) {
    this.sourceLan = sourceLan;
  }

  public CaptionLanguage getTargetLan() {
    return targetLan;
  }

  public void setTargetLan(CaptionLanguage targetLan) {
    this.targetLan = targetLan;
  }

  public Boolean getShowSourceLan() {
    return showSourceLan;
  }

  public void setShowSourceLan(Boolean showSourceLan) {
    this.showSourceLan = showSourceLan;
  }

  public Boolean getTruncation() {
    return truncation;
  }

  public void setTruncation(Boolean truncation) {
    this.truncation = truncation;
  }

  public Long getSourceLanPerLineWordCount() {
    return sourceLanPerLineWordCount;
  }

  public void setSourceLanPerLineWordCount(Long sourceLanPerLineWordCount) {
    this.sourceLanPerLineWordCount = sourceLanPerLineWordCount;
  }

  public Long getTargetLanPerLineWordCount() {
    return targetLanPerLineWordCount;
  }

  public void setTargetLanPerLineWordCount(Long targetLanPerLineWordCount) {
    this.targetLanPerLineWordCount = targetLanPerLineWordCount;
  }

  public Long getSourceLanReservePages() {
    return sourceLanReservePages;
  }

  public void setSourceLanReservePages(Long sourceLanReservePages) {
    this.sourceLanReservePages = sourceLanReservePages;
  }

  public Long getTargetLanReservePages() {
    return targetLanReservePages;
  }

  public void setTargetLanReservePages(Long targetLanReservePages) {
    this.targetLanReservePages = targetLanReservePages;
  }

  public Long getPtsOffset() {
    return ptsOffset;
  }

  public void setPtsOffset(Long ptsOffset) {
    this.ptsOffset = ptsOffset;
  }

  public Long getWordsCount() {
    return wordsCount;
  }

  public void setWordsCount(Long wordsCount) {
    this.wordsCount = wordsCount;
  }

  public String getColor() {
    return color;
  }

  public void setColor(String color) {
    this.color = color;
  }

  public String getFontName() {
    return fontName;
  }

  public void setFontName(String fontName) {
    this.fontName = fontName;
  }

  public Double getSizeNormalized() {
    return sizeNormalized;
  }

  public void setSizeNormalized(Double sizeNormalized) {
    this.sizeNormalized = sizeNormalized;
  }

  public Double getBorderWidthNormalized() {
    return borderWidthNormalized;
  }

  public void setBorderWidthNormalized(Double borderWidthNormalized) {
    this.borderWidthNormalized = borderWidthNormalized;
  }

  public String getBorderColor() {
    return borderColor;
  }

  public void setBorderColor(String borderColor) {
    this.borderColor = borderColor;
  }
}
