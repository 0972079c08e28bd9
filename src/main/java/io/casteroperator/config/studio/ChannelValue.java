package io.casteroperator.config.studio;

/** A channel of a studio and the input (ResourceId) it plays; {@code resourceId} null when it plays none. */
public record ChannelValue(String channelId, String resourceId) {}
