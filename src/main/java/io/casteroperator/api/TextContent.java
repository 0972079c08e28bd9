package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** What a text overlay shows (API parameter TextLayerContent). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TextContent {

  /** The text. */
  @Size(max = 1024)
  private String text;

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

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
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
