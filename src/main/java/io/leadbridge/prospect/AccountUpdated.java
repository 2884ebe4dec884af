package io.leadbridge.prospect;

/**
 * An existing account's facts were refreshed (a new lead brought them), published synchronously
 * in the updating transaction so that listeners can bring what they copied of it up to date.
 */
public record AccountUpdated(long accountId) {
}
