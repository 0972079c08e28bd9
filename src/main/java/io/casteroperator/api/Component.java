package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * An overlay of the studio (AddCasterComponent): text, an image or captions, at a location RC01 to
 * RC99.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type == 'text' ? has(self.text) && !has(self.image) && !has(self.caption) : "
        + "self.type == 'image' ? has(self.image) && !has(self.text) && !has(self.caption) : "
        + "has(self.caption) && !has(self.text) && !has(self.image)",
    message = "set the content of the overlay's type and no other: text for text, image for image, "
        + "caption for caption",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "self.type == 'caption' ? self.locationId.startsWith('RV') : "
        + "self.locationId.startsWith('RC')",
    message = "locationId: RC01 to RC99 for text and image overlays; for captions, the RVnn location of"
        + " the input they transcribe",
    fieldPath = ".locationId",
    reason = "FieldValueInvalid")
public class Component {

  /**
   * The name of this overlay: your key for it, unique in the list, and how the other lists refer to
   * it.
   */
  @Required
  @Pattern(Patterns.STUDIO_NAME)
  @Size(max = 63)
  private String name;

  /**
   * RC01 to RC99 for text and images, one overlay per location; for captions, the location (RVnn)
   * of the input whose speech they transcribe (API parameter LocationId). Changing it deletes the
   * overlay and adds it again.
   */
  @Required
  @Pattern(Patterns.COMPONENT_LOCATION)
  @Size(max = 4)
  private String locationId;

  /** text, image or caption (API parameter ComponentType); set the content of that type. */
  @Required
  private ComponentType type;

  /** none (default), animateH or animateV (API parameter Effect). */
  private ComponentEffect effect;

  /**
   * cover (above the video) or background (API parameter LayerOrder). Cannot be read back or
   * modified: changing it deletes the overlay and adds it again.
   */
  private LayerOrder layerOrder;

  /** Where it is drawn (API parameter ComponentLayer). */
  @Required
  private ComponentLayer layer;

  /** What a text overlay shows. */
  private TextContent text;

  /** What an image overlay shows. */
  private ImageContent image;

  /** How a caption overlay transcribes its input. */
  private CaptionContent caption;

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

  public ComponentType getType() {
    return type;
  }

  public void setType(ComponentType type) {
    this.type = type;
  }

  public ComponentEffect getEffect() {
    return effect;
  }

  public void setEffect(ComponentEffect effect) {
    this.effect = effect;
  }

  public LayerOrder getLayerOrder() {
    return layerOrder;
  }

  public void setLayerOrder(LayerOrder layerOrder) {
    this.layerOrder = layerOrder;
  }

  public ComponentLayer getLayer() {
    return layer;
  }

  public void setLayer(ComponentLayer layer) {
    this.layer = layer;
  }

  public TextContent getText() {
    return text;
  }

  public void setText(TextContent text) {
    this.text = text;
  }

  public ImageContent getImage() {
    return image;
  }

  public void setImage(ImageContent image) {
    this.image = image;
  }

  public CaptionContent getCaption() {
    return caption;
  }

  public void setCaption(CaptionContent caption) {
    this.caption = caption;
  }
}
