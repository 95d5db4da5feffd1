package io.eventrouter.routing;

/** Why an event was not delivered; the {@code reason} label of the drop metrics. */
enum DropReason {
    /** The router's queue was full and the event's priority too low to evict anything. */
    QUEUE_FULL("queue_full"),
    /** Removed from a full router queue to make room for a higher priority. */
    EVICTED("evicted"),
    /** Dropped from a subscriber's full outbound queue. */
    SLOW_CONSUMER("slow_consumer"),
    /** Still queued for a subscriber when its connection closed. */
    DISCONNECTED("disconnected"),
    /** Writing to a subscriber failed, or routing the event failed. */
    SEND_FAILED("send_failed");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
