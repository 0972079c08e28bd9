package io.casteroperator.live;

/**
 * A caster as DescribeCasters lists it.
 *
 * @param casterId the caster
 * @param casterName its name
 * @param running whether it runs ({@code Status=1})
 * @param channelsEnabled whether channels are enabled
 */
public record CasterInfo(String casterId, String casterName, boolean running, boolean channelsEnabled) {}
