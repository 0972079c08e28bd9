package io.casteroperator.emulator;

/**
 * One input of a studio as the cloud holds it, including what DescribeCasterVideoResources does
 * not report ({@code fixedDelayDuration}, {@code streamId}). Exactly one source is set.
 *
 * @param locationId RV01..RV99, unique in the studio; cannot be changed after Add
 */
public record VideoResource(
    String resourceId,
    String resourceName,
    String locationId,
    String liveStreamUrl,
    String materialId,
    String vodUrl,
    String imageId,
    String imageUrl,
    int beginOffset,
    int endOffset,
    int repeatNum,
    int ptsCallbackInterval,
    int fixedDelayDuration,
    String streamId) {}
