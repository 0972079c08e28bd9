package io.casteroperator.emulator;

/**
 * A channel of a studio in channel mode (ChannelEnable=1): RV01..RVnn, n the studio's input count.
 *
 * @param resourceId the video resource it plays, null when none
 * @param faceBeauty as last set by SetCasterChannel, null when never set
 */
public record Channel(String channelId, String resourceId, String faceBeauty) {}
