package io.eventrouter.protocol;

import java.util.Locale;

/** Delivery state carried on an event, written in lower case on the wire. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED,
    RETRYING,
    DEAD_LETTER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name such as {@code dead_letter}. */
    public static DeliveryStatus fromWire(String value) {
        for (DeliveryStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown delivery_status '" + value + "'");
    }
}
