package io.casteroperator.config.studio;

/** An item of a studio as the cloud reports it: its id and its value. */
public record CloudItem<V>(String id, V value) {}
