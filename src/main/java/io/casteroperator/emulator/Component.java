package io.casteroperator.emulator;

/**
 * An overlay (text, image or caption) as the cloud holds it, including what
 * DescribeCasterComponents does not report ({@code layerOrder}, {@code htmlLayerContent}, the
 * caption's truncation fields). The JSON parameters are kept as normalised JSON text: keys
 * UpperCamelCase, numbers as JSON numbers, booleans as JSON booleans, unknown keys dropped.
 *
 * @param locationId RC01..RC99 for text and image (unique in the studio), the RVnn of the transcribed
 *     input for a caption; cannot be changed after Add
 * @param textLayerContent null unless given
 */
public record Component(
    String componentId,
    String componentName,
    String componentType,
    String locationId,
    String effect,
    String layerOrder,
    String componentLayer,
    String textLayerContent,
    String imageLayerContent,
    String captionLayerContent,
    String htmlLayerContent) {}
