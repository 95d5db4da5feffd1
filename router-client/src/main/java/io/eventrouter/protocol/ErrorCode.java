package io.eventrouter.protocol;

import java.util.Locale;

/**
 * Stable, machine-readable reasons carried as {@code code} on {@code error} frames, so clients
 * match on codes rather than on the human-readable text.
 */
public enum ErrorCode {
    INVALID_JSON,
    INVALID_MESSAGE,
    MISSING_TYPE,
    UNKNOWN_TYPE,
    INVALID_FIELD,
    INVALID_PRIORITY,
    INVALID_TOPIC,
    INVALID_PATTERN,
    SUBSCRIPTION_NOT_FOUND,
    SUBSCRIPTION_EXISTS,
    TOO_MANY_SUBSCRIPTIONS,
    MAX_CLIENTS_REACHED,
    SHUTTING_DOWN,
    INTERNAL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
