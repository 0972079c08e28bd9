package io.casteroperator.emulator;

/**
 * Who a call comes from and where it goes: the account of its key and the region it was sent to.
 * A caster belongs to one account and one region; from anywhere else it does not exist.
 */
record Caller(String account, String region) {}
